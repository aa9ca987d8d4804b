/* Output files of `check` (output.h). */
#include "cmd/output.h"
#include "core/arena.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int fl_sink_open(fl_sink *s, const char *target)
{
    memset(s, 0, sizeof s[0]);
    if (!target || !strcmp(target, "-")) {
        s->f = stdout;
        return 0;
    }
    size_t len = strlen(target) + 16;
    s->tmp = fl_xmalloc(len);
    snprintf(s->tmp, len, "%s.tmpXXXXXX", target);
    int fd = mkstemp(s->tmp);
    if (fd >= 0) { /* mkstemp makes 0600; a report gets the usual permissions */
        mode_t mask = umask(0);
        umask(mask);
        (void)fchmod(fd, 0666 & ~mask);
    }
    if (fd < 0 || !(s->f = fdopen(fd, "w"))) {
        fprintf(stderr, "filinglint: cannot write %s: %s\n", target, strerror(errno));
        if (fd >= 0) { close(fd); unlink(s->tmp); }
        free(s->tmp);
        s->tmp = NULL;
        return -1;
    }
    s->target = target;
    return 0;
}

int fl_sink_close(fl_sink *s, bool ok)
{
    if (!s->tmp) return ok ? 0 : -1;
    int rc = ok ? 0 : -1;
    if (fflush(s->f) != 0 || fsync(fileno(s->f)) != 0) rc = -1;
    if (fclose(s->f) != 0) rc = -1;
    if (rc == 0 && rename(s->tmp, s->target) != 0) rc = -1;
    if (rc != 0) {
        if (ok) fprintf(stderr, "filinglint: cannot write %s: %s\n", s->target, strerror(errno));
        unlink(s->tmp);
    }
    free(s->tmp);
    return rc;
}
