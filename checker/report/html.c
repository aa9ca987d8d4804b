/* HTML output (`--format html`): one self-contained page for a run, meant
 * to be filed as the record of that run and read on screen or on paper.
 *
 * From the top: the record of the run (time, tool version, command line,
 * the judging date for the run or per file, every ruleset with its file,
 * every data table with the date it is as of — rules/datainfo.h), the
 * findings by severity, the rule summary (rule, severity, count, summary,
 * basis), then the file table — one row per file, sortable by any column
 * and filterable by type and by state (errors, warnings, unreadable,
 * clean) — and then a section per file that has findings.
 *
 * A file section shows the document's text in reading order, headings as
 * headings and tables as tables, each finding's matched text highlighted
 * and its note (severity, rule, message, basis) right under its paragraph;
 * findings about the document as a whole head the section. That is kept
 * while the sections stay under FULL_BUDGET bytes; a larger run (a batch of
 * hundreds of filings) shows in every section only the paragraphs that have
 * findings, each under its section path, so the page stays a few megabytes
 * and opens in a browser at once (bench/html_size.sh measures both).
 * A file without findings, and a file that could not be read, is its row
 * in the file table and nothing more.
 *
 * No network and no external assets: CSS and a few lines of JavaScript are
 * inline. The filters work from a file:// URL; without JavaScript
 * everything is simply shown, in input order. Printing (A4) leaves out the
 * controls and follows the filters: opened as report.html?only, the page
 * shows and prints only the paragraphs with findings. Fonts are the
 * system's (CJK families listed for each platform); the layout is one
 * column that fits a phone.
 *
 * The page is in the language of the run (core/i18n.h) throughout: in
 * Chinese severities are 错误 / 警告 / 提示, document types their Chinese
 * names, a file that cannot be read says why in Chinese; in English the
 * findings are the rules' English messages. What the filing, the rulesets
 * and the law say is shown as written. Every string from a document, a
 * rule or a path is escaped. The sections are built when each
 * file is reported and kept until close, because the record and the tables
 * that head the page need the whole run. */
#include "report/report.h"
#include "report/html_doc.h"
#include "core/buf.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "rules/datainfo.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Above this many bytes of file sections, every section shows only its
 * paragraphs with findings: a 1,000-page report book in full is about 3 MB,
 * 500 filings in full 40 MB. */
#define FULL_BUDGET ((size_t)4 << 20)

#pragma GCC diagnostic ignored "-Wformat-nonliteral" /* rows of core/i18n.def */

typedef struct file_row {
    char *path, *doc_type;
    char *error_key, *error_text, *error_line; /* why it could not be read: diag key, message, "path: message" */
    size_t by_sev[3];
    size_t tool_errors;
    fl_judging judged;
    bool section;       /* it has a section below (findings or skipped rules) */
} file_row;

typedef struct rule_row {
    const fl_rule *rule;
    fl_severity severity;
    size_t count;
} rule_row;

typedef struct html_state {
    FILE *out;
    const fl_rules *rules;
    bool has_as_of;
    fl_date as_of;
    const char *as_of_origin;
    fl_buf full, compact; /* the file sections, in input order: whole documents, paragraphs with findings */
    bool full_ok;       /* the whole documents still fit FULL_BUDGET */
    file_row *files; size_t nfiles, cap_files;
    rule_row *rules_seen; size_t nrules, cap_rules;
    size_t nfindings;   /* findings so far: their ids are F1, F2... */
} html_state;

#define sev_label(s) fl_report_severity(s)
#define type_label(t) fl_report_type(t)

static char *dup_or_null(const char *s) { return s ? fl_xstrdup(s) : NULL; }

/* ---- the run's tallies ------------------------------------------------------------- */

static rule_row *rule_row_for(html_state *h, const fl_finding *f)
{
    for (size_t i = 0; i < h->nrules; i++)
        if (h->rules_seen[i].rule == f->rule && h->rules_seen[i].severity == f->severity) return &h->rules_seen[i];
    FL_VEC_RESERVE(h->rules_seen, h->cap_rules, h->nrules + 1);
    rule_row *r = &h->rules_seen[h->nrules++];
    r->rule = f->rule;
    r->severity = f->severity;
    r->count = 0;
    return r;
}

static void tally(html_state *h, const fl_file_report *f)
{
    FL_VEC_RESERVE(h->files, h->cap_files, h->nfiles + 1);
    file_row *row = &h->files[h->nfiles++];
    memset(row, 0, sizeof *row);
    row->path = fl_xstrdup(f->path);
    if (!f->result) {
        char line[1600];
        row->error_key = fl_xstrdup(f->error ? fl_diag_key(f->error->code) : "io");
        row->error_text = fl_xstrdup(f->error ? f->error->message : fl_tr(FL_M_H_UNREADABLE));
        row->error_line = fl_xstrdup(f->error ? fl_error_format(f->error, line, sizeof line) : row->error_text);
        return;
    }
    row->doc_type = dup_or_null(f->result->doc_type);
    row->tool_errors = f->result->nerrors;
    row->judged = f->result->judged;
    for (size_t i = 0; i < f->result->nfindings; i++) {
        const fl_finding *fd = &f->result->findings[i];
        if ((unsigned)fd->severity <= FL_SEV_ERROR) row->by_sev[fd->severity]++;
        rule_row_for(h, fd)->count++;
    }
    row->section = f->result->nfindings || f->result->nerrors;
}

