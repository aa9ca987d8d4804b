/*
 * null.c — the start-up baseline of bench/run.
 *
 * A program that links exactly the libraries filinglint links (libxml2,
 * libzip, PCRE2-8, jansson, SQLite) and exits.  500 runs of it are what 500
 * separate processes cost before any work is done; docs/performance.md wants
 * `filinglint check -j1` over 500 small filings within 1.5x of that, so
 * start-up and ruleset loading must not dominate a batch.
 *
 * One function of each library is referenced through a volatile table so the
 * linker keeps every DT_NEEDED entry even with --as-needed; nothing is called.
 */
#include <jansson.h>
#include <libxml/parser.h>
#include <pcre2.h>
#include <sqlite3.h>
#include <zip.h>

static void (*volatile keep[])(void) = {
    (void (*)(void))xmlInitParser,
    (void (*)(void))zip_open,
    (void (*)(void))pcre2_compile_8,
    (void (*)(void))json_object,
    (void (*)(void))sqlite3_libversion,
};

int main(void)
{
    return keep[0] == 0;
}
