/* The linter's corpus connection (corpusconn.h). */
#include "rules/corpusconn.h"
#include "rules/engine.h"
#include <stdlib.h>
#include <string.h>

/* The key of the connection's slot among the kinds' states: not a kind
 * anyone runs, an address no kind has. */
static const fl_kind conn_key = {"corpus-connection", NULL, NULL, NULL, NULL};

/* The connection a linter keeps, and the database it is to. */
typedef struct conn {
    char *db;
    fl_corpus *c;
} conn;

static void conn_drop(void *p)
{
    conn *k = p;
    fl_corpus_close(k->c);
    free(k->db);
    free(k);
}

fl_corpus *fl_scan_corpus(fl_scan *s)
{
    const char *db = fl_scan_opts(s)->corpus;
    if (!db) return NULL;
    void **slot = fl_scan_kind_state(s, &conn_key, conn_drop);
    conn *k = *slot;
    if (k && strcmp(k->db, db)) { /* another run's database */
        conn_drop(k);
        *slot = k = NULL;
    }
    if (!k) {
        fl_corpus *c = NULL;
        fl_error err;
        fl_error_clear(&err);
        if (fl_corpus_open(&c, db, FL_CORPUS_READ, NULL, &err)) {
            fl_corpus_close(c);
            fl_scan_error(s, &err);
            return NULL;
        }
        k = fl_xcalloc(1, sizeof *k);
        k->db = fl_xstrdup(db);
        k->c = c;
        *slot = k;
    }
    return k->c;
}