static void counts_html(fl_buf *b, const size_t by_sev[3])
{
    for (int s = FL_SEV_ERROR; s >= FL_SEV_INFO; s--)
        fl_buf_printf(b, "<span class=\"count sev-%s\">%s %zu</span> ", fl_html_sev_name((fl_severity)s), sev_label((fl_severity)s),
                      by_sev[s]);
}

/* Where the judging date came from, in a few words. */
static void judged_from_text(fl_buf *b, const fl_judging *j)
{
    char from[160];
    fl_buf_adds(b, fl_judging_from(j, from, sizeof from));
}

/* The date the file was judged at and why, for the reader of the page. */
static void judged_html(fl_buf *b, const fl_judging *j)
{
    char d[11], from[160];
    fl_date_format(&j->date, d);
    fl_buf_printf(b, "<p class=\"judged\" data-judged-as-of=\"%s\" data-judged-from=\"%s\">", d,
                  fl_judged_from_names[j->from]);
    fl_buf_printf(b, fl_tr(FL_M_H_JUDGED), d, fl_judging_from(j, from, sizeof from));
    fl_buf_adds(b, "</p>\n");
}

/* The section of one file, head and all, with its text rendered by body. */
static void section_html(fl_buf *b, const file_row *row, size_t n, const fl_result *res, fl_html_doc *c, size_t nf,
                         bool compact)
{
    c->compact = compact;
    fl_buf_printf(b, "<section class=\"file\" id=\"file%zu\">\n<h2><span class=\"path\">", n);
    fl_html_esc(b, row->path);
    fl_buf_adds(b, "</span> <span class=\"doctype\">");
    fl_html_esc(b, type_label(row->doc_type));
    fl_buf_adds(b, "</span></h2>\n<p class=\"counts\">");
    counts_html(b, row->by_sev);
    fl_buf_adds(b, "</p>\n");
    judged_html(b, &res->judged);
    for (size_t i = 0; i < res->nerrors; i++) {
        /* "path: rule X: why": the path is the section's own */
        const char *msg = res->errors[i].message, *colon = strstr(msg, ": ");
        fl_buf_printf(b, "<p class=\"toolerr\" data-code=\"%s\">%s", fl_diag_key(res->errors[i].code),
                      fl_tr(FL_M_H_INCOMPLETE));
        fl_html_esc(b, colon && !strncmp(msg, row->path, (size_t)(colon - msg)) ? colon + 2 : msg);
        fl_buf_adds(b, "</p>\n");
    }
    if (compact) {
        if (nf) fl_buf_printf(b, "<p class=\"note\">%s</p>\n", fl_tr(FL_M_H_ONLY_NOTE));
        fl_html_compact(b, c, nf);
    } else {
        fl_html_full(b, c, nf);
    }
    fl_buf_adds(b, "</section>\n");
}

static void file_html(void *state, const fl_file_report *f)
{
    html_state *h = state;
    tally(h, f);
    file_row *row = &h->files[h->nfiles - 1];
    if (!row->section) return; /* clean or unreadable: its row in the file table says all */
    const fl_result *res = f->result;
    const fl_doc *doc = f->doc;
    size_t nb = doc ? doc->nblocks : 0, nf = res->nfindings;
    fl_html_doc c = {doc, NULL, NULL, NULL, NULL, res->findings, false};
    c.by_block = fl_xcalloc(nf + 1, sizeof *c.by_block);
    c.first = fl_xcalloc(nb + 1, sizeof *c.first);
    c.count = fl_xcalloc(nb + 1, sizeof *c.count);
    c.ids = fl_xcalloc(nf + 1, sizeof *c.ids);
    for (size_t i = 0; i < nf; i++) {
        c.by_block[i] = &res->findings[i];
        c.ids[i] = ++h->nfindings;
    }
    qsort(c.by_block, nf, sizeof *c.by_block, fl_html_cmp_finding_block);
    for (size_t i = 0; i < nf; i++) {
        int bl = c.by_block[i]->block;
        if (fl_html_whole_doc(c.by_block[i], nb)) continue;
        if (!c.count[bl]) c.first[bl] = i;
        c.count[bl]++;
    }
    section_html(&h->compact, row, h->nfiles, res, &c, nf, true);
    if (h->full_ok) {
        section_html(&h->full, row, h->nfiles, res, &c, nf, false);
        if (h->full.len > FULL_BUDGET) { /* from now on, and for the files before, the paragraphs with findings */
            h->full_ok = false;
            fl_buf_free(&h->full);
        }
    }
    free(c.by_block);
    free(c.first);
    free(c.count);
    free(c.ids);
}

