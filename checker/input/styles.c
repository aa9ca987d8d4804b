/* styles.xml (and Word 2003's inline w:styles): paragraph and character styles
 * by styleId, resolved along basedOn into what the body reader needs: outline
 * level, heading level by name, title/TOC flags, numbering, hidden text and
 * symbol fonts. Producers disagree on where a heading is declared (Word's
 * heading styles may lack outlineLvl, npm docx never writes it, WPS uses
 * names such as 标题 1), so outlineLvl and the localised names are both kept and
 * fl_styles_heading_level() applies the ranking. */
#include "input/styles.h"
#include "core/arena.h"
#include "core/xmlsafe.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_CHAIN = 32 };
enum style_type { ST_PARA, ST_CHAR, ST_OTHER };

typedef struct style {
    const char *id, *name, *based_on;
    int type;               /* enum style_type */
    int order;              /* position in the file; the first of duplicate ids wins */
    bool is_default;
    int outline;            /* raw w:outlineLvl 0..9, -1 unset */
    int num_id, ilvl;       /* -1 unset */
    int vanish;             /* -1 unset, else 0/1 */
    const char *ascii, *hansi; /* fonts; NULL unset, "" theme font */
} style;

struct fl_styles {
    fl_arena arena;
    style *v;               /* sorted by id after reading */
    size_t n, cap;
    style defaults;         /* w:docDefaults run properties */
    int def_para, def_char; /* indexes into v, -1 none */
};

/* Element children of n, looking through mc:AlternateContent into the branch
 * a consumer must take (styles.xml has it too, not only the body), so callers
 * never see MCE wrappers. */

static const xmlNode *kid(const xmlNode *parent, fl_ns ns, const char *local)
{
    fl_xml_kids k;
    fl_xml_kids_init(&k, parent);
    for (const xmlNode *c; (c = fl_xml_kids_next(&k));)
        if (fl_xml_is(c, ns, local)) return c;
    return NULL;
}

static const char *val(const xmlNode *n, fl_ns ns)
{
    return fl_xml_attr(n, ns, "val");
}

static int int_val(const xmlNode *n, fl_ns ns, int dflt)
{
    const char *v = val(n, ns);
    if (!v) return dflt;
    char *end;
    long x = strtol(v, &end, 10);
    if (end == v || x < -1000000 || x > 1000000) return dflt;
    return (int)x;
}

/* ST_OnOff for either namespace: absent val means on (Word 2003 writes "on"/"off"). */
static int onoff(const xmlNode *n, fl_ns ns)
{
    const char *v = val(n, ns);
    if (!v) return 1;
    return !(strcmp(v, "false") == 0 || strcmp(v, "0") == 0 || strcasecmp(v, "off") == 0);
}

static int attr_true(const xmlNode *n, fl_ns ns, const char *local)
{
    const char *v = fl_xml_attr(n, ns, local);
    return v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0 || strcasecmp(v, "on") == 0);
}

static void read_fonts(fl_styles *s, style *st, const xmlNode *rf, fl_ns ns)
{
    /* A theme attribute overrides the literal name, and theme fonts are never symbol fonts. */
    const char *a = fl_xml_attr(rf, ns, "asciiTheme") ? "" : fl_xml_attr(rf, ns, "ascii");
    const char *h = fl_xml_attr(rf, ns, "hAnsiTheme") ? "" : fl_xml_attr(rf, ns, "hAnsi");
    if (a) st->ascii = fl_arena_strdup(&s->arena, a);
    if (h) st->hansi = fl_arena_strdup(&s->arena, h);
}

static void read_rpr(fl_styles *s, style *st, const xmlNode *rpr, fl_ns ns)
{
    fl_xml_kids k;
    fl_xml_kids_init(&k, rpr);
    for (const xmlNode *c; (c = fl_xml_kids_next(&k));) {
        if (fl_xml_is(c, ns, "vanish")) st->vanish = onoff(c, ns);
        else if (fl_xml_is(c, ns, "rFonts")) read_fonts(s, st, c, ns);
    }
}

