/* Unit tests for the small readers the EIA rule kinds share: date ranges as
 * typed (core/daterange.c, EIA202 and the publicity periods), the clauses
 * of a sentence (rules/clause.c), and the personal numbers of a published
 * 公众参与说明 (rules/ppdata.c, EIA407). The texts are normalised the way the
 * rules see them: dashes are '-', full-width ASCII folded. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/arena.h"
#include "rules/clause.h"
#include "core/daterange.h"
#include "rules/ppdata.h"

typedef struct range_case {
    const char *in;
    int y1, m1, d1;      /* the start; y1 == 0: no date */
    int y2, m2, d2;      /* the end; y2 == 0: none */
    int range;           /* both ends to the day */
    const char *rest;    /* what follows what was read */
} range_case;

static void test_ranges(void **state)
{
    (void)state;
    static const range_case cases[] = {
        {"2024年4月20日至6月10日。", 2024, 4, 20, 2024, 6, 10, 1, "。"},
        {"2024年4月20日至25日，", 2024, 4, 20, 2024, 4, 25, 1, "，"},
        {"2023年12月4日-2023年12月15日", 2023, 12, 4, 2023, 12, 15, 1, ""},
        {"2024-03-01~2024-03-14止", 2024, 3, 1, 2024, 3, 14, 1, "止"},
        {"2024.5.8至2024.5.9", 2024, 5, 8, 2024, 5, 9, 1, ""},
        {"2024年4月28日到30日", 2024, 4, 28, 2024, 4, 30, 1, ""},
        {"2024年5月28日--6月2日", 2024, 5, 28, 2024, 6, 2, 1, ""},  /* —— folded */
        {"2024年12月28日至1月10日", 2024, 12, 28, 2025, 1, 10, 1, ""}, /* into the next year */
        {"2024年3月至2024年6月", 2024, 3, 0, 2024, 6, 0, 0, ""},       /* months: no countable period */
        {"2024年3月至6月", 2024, 3, 0, 0, 0, 0, 0, "至6月"},          /* a month alone after it is not read */
        {"2024年4月20日监测", 2024, 4, 20, 0, 0, 0, 0, "监测"},
        {"2024年4月20日至今", 2024, 4, 20, 0, 0, 0, 0, "至今"},
        {"2024年", 0, 0, 0, 0, 0, 0, 0, NULL},                        /* a year alone is no date of a period */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const range_case *c = &cases[i];
        fl_drange r;
        size_t n = fl_drange_at(&r, c->in, strlen(c->in), 0, NULL);
        if (!c->y1) {
            assert_int_equal(n, 0);
            continue;
        }
        if (!n) fail_msg("no date read in %s", c->in);
        assert_int_equal(r.from.y, c->y1);
        assert_int_equal(r.from.m, c->m1);
        assert_int_equal(r.from.d, c->d1);
        assert_int_equal(r.has_end, c->y2 != 0);
        if (c->y2) {
            assert_int_equal(r.to.y, c->y2);
            assert_int_equal(r.to.m, c->m2);
            assert_int_equal(r.to.d, c->d2);
        }
        assert_int_equal(r.range, c->range);
        assert_string_equal(c->in + n, c->rest);
    }
}

static void test_range_carry_and_bounds(void **state)
{
    (void)state;
    fl_date carry = {2024, 9, 20};
    fl_drange r;
    const char *t = "3月1日至14日";
    assert_true(fl_drange_at(&r, t, strlen(t), 0, &carry) > 0); /* the year from the date before */
    assert_int_equal(r.from.y, 2024);
    assert_int_equal(r.to.d, 14);
    assert_int_equal(fl_drange_at(&r, t, strlen(t), 0, NULL), 0); /* no year to carry */
    /* not inside a code or number */
    const char *code = "A2024年3月1日";
    assert_int_equal(fl_drange_at(&r, code, strlen(code), 1, NULL), 0);
    /* only the end, after the start read elsewhere */
    fl_date start = {2024, 4, 20}, end;
    size_t s;
    const char *tail = "至6月10日，";
    size_t e = fl_drange_end(tail, strlen(tail), 0, &start, &end, &s);
    assert_int_equal(e, strlen("至6月10日"));
    assert_int_equal(s, strlen("至"));
    assert_int_equal(end.m, 6);
    assert_int_equal(fl_drange_end("，6月10日", strlen("，6月10日"), 0, &start, &end, &s), 0);
}