static void *open_html(const fl_report_opts *o)
{
    html_state *h = fl_xcalloc(1, sizeof *h);
    h->out = o->out;
    h->rules = o->rules;
    h->has_as_of = o->has_as_of;
    h->as_of = o->as_of;
    h->as_of_origin = o->as_of_origin;
    h->full_ok = true;
    return h;
}

/* ---- the page ------------------------------------------------------------------------------------ */

static const char css[] =
    ":root{--err:#b3261e;--warn:#8a5a00;--info:#0b57a4;--errbg:#fde3e1;--warnbg:#fff0c2;--infobg:#dcebfb;"
    "--line:#d8d8d8;--muted:#666}\n"
    "*{box-sizing:border-box}[hidden]{display:none!important}\n"
    "body{margin:0 auto;max-width:60rem;padding:0 1rem 3rem;color:#1d1d1d;background:#fff;line-height:1.7;"
    "font-family:system-ui,-apple-system,\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"Noto Sans CJK SC\","
    "\"Source Han Sans SC\",\"WenQuanYi Micro Hei\",sans-serif;-webkit-text-size-adjust:100%}\n"
    "h1{font-size:1.5rem;margin:1.2rem 0 .2rem}h2{font-size:1.15rem;margin:0;word-break:break-all}\n"
    "h2.group{margin:1.6rem 0 .4rem;font-size:1.05rem}\n"
    "table{border-collapse:collapse;width:100%}td,th{border:1px solid var(--line);padding:.25rem .45rem;"
    "vertical-align:top;text-align:left}th{background:#f3f3f3}\n"
    ".sum{overflow-x:auto;margin:.8rem 0}.sum td.n,.sum th.n{text-align:right;font-variant-numeric:tabular-nums}"
    ".sum th,.sum td.n,.sum td[class^=sev]{white-space:nowrap}\n"
    ".sum th[data-sort]{cursor:pointer;user-select:none}.sum th[aria-sort=ascending]::after{content:\" ▲\"}"
    ".sum th[aria-sort=descending]::after{content:\" ▼\"}\n"
    ".meta th{width:7rem;font-weight:normal;color:var(--muted)}.meta td{word-break:break-all}.meta code{font-size:.85rem}\n"
    ".filters,.ftools{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.9rem;padding:.4rem 0}\n"
    ".filters{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line)}\n"
    ".filters details{width:100%}.filters label,.ftools label{white-space:nowrap;margin-right:.8rem}\n"
    ".file{border-top:3px solid #333;margin-top:2rem;padding-top:.6rem;content-visibility:auto;"
    "contain-intrinsic-size:auto 30rem}.doctype{font-weight:normal;color:var(--muted);font-size:.9rem}\n"
    ".counts .count{margin-right:.6rem}.failed,.toolerr{color:var(--err)}\n"
    ".blk{margin:.35rem 0;white-space:pre-wrap;overflow-wrap:anywhere}.head{margin-top:1rem}\n"
    ".sec,.cellpos,.note{color:var(--muted);font-size:.85rem;margin:.8rem 0 0}.cellpos{margin:.2rem 0 0}\n"
    ".ln{display:inline-block;min-width:2.6rem;color:var(--muted);font-size:.75rem;font-weight:normal;"
    "font-variant-numeric:tabular-nums;user-select:none}\n"
    ".part{font-size:.75rem;border:1px solid var(--line);border-radius:3px;padding:0 .25rem;margin-right:.3rem;"
    "color:var(--muted)}.textbox{border-left:3px solid var(--line);padding-left:.4rem}\n"
    ".tbl{overflow-x:auto;margin:.5rem 0}.tbl .ln{min-width:0;margin-right:.3rem}.tbl .blk{margin:0}\n"
    "mark{border-radius:2px;padding:0 1px;-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "mark.sev-error{background:var(--errbg);box-shadow:inset 0 -2px var(--err)}\n"
    "mark.sev-warning{background:var(--warnbg);box-shadow:inset 0 -2px var(--warn)}\n"
    "mark.sev-info{background:var(--infobg);box-shadow:inset 0 -2px var(--info)}\n"
    "mark.off{background:none;box-shadow:none}\n"
    ".finding{margin:.2rem 0 .6rem 2.6rem;padding:.3rem .6rem;border-left:4px solid;border-radius:0 4px 4px 0;"
    "font-size:.92rem;break-inside:avoid;-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    ".tbl .finding{margin-left:0}\n"
    ".finding.sev-error{border-color:var(--err);background:var(--errbg)}"
    ".finding.sev-warning{border-color:var(--warn);background:var(--warnbg)}"
    ".finding.sev-info{border-color:var(--info);background:var(--infobg)}\n"
    ".tag{font-weight:bold}.sev-error .tag,.count.sev-error{color:var(--err)}.sev-warning .tag,.count.sev-warning"
    "{color:var(--warn)}.sev-info .tag,.count.sev-info{color:var(--info)}\n"
    ".basis,.judged{color:var(--muted)}.loc{color:var(--muted);font-size:.8rem;margin-left:.3rem}\n"
    /* a 1,000-page report: the browser lays out only the paragraphs near the screen */
    ".doc>.blk,.doc>.tbl{content-visibility:auto;contain-intrinsic-size:auto 1.7rem}\n"
    ".quiet{display:none}.whole{margin:.6rem 0}.other summary{cursor:pointer;margin-top:1rem}\n"
    "footer{margin-top:2rem;color:var(--muted);font-size:.8rem}\n"
    "@media (max-width:40rem){body{padding:0 .6rem 2rem}.finding{margin-left:0}.ln{min-width:2rem}}\n"
    "@page{size:A4;margin:16mm 14mm}\n"
    "@media print{.filters,.ftools{display:none}body{max-width:none;padding:0;font-size:10.5pt}"
    "a{color:inherit;text-decoration:none}h2,h3,h4,h5,h6,.sec{break-after:avoid}.sum tr{break-inside:avoid}"
    ".file{break-before:page;border-top:none}}\n";