static void read_numpr(style *st, const xmlNode *np, fl_ns ns, const char *num_name)
{
    const xmlNode *id = kid(np, ns, num_name);
    const xmlNode *lvl = kid(np, ns, "ilvl");
    if (id) st->num_id = int_val(id, ns, -1);
    if (lvl) st->ilvl = int_val(lvl, ns, -1);
}

static void read_ppr(style *st, const xmlNode *ppr, fl_ns ns)
{
    fl_xml_kids k;
    fl_xml_kids_init(&k, ppr);
    for (const xmlNode *c; (c = fl_xml_kids_next(&k));) {
        if (fl_xml_is(c, ns, "outlineLvl")) {
            int o = int_val(c, ns, -1);
            if (o >= 0 && o <= 9) st->outline = o;
        } else if (fl_xml_is(c, ns, "numPr")) {
            read_numpr(st, c, ns, "numId");
        } else if (fl_xml_is(c, ns, "listPr")) { /* Word 2003: w:ilfo plays numId */
            read_numpr(st, c, ns, "ilfo");
        }
    }
}

static void style_blank(style *st)
{
    memset(st, 0, sizeof *st);
    st->outline = st->num_id = st->ilvl = st->vanish = -1;
}

static int type_of(const char *t)
{
    if (!t || strcmp(t, "paragraph") == 0) return ST_PARA;
    if (strcmp(t, "character") == 0) return ST_CHAR;
    return ST_OTHER;
}

static void read_style(fl_styles *s, const xmlNode *n, fl_ns ns)
{
    const char *id = fl_xml_attr(n, ns, "styleId");
    if (!id) return;
    FL_VEC_RESERVE(s->v, s->cap, s->n + 1);
    style *st = &s->v[s->n];
    style_blank(st);
    st->id = fl_arena_strdup(&s->arena, id);
    st->type = type_of(fl_xml_attr(n, ns, "type"));
    st->order = (int)s->n;
    st->is_default = attr_true(n, ns, "default");
    fl_xml_kids k;
    fl_xml_kids_init(&k, n);
    for (const xmlNode *c; (c = fl_xml_kids_next(&k));) {
        if (fl_xml_is(c, ns, "name") && val(c, ns)) st->name = fl_arena_strdup(&s->arena, val(c, ns));
        else if (fl_xml_is(c, ns, "basedOn") && val(c, ns))
            st->based_on = fl_arena_strdup(&s->arena, val(c, ns));
        else if (fl_xml_is(c, ns, "pPr")) read_ppr(st, c, ns);
        else if (fl_xml_is(c, ns, "rPr")) read_rpr(s, st, c, ns);
    }
    s->n++;
}

static void read_doc_defaults(fl_styles *s, const xmlNode *dd, fl_ns ns)
{
    const xmlNode *rd = kid(dd, ns, "rPrDefault");
    const xmlNode *rpr = rd ? kid(rd, ns, "rPr") : NULL;
    if (rpr) read_rpr(s, &s->defaults, rpr, ns);
}

static int by_id(const void *a, const void *b)
{
    const style *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : x->order - y->order;
}

static int find(const fl_styles *s, const char *id)
{
    if (!s || !id) return -1;
    size_t lo = 0, hi = s->n;
    while (lo < hi) { /* lower bound, so duplicates give the first in file order */
        size_t mid = (lo + hi) / 2;
        if (strcmp(s->v[mid].id, id) < 0) lo = mid + 1;
        else hi = mid;
    }
    return (lo < s->n && strcmp(s->v[lo].id, id) == 0) ? (int)lo : -1;
}

static int first_default(const fl_styles *s, int type)
{
    int best = -1;
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].type == type && s->v[i].is_default &&
            (best < 0 || s->v[i].order < s->v[best].order))
            best = (int)i;
    return best;
}

static fl_styles *styles_new(void)
{
    fl_styles *s = fl_xcalloc(1, sizeof *s);
    fl_arena_init(&s->arena);
    style_blank(&s->defaults);
    s->def_para = s->def_char = -1;
    return s;
}