static void test_clause(void **state)
{
    (void)state;
    const char *t = "项目位于吴江区,向东流经嘉兴市后汇入京杭运河,最终汇入黄浦江。";
    size_t a, e, off = (size_t)(strstr(t, "嘉兴") - t);
    fl_text_clause(t, 0, strlen(t), off, &a, &e);
    assert_int_equal(a, (size_t)(strstr(t, "向东") - t));
    assert_int_equal(e, (size_t)(strstr(t, ",最终") - t));
    /* full-width commas are commas too, the clause starts after the whole character */
    const char *w = "甲\xEF\xBC\x8C乙丙\xEF\xBC\x8C丁";
    off = (size_t)(strstr(w, "乙") - w);
    fl_text_clause(w, 0, strlen(w), off, &a, &e);
    assert_int_equal(a, off);
    assert_int_equal(e, (size_t)(strstr(w, "丙") - w) + 3);
}

static void test_ids(void **state)
{
    (void)state;
    size_t at;
    const char *valid = "身份证号341122197503140529。";
    assert_int_equal(fl_pp_find_id(valid, strlen(valid), 0, true, &at), 18);
    assert_int_equal(at, strlen("身份证号"));
    /* a wrong check character: only where the column says it is an ID */
    const char *bad = "341122197503140521";
    assert_int_equal(fl_pp_find_id(bad, strlen(bad), 0, true, &at), 0);
    assert_int_equal(fl_pp_find_id(bad, strlen(bad), 0, false, &at), 18);
    /* masked, inside a longer number, impossible birth dates, letters */
    static const char *const not_ids[] = {
        "3411**********0529", "2015035320352013320501000123", "341122197513400529",
        "91350203MA34ABCD3R", "A341122197503140529", "14112219750314052",
    };
    for (size_t i = 0; i < sizeof not_ids / sizeof *not_ids; i++)
        assert_int_equal(fl_pp_find_id(not_ids[i], strlen(not_ids[i]), 0, false, &at), 0);
    const char *x = "11010519491231002x";
    assert_int_equal(fl_pp_find_id(x, strlen(x), 0, true, &at), 18);
}

static void test_mobiles(void **state)
{
    (void)state;
    static const char *const mobiles[] = {
        "13805361234", "138 0536 1234", "138-0536-1234", "+86 138 0536 1234", "电话:19912345678",
    };
    size_t at;
    for (size_t i = 0; i < sizeof mobiles / sizeof *mobiles; i++)
        assert_true(fl_pp_find_mobile(mobiles[i], strlen(mobiles[i]), 0, &at) > 0);
    const char *plus = "+86 138 0536 1234";
    assert_int_equal(fl_pp_find_mobile(plus, strlen(plus), 0, &at), strlen(plus));
    assert_int_equal(at, 0);
    static const char *const not_mobiles[] = {
        "138****5678", "1380536****", "0536-5221234", "0564-3356677", "12805361234",
        "138053612345", "BH13805361234", "2024-0536-1234",
    };
    for (size_t i = 0; i < sizeof not_mobiles / sizeof *not_mobiles; i++)
        assert_int_equal(fl_pp_find_mobile(not_mobiles[i], strlen(not_mobiles[i]), 0, &at), 0);
}

static void test_masked(void **state)
{
    (void)state;
    fl_arena a;
    fl_arena_init(&a);
    const char *id = "341122197503140529";
    assert_string_equal(fl_pp_masked(&a, id, 0, 18), "3411**********0529");
    const char *m = "138 0536 1234";
    assert_string_equal(fl_pp_masked(&a, m, 0, strlen(m)), "138****1234");
    const char *p = "+86 138 0536 1234";
    assert_string_equal(fl_pp_masked(&a, p, 0, strlen(p)), "138****1234");
    fl_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ranges),   cmocka_unit_test(test_range_carry_and_bounds),
        cmocka_unit_test(test_clause),   cmocka_unit_test(test_ids),
        cmocka_unit_test(test_mobiles),  cmocka_unit_test(test_masked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