/* Filters of findings: a finding is shown when its severity and its rule
 * are ticked; marks of hidden findings lose their colour; "only" hides
 * paragraphs and tables without a shown finding — on screen and in print.
 * The file table: rows (and their sections) shown by type and by state
 * (any ticked state matches; none ticked: all), sorted by a click on a
 * column head. The address presets them, so a view can be bookmarked or
 * printed: report.html?only, ?type=eia-form, ?files=error,unreadable,
 * ?sort=-error (a column key: path type error warning info judged; '-'
 * descending). */
static const char js[] =
    "(function(){function all(s,r){return Array.prototype.slice.call((r||document).querySelectorAll(s))}\n"
    "function param(n){var m=new RegExp('[?&]'+n+'=([^&]*)').exec(location.search);return m?decodeURIComponent(m[1]):null}\n"
    "var f=document.getElementById('filters');\n"
    "function apply(){var sev={},rule={},vis={};\n"
    "all('[data-sev-filter]').forEach(function(c){sev[c.getAttribute('data-sev-filter')]=c.checked});\n"
    "all('[data-rule-filter]').forEach(function(c){rule[c.getAttribute('data-rule-filter')]=c.checked});\n"
    "all('.finding').forEach(function(e){var on=sev[e.className.replace(/.*sev-/,'')]!==false&&"
    "rule[e.getAttribute('data-rule')]!==false;e.hidden=!on;vis[e.id]=on});\n"
    "function shown(e){return (e.getAttribute('data-f')||'').split(' ').some(function(i){return vis[i]})}\n"
    "all('mark[data-f]').forEach(function(m){m.classList.toggle('off',!shown(m))});\n"
    "var only=document.getElementById('only').checked;\n"
    "all('.doc>.blk:not(.head),.doc>.tbl').forEach(function(e){var h=e.classList.contains('tbl')?"
    "Array.prototype.some.call(e.querySelectorAll('.blk[data-f]'),shown):shown(e);"
    "e.classList.toggle('quiet',only&&!h)})}\n"
    "if(f){if(/[?&]only(&|=|$)/.test(location.search))document.getElementById('only').checked=true;\n"
    "f.addEventListener('change',apply);apply()}\n"
    "var t=document.getElementById('files-table'),ft=document.getElementById('ftools');if(!t||!ft)return;\n"
    "function fapply(){var ty=document.getElementById('f-type').value,want=all('[data-file-filter]',ft)"
    ".filter(function(c){return c.checked}).map(function(c){return c.getAttribute('data-file-filter')});\n"
    "all('tbody tr',t).forEach(function(r){var ok=(!ty||r.getAttribute('data-type')===ty)&&(!want.length||"
    "want.some(function(w){return r.getAttribute('data-'+w)==='1'}));r.hidden=!ok;"
    "var s=r.getAttribute('data-file');if(s)document.getElementById(s).hidden=!ok})}\n"
    "function sortBy(th,up){var num=th.getAttribute('data-sort')==='num',"
    "col=Array.prototype.indexOf.call(th.parentNode.children,th),tb=t.tBodies[0];\n"
    "all('th[data-sort]',t).forEach(function(o){o.removeAttribute('aria-sort')});"
    "th.setAttribute('aria-sort',up?'ascending':'descending');\n"
    "function key(r){var c=r.children[col],v=c.getAttribute('data-v');v=v===null?c.textContent:v;return num?+v:v}\n"
    "var rs=all('tr',tb);rs.sort(function(a,b){var x=key(a),y=key(b),d=num?x-y:(x<y?-1:x>y?1:0);"
    "return (up?d:-d)||(+a.getAttribute('data-n')-+b.getAttribute('data-n'))});\n"
    "rs.forEach(function(r){tb.appendChild(r)})}\n"
    "all('th[data-sort]',t).forEach(function(th){th.addEventListener('click',function(){"
    "sortBy(th,th.getAttribute('aria-sort')!=='ascending')})});\n"
    "var ty=param('type'),st=param('files'),so=param('sort');if(ty!==null)document.getElementById('f-type').value=ty;\n"
    "if(st)st.split(',').forEach(function(w){all('[data-file-filter]',ft).forEach(function(c){"
    "if(c.getAttribute('data-file-filter')===w)c.checked=true})});\n"
    "if(so){var th=t.querySelector('th[data-key=\"'+so.replace(/^-/,'')+'\"]');if(th)sortBy(th,so.charAt(0)!=='-')}\n"
    "ft.addEventListener('change',fapply);fapply();\n"
    "window.addEventListener('beforeprint',function(){all('details').forEach(function(d){d.open=true})})})();\n";