static void read_root(fl_styles *s, const xmlNode *root, fl_ns ns)
{
    fl_xml_kids k;
    fl_xml_kids_init(&k, root);
    for (const xmlNode *c; (c = fl_xml_kids_next(&k));) {
        if (fl_xml_is(c, ns, "style")) read_style(s, c, ns);
        else if (fl_xml_is(c, ns, "docDefaults")) read_doc_defaults(s, c, ns);
    }
    if (s->n) qsort(s->v, s->n, sizeof *s->v, by_id);
    s->def_para = first_default(s, ST_PARA);
    s->def_char = first_default(s, ST_CHAR);
    if (s->def_para < 0) s->def_para = find(s, "Normal"); /* files that forget w:default */
}

fl_styles *fl_styles_parse(const char *xml, size_t len, fl_error *err)
{
    fl_styles *s = styles_new();
    if (!xml || len == 0) return s;
    xmlDoc *doc = fl_xml_read(xml, len, "word/styles.xml", err);
    if (!doc) {
        fl_styles_free(s);
        return NULL;
    }
    const xmlNode *root = xmlDocGetRootElement(doc);
    if (fl_xml_is(root, FL_NS_W, "styles")) read_root(s, root, FL_NS_W);
    xmlFreeDoc(doc);
    return s;
}

fl_styles *fl_styles_from_node(const void *xml_node_styles)
{
    fl_styles *s = styles_new();
    const xmlNode *n = xml_node_styles;
    if (!n) return s;
    fl_ns ns = fl_xml_ns(n) == FL_NS_W ? FL_NS_W : FL_NS_W2003;
    read_root(s, n, ns);
    return s;
}

void fl_styles_free(fl_styles *s)
{
    if (!s) return;
    fl_arena_free(&s->arena);
    free(s->v);
    free(s);
}

/* The basedOn chain from start, stopping at a missing id, a cycle or MAX_CHAIN. */
static int chain(const fl_styles *s, int start, const style **out)
{
    int n = 0;
    for (int i = start; i >= 0 && n < MAX_CHAIN;) {
        for (int j = 0; j < n; j++)
            if (out[j] == &s->v[i]) return n;
        out[n++] = &s->v[i];
        i = find(s, s->v[i].based_on);
    }
    return n;
}

/* ---- names ---- */

enum name_kind { NK_NONE, NK_HEADING, NK_TITLE, NK_TOC };

/* White space a producer may put between a word and its number: ASCII, NBSP,
 * U+3000, and "_20_", the ODF escape of a space that LibreOffice's Word 2003
 * export leaves in style names ("Heading_20_1"). */
static const char *skip_space(const char *p)
{
    for (;;) {
        if (*p == ' ' || *p == '\t') p++;
        else if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) p += 2;
        else if ((unsigned char)p[0] == 0xE3 && (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x80) p += 3;
        else if (!strncmp(p, "_20_", 4)) p += 4;
        else return p;
    }
}

/* "1".."9" or full-width "１".."９" alone up to the end: its value, else 0. */
static int lone_digit(const char *p)
{
    int d = 0;
    if (*p >= '1' && *p <= '9') d = *p++ - '0';
    else if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC &&
             (unsigned char)p[2] >= 0x91 && (unsigned char)p[2] <= 0x99) {
        d = (unsigned char)p[2] - 0x90;
        p += 3;
    }
    return *skip_space(p) ? 0 : d;
}

/* After prefix (ASCII case-insensitive, or exact UTF-8), the rest of name; NULL if no match. */
static const char *after(const char *name, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncasecmp(name, prefix, n) == 0 ? name + n : NULL;
}

static int is_word(const char *name, const char *word)
{
    const char *r = after(name, word);
    return r && *skip_space(r) == '\0';
}

static int classify(const char *name, int *level)
{
    *level = 0;
    if (!name) return NK_NONE;
    name = skip_space(name);
    const char *r;
    if ((r = after(name, "heading")) && (*level = lone_digit(skip_space(r)))) return NK_HEADING;
    if ((r = after(name, "标题"))) {
        if ((*level = lone_digit(skip_space(r)))) return NK_HEADING;
        if (!*skip_space(r)) return NK_TITLE;
    }
    if (is_word(name, "title") || is_word(name, "subtitle") || is_word(name, "副标题")) return NK_TITLE;
    if ((r = after(name, "toc")) && (lone_digit(skip_space(r)) || is_word(skip_space(r), "heading")))
        return NK_TOC;
    if ((r = after(name, "目录")) && (!*skip_space(r) || lone_digit(skip_space(r)))) return NK_TOC;
    return NK_NONE;
}