static int cmp_rule_row(const void *a, const void *b)
{
    const rule_row *x = a, *y = b;
    if (x->severity != y->severity) return x->severity > y->severity ? -1 : 1;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return strcmp(x->rule->id, y->rule->id);
}

/* ---- the record of the run ---------------------------------------------------------------------- */

static void local_time(fl_buf *b, time_t t)
{
    struct tm tm;
    char when[64], zone[8];
    if (!localtime_r(&t, &tm) || !strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm) ||
        !strftime(zone, sizeof zone, "%z", &tm)) {
        fl_buf_adds(b, "—");
        return;
    }
    /* +0800 -> UTC+08:00 */
    fl_buf_printf(b, fl_tr(FL_M_H_TIME), when, zone[0] == '-' ? '-' : '+', zone + 1, zone + 3);
}

static void data_line(fl_buf *b, const fl_data_info *d)
{
    char date[11];
    fl_date_format(&d->as_of, date);
    const char *kind = d->kind == FL_DATA_STANDARDS ? fl_tr(FL_M_H_DATA_STANDARDS)
                       : d->kind == FL_DATA_PLACES  ? fl_tr(FL_M_H_DATA_PLACES)
                       : d->kind == FL_DATA_HOLIDAYS ? fl_tr(FL_M_H_DATA_HOLIDAYS)
                       : d->kind == FL_DATA_INSTRUMENTS ? fl_tr(FL_M_H_DATA_INSTRUMENTS)
                       : d->kind == FL_DATA_MULU ? fl_tr(FL_M_H_DATA_MULU)
                                                     : fl_data_kind_label(d);
    fl_buf_adds(b, "<li>");
    fl_html_esc(b, kind);
    fl_buf_adds(b, fl_tr(FL_M_H_REC_OPEN_PAREN));
    fl_html_esc(b, d->path);
    fl_buf_adds(b, fl_tr(FL_M_H_DATA_CLOSE));
    if (d->error) {
        fl_buf_printf(b, "<span class=\"failed\">%s</span>", fl_tr(FL_M_H_UNREADABLE));
    } else if (d->kind == FL_DATA_HOLIDAYS) {
        fl_buf_printf(b, fl_tr(FL_M_H_HOLIDAYS), d->count[0], d->count[1], d->count[1], d->as_of.y ? date : "—");
    } else if (d->kind == FL_DATA_PLACES) {
        fl_buf_printf(b, fl_tr(FL_M_H_PLACES), d->as_of.y ? date : "—", d->entries);
    } else if (d->kind == FL_DATA_STANDARDS) {
        fl_buf_printf(b, fl_tr(FL_M_H_STANDARDS), d->entries, d->count[0], d->as_of.y ? date : "—");
    } else if (d->kind == FL_DATA_INSTRUMENTS) {
        fl_buf_printf(b, fl_tr(FL_M_H_INSTRUMENTS), d->entries, d->count[0], d->as_of.y ? date : "—");
    } else if (d->kind == FL_DATA_MULU) {
        fl_buf_printf(b, fl_tr(FL_M_H_MULU), d->entries, d->as_of.y ? date : "—");
    } else {
        fl_buf_printf(b, fl_tr(FL_M_H_ENTRIES), d->entries);
    }
    fl_buf_adds(b, "</li>");
}

/* Time, tool, command line, judging date, rulesets and data tables. The
 * lines that differ from one run of the same files to the next (time,
 * command line) carry class run-varies. */
static void record_html(fl_buf *b, html_state *h)
{
    const fl_invocation *inv = fl_invocation_get();
    fl_buf_printf(b, "<h2 class=\"group\">%s</h2>\n<div class=\"sum\"><table class=\"meta\" id=\"record\">\n",
                  fl_tr(FL_M_H_RECORD));
    fl_buf_printf(b, "<tr class=\"run-varies\"><th>%s</th><td>", fl_tr(FL_M_H_REC_TIME));
    local_time(b, inv->start);
    fl_buf_adds(b, "</td></tr>\n");
    fl_buf_printf(b, "<tr><th>%s</th><td>filinglint " FL_VERSION "</td></tr>\n", fl_tr(FL_M_H_REC_TOOL));
    fl_buf cmd = FL_BUF_INIT;
    fl_invocation_command_line(&cmd);
    fl_buf_printf(b, "<tr class=\"run-varies\"><th>%s</th><td><code>", fl_tr(FL_M_H_REC_COMMAND));
    if (cmd.len) fl_html_esc_n(b, cmd.data, cmd.len);
    fl_buf_adds(b, "</code></td></tr>\n");
    fl_buf_free(&cmd);
    fl_buf_printf(b, "<tr><th>%s</th><td>", fl_tr(FL_M_H_REC_JUDGED));
    if (h->has_as_of) {
        char d[11];
        fl_date_format(&h->as_of, d);
        fl_buf_printf(b, fl_tr(FL_M_H_REC_AS_OF), d,
                      fl_tr(h->as_of_origin && !strcmp(h->as_of_origin, "config") ? FL_M_H_REC_AS_OF_CONFIG
                                                                                 : FL_M_H_REC_AS_OF_CLI));
    } else {
        fl_html_esc(b, fl_tr(FL_M_H_REC_OWN_DATES));
    }
    fl_buf_printf(b, "</td></tr>\n<tr><th>%s</th><td><ul>", fl_tr(FL_M_H_REC_RULESETS));
    size_t nrules = 0;
    for (size_t i = 0; h->rules && i < h->rules->nsets; i++) {
        const fl_ruleset *rs = h->rules->sets[i];
        fl_buf_adds(b, "<li>");
        fl_html_esc(b, rs->id ? rs->id : "");
        if (rs->title) {
            fl_buf_adds(b, " <span class=\"title\">");
            fl_html_esc(b, rs->title);
            fl_buf_adds(b, "</span>");
        }
        fl_buf_adds(b, fl_tr(FL_M_H_REC_OPEN_PAREN));
        fl_html_esc(b, rs->path);
        fl_buf_printf(b, fl_tr(FL_M_H_REC_RULESET_N), rs->nrules);
        nrules += rs->nrules;
    }
    fl_buf_printf(b, fl_tr(FL_M_H_REC_RULES_TOTAL), nrules);
    fl_arena a;
    fl_arena_init(&a);
    fl_data_info *tables;
    size_t ntables = fl_data_info_collect(h->rules, &a, &tables);
    if (ntables) {
        fl_buf_printf(b, "<tr><th>%s</th><td><ul>", fl_tr(FL_M_H_REC_DATA));
        for (size_t i = 0; i < ntables; i++) data_line(b, &tables[i]);
        fl_buf_adds(b, "</ul></td></tr>\n");
    }
    fl_arena_free(&a);
    fl_buf_adds(b, "</table></div>\n");
}

/* ---- the tables ---------------------------------------------------------------------------------- */

static void rules_html(fl_buf *b, html_state *h)
{
    if (h->nrules > 1) qsort(h->rules_seen, h->nrules, sizeof *h->rules_seen, cmp_rule_row);
    if (!h->nrules) return;
    fl_buf_printf(b, "<h2 class=\"group\">%s</h2>\n<div class=\"sum\"><table id=\"rules-table\">\n"
                     "<thead><tr><th>%s</th><th>%s</th><th class=\"n\">%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
                  fl_tr(FL_M_H_BY_RULE), fl_tr(FL_M_H_COL_RULE), fl_tr(FL_M_H_COL_SEVERITY), fl_tr(FL_M_H_COL_COUNT),
                  fl_tr(FL_M_H_COL_SUMMARY), fl_tr(FL_M_H_COL_BASIS));
    fl_buf basis = FL_BUF_INIT;
    for (size_t i = 0; i < h->nrules; i++) {
        const rule_row *r = &h->rules_seen[i];
        fl_buf_adds(b, "<tr><td>");
        fl_html_esc(b, r->rule->id);
        fl_buf_printf(b, "</td><td class=\"sev-%s\"><span class=\"tag\">%s</span></td><td class=\"n\">%zu</td><td class=\"summary\">",
                      fl_html_sev_name(r->severity), sev_label(r->severity), r->count);
        fl_html_esc(b, fl_report_rule_summary(r->rule));
        fl_buf_adds(b, "</td><td class=\"basis\">");
        const char *line = fl_basis_line(&basis, &r->rule->basis);
        fl_html_esc(b, *line ? line : "—");
        if (r->rule->nbases) fl_buf_adds(b, fl_tr(FL_M_H_MORE_BASES));
        fl_buf_adds(b, "</td></tr>\n");
    }
    fl_buf_free(&basis);
    fl_buf_adds(b, "</tbody></table></div>\n");
}