/* ---- resolution ---- */

static int is_symbol_font(const char *f)
{
    return f && (strcasecmp(f, "Symbol") == 0 || strncasecmp(f, "Wingdings", 9) == 0);
}

/* Run properties from the chains in priority order, then docDefaults. */
static void resolve_rpr(const fl_styles *s, const style *const *c, int n, fl_style_info *out)
{
    int vanish = -1;
    const char *ascii = NULL, *hansi = NULL;
    for (int i = 0; i <= n; i++) {
        const style *st = i < n ? c[i] : &s->defaults;
        if (vanish < 0) vanish = st->vanish;
        if (!ascii) ascii = st->ascii;
        if (!hansi) hansi = st->hansi;
    }
    out->vanish = vanish > 0;
    const char *sym = is_symbol_font(ascii) ? ascii : is_symbol_font(hansi) ? hansi : NULL;
    out->symbol_font = sym != NULL;
    out->symbol_font_name = sym;
}

static void info_blank(fl_style_info *out)
{
    memset(out, 0, sizeof *out);
    out->num_id = out->ilvl = -1;
}

/* The style itself for a known id of the wanted type, else the default of that type. */
static int start_of(const fl_styles *s, const char *id, int type, bool *known)
{
    int i = find(s, id);
    *known = i >= 0 && s->v[i].type == type;
    if (*known) return i;
    return type == ST_PARA ? s->def_para : s->def_char;
}

void fl_styles_resolve(const fl_styles *s, const char *style_id, fl_style_info *out)
{
    info_blank(out);
    if (!s) return;
    bool known;
    int start = start_of(s, style_id, ST_PARA, &known);
    const style *c[MAX_CHAIN];
    int n = start >= 0 ? chain(s, start, c) : 0;
    if (n && (known || !style_id)) out->name = c[0]->name;
    int kind = NK_NONE;
    for (int i = 0; i < n; i++) {
        const style *st = c[i];
        if (!out->outline && st->outline >= 0) out->outline = st->outline + 1;
        if (out->num_id < 0 && st->num_id >= 0) out->num_id = st->num_id;
        if (out->ilvl < 0 && st->ilvl >= 0) out->ilvl = st->ilvl;
        /* The nearest style with a recognised name decides: Word's "TOC Heading" is
         * basedOn "heading 1" and must stay a TOC style. */
        if (kind == NK_NONE) kind = classify(st->name, &out->heading_level);
    }
    out->is_title = kind == NK_TITLE;
    out->is_toc = kind == NK_TOC;
    resolve_rpr(s, c, n, out);
}

void fl_styles_resolve_run(const fl_styles *s, const char *style_id, fl_style_info *out)
{
    info_blank(out);
    if (!s) return;
    bool known;
    int start = start_of(s, style_id, ST_CHAR, &known);
    const style *c[MAX_CHAIN];
    int n = start >= 0 ? chain(s, start, c) : 0;
    if (n && (known || !style_id)) out->name = c[0]->name;
    resolve_rpr(s, c, n, out);
}

void fl_styles_resolve_run_in(const fl_styles *s, const char *para_style_id,
                              const char *run_style_id, fl_style_info *out)
{
    info_blank(out);
    if (!s) return;
    bool known;
    const style *c[2 * MAX_CHAIN];
    int n = 0;
    int rs = start_of(s, run_style_id, ST_CHAR, &known);
    if (rs >= 0) n = chain(s, rs, c);
    if (n && (known || !run_style_id)) out->name = c[0]->name;
    int ps = start_of(s, para_style_id, ST_PARA, &known);
    if (ps >= 0) n += chain(s, ps, c + n);
    resolve_rpr(s, c, n, out);
}

int fl_styles_heading_level(const fl_style_info *si, int para_outline)
{
    if (para_outline >= 0 && para_outline <= 8) return para_outline + 1;
    if (para_outline == 9) return 0;
    if (!si || si->is_toc || si->is_title) return 0;
    if (si->outline >= 1 && si->outline <= 9) return si->outline;
    if (si->outline == 10) return 0;
    return si->heading_level;
}