static void files_html(fl_buf *b, html_state *h, const fl_summary *s)
{
    /* the types present, for the type filter */
    const char *types[16];
    size_t ntypes = 0;
    bool untyped = false;
    for (size_t i = 0; i < h->nfiles; i++) {
        const file_row *r = &h->files[i];
        if (r->error_key) continue;
        if (!r->doc_type) { untyped = true; continue; }
        bool seen = false;
        for (size_t k = 0; k < ntypes && !seen; k++) seen = !strcmp(types[k], r->doc_type);
        if (!seen && ntypes < sizeof types / sizeof *types) types[ntypes++] = r->doc_type;
    }
    fl_buf_printf(b, "<h2 class=\"group\">%s</h2>\n<form class=\"ftools\" id=\"ftools\" onsubmit=\"return false\">\n"
                     "<label>%s <select id=\"f-type\"><option value=\"\">%s</option>",
                  fl_tr(FL_M_H_BY_FILE), fl_tr(FL_M_H_TYPE), fl_tr(FL_M_H_ALL));
    for (size_t k = 0; k < ntypes; k++) {
        fl_buf_adds(b, "<option value=\"");
        fl_html_esc(b, types[k]);
        fl_buf_adds(b, "\">");
        fl_html_esc(b, type_label(types[k]));
        fl_buf_adds(b, "</option>");
    }
    if (untyped) fl_buf_printf(b, "<option value=\"none\">%s</option>", fl_tr(FL_M_TYPE_UNKNOWN));
    fl_buf_adds(b, "</select></label>\n");
    static const struct { const char *key; fl_msg label; } states[] = {
        {"error", FL_M_H_HAS_ERRORS}, {"warning", FL_M_H_HAS_WARNINGS}, {"unreadable", FL_M_H_UNREADABLE}, {"clean", FL_M_H_CLEAN}};
    for (size_t k = 0; k < 4; k++)
        fl_buf_printf(b, "<label><input type=\"checkbox\" data-file-filter=\"%s\"> %s</label>\n", states[k].key,
                      fl_tr(states[k].label));
    fl_buf_printf(b, "</form>\n<div class=\"sum\"><table id=\"files-table\">\n<thead><tr>"
                     "<th data-sort=\"text\" data-key=\"path\">%s</th><th data-sort=\"text\" data-key=\"type\">%s</th>"
                     "<th class=\"n\" data-sort=\"num\" data-key=\"error\">%s</th>"
                     "<th class=\"n\" data-sort=\"num\" data-key=\"warning\">%s</th>"
                     "<th class=\"n\" data-sort=\"num\" data-key=\"info\">%s</th>"
                     "<th data-sort=\"text\" data-key=\"judged\">%s</th></tr></thead>\n<tbody>\n",
                  fl_tr(FL_M_H_COL_FILE), fl_tr(FL_M_H_TYPE), sev_label(FL_SEV_ERROR), sev_label(FL_SEV_WARNING),
                  sev_label(FL_SEV_INFO), fl_tr(FL_M_H_REC_JUDGED));
    for (size_t i = 0; i < h->nfiles; i++) {
        const file_row *r = &h->files[i];
        bool clean = !r->error_key && !r->by_sev[0] && !r->by_sev[1] && !r->by_sev[2] && !r->tool_errors;
        fl_buf_printf(b, "<tr data-n=\"%zu\" data-type=\"", i);
        fl_html_esc(b, r->error_key ? "" : r->doc_type ? r->doc_type : "none");
        fl_buf_printf(b, "\" data-error=\"%d\" data-warning=\"%d\" data-unreadable=\"%d\" data-clean=\"%d\"",
                      r->by_sev[FL_SEV_ERROR] > 0, r->by_sev[FL_SEV_WARNING] > 0, r->error_key != NULL, clean);
        if (r->section) fl_buf_printf(b, " data-file=\"file%zu\"", i + 1);
        fl_buf_adds(b, "><td class=\"path\">");
        if (r->section) fl_buf_printf(b, "<a href=\"#file%zu\">", i + 1);
        fl_html_esc(b, r->path);
        fl_buf_adds(b, r->section ? "</a></td><td>" : "</td><td>");
        if (r->error_key) {
            fl_buf_adds(b, "<span class=\"failed\" title=\"");
            fl_html_esc(b, r->error_line);
            fl_buf_printf(b, "\" data-code=\"%s\">%s", r->error_key, fl_tr(FL_M_H_CANNOT_READ));
            fl_html_esc(b, r->error_text);
            fl_buf_adds(b, "</span></td><td class=\"n\" data-v=\"-1\"></td><td class=\"n\" data-v=\"-1\"></td>"
                           "<td class=\"n\" data-v=\"-1\"></td><td></td></tr>\n");
            continue;
        }
        fl_html_esc(b, type_label(r->doc_type));
        fl_buf_printf(b, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td>",
                      r->by_sev[FL_SEV_ERROR], r->by_sev[FL_SEV_WARNING], r->by_sev[FL_SEV_INFO]);
        char d[11];
        fl_date_format(&r->judged.date, d);
        fl_buf_printf(b, "%s<br><span class=\"basis\">", d);
        judged_from_text(b, &r->judged);
        fl_buf_adds(b, "</span></td></tr>\n");
    }
    fl_buf_adds(b, "</tbody>\n<tfoot><tr><th>");
    fl_buf_printf(b, fl_tr(FL_M_H_TOTAL), s->files);
    if (s->failed_files) fl_buf_printf(b, fl_tr(FL_M_H_TOTAL_UNREAD), s->failed_files);
    fl_buf_printf(b, "</th><th></th><th class=\"n\">%zu</th><th class=\"n\">%zu</th><th class=\"n\">%zu</th><th></th></tr></tfoot>\n",
                  s->by_severity[FL_SEV_ERROR], s->by_severity[FL_SEV_WARNING], s->by_severity[FL_SEV_INFO]);
    fl_buf_adds(b, "</table></div>\n");
}

static void filters_html(fl_buf *b, html_state *h, const fl_summary *s)
{
    fl_buf_adds(b, "<form class=\"filters\" id=\"filters\" onsubmit=\"return false\">\n");
    for (int sev = FL_SEV_ERROR; sev >= FL_SEV_INFO; sev--)
        fl_buf_printf(b, "<label><input type=\"checkbox\" data-sev-filter=\"%s\" checked> %s (%zu)</label>\n",
                      fl_html_sev_name((fl_severity)sev), sev_label((fl_severity)sev), s->by_severity[sev]);
    fl_buf_printf(b, "<label><input type=\"checkbox\" id=\"only\"> %s</label>\n", fl_tr(FL_M_H_ONLY_FILTER));
    if (h->nrules) {
        fl_buf_printf(b, "<details><summary>%s</summary>\n", fl_tr(FL_M_H_BY_RULE_FILTER));
        /* one box per rule id, even when a rule has findings at two severities */
        for (size_t i = 0; i < h->nrules; i++) {
            bool seen = false;
            for (size_t k = 0; k < i; k++)
                if (!strcmp(h->rules_seen[k].rule->id, h->rules_seen[i].rule->id)) seen = true;
            if (seen) continue;
            size_t n = 0;
            for (size_t k = 0; k < h->nrules; k++)
                if (!strcmp(h->rules_seen[k].rule->id, h->rules_seen[i].rule->id)) n += h->rules_seen[k].count;
            fl_buf_adds(b, "<label><input type=\"checkbox\" data-rule-filter=\"");
            fl_html_esc(b, h->rules_seen[i].rule->id);
            fl_buf_adds(b, "\" checked> ");
            fl_html_esc(b, h->rules_seen[i].rule->id);
            fl_buf_printf(b, " (%zu)</label>\n", n);
        }
        fl_buf_adds(b, "</details>\n");
    }
    fl_buf_adds(b, "</form>\n");
}

static int close_html(void *state, const fl_summary *s)
{
    html_state *h = state;
    fl_buf head = FL_BUF_INIT;
    fl_buf_printf(&head, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                         "<meta name=\"generator\" content=\"filinglint " FL_VERSION "\">\n"
                         "<title>%s</title>\n<style>\n",
                  fl_tr(FL_M_H_LANG), fl_tr(FL_M_H_TITLE));
    fl_buf_adds(&head, css);
    fl_buf_printf(&head, "</style>\n</head>\n<body>\n<header>\n<h1>%s</h1>\n<p class=\"counts\">", fl_tr(FL_M_H_TITLE));
    fl_buf_printf(&head, fl_tr(FL_M_H_FILES_HEAD), s->files);
    counts_html(&head, s->by_severity);
    if (s->failed_files) {
        fl_buf_adds(&head, "<span class=\"failed\">");
        fl_buf_printf(&head, fl_tr(FL_M_H_UNREADABLE_N), s->failed_files);
        fl_buf_adds(&head, "</span>");
    }
    fl_buf_adds(&head, "</p>\n</header>\n");
    record_html(&head, h);
    rules_html(&head, h);
    files_html(&head, h, s);
    filters_html(&head, h, s);
    const fl_buf *sections = h->full_ok ? &h->full : &h->compact;
    int rc = 0;
    if (fwrite(head.data, 1, head.len, h->out) != head.len) rc = -1;
    if (sections->len && fwrite(sections->data, 1, sections->len, h->out) != sections->len) rc = -1;
    fprintf(h->out, "<footer>filinglint %s</footer>\n<script>\n%s</script>\n</body>\n</html>\n", FL_VERSION, js);
    if (fflush(h->out) != 0 || ferror(h->out)) rc = -1;
    fl_buf_free(&head);
    fl_buf_free(&h->full);
    fl_buf_free(&h->compact);
    for (size_t i = 0; i < h->nfiles; i++) {
        free(h->files[i].path);
        free(h->files[i].doc_type);
        free(h->files[i].error_key);
        free(h->files[i].error_text);
        free(h->files[i].error_line);
    }
    free(h->files);
    free(h->rules_seen);
    free(h);
    return rc;
}

const fl_reporter fl_report_html = {.name = "html", .needs_doc = true, .open = open_html, .file = file_html, .close = close_html};
