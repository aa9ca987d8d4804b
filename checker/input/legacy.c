/* Legacy word-processor files (legacy.h): told by their bytes, converted
 * to DOCX by LibreOffice in a private work folder, read by the DOCX
 * reader. docs/legacy.md describes what is converted and what is lost.
 *
 * The conversion runs LibreOffice on a copy of the bytes in a fresh 0700
 * folder under $TMPDIR (never next to the input, which is not touched),
 * with a profile of its own in that folder whose settings forbid running
 * any macro, standard input from /dev/null, its output kept in a log, in a
 * process group of its own that is killed when it overruns its time
 * (FL_SOFFICE_TIMEOUT seconds, 60 by default) or when a signal ends the
 * run. The folder is removed in every case (core/cleanup.h on a signal). */
#define _GNU_SOURCE
#include "input/legacy.h"
#include "core/cleanup.h"
#include "core/limits.h"
#include "input/formats.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* ---- telling the formats apart -------------------------------------------------- */

static const unsigned char CFB_MAGIC[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
static const char ODT_MIME[] = "application/vnd.oasis.opendocument.text";

static uint32_t u32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }
static uint16_t u16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }

fl_legacy_kind fl_legacy_sniff(const unsigned char *d, size_t len)
{
    if (len >= 8 && !memcmp(d, CFB_MAGIC, 8)) return FL_LEGACY_CFB;
    if (len >= 5 && !memcmp(d, "{\\rtf", 5)) return FL_LEGACY_RTF;
    /* ODF packages put an uncompressed "mimetype" entry first, so that its
     * text stands at a fixed offset (OpenDocument, part 3, 3.3). */
    if (len >= 38 && !memcmp(d, "PK\x03\x04", 4) && u16(d + 26) == 8 && !memcmp(d + 30, "mimetype", 8)) {
        size_t off = 38 + (size_t)u16(d + 28), n = sizeof ODT_MIME - 1;
        if (u16(d + 8) == 0 && u32(d + 18) == n && off + n <= len && !memcmp(d + off, ODT_MIME, n))
            return FL_LEGACY_ODT;
    }
    return FL_LEGACY_NONE;
}

/* ---- the compound file's directory ---------------------------------------------- */

#define CFB_END 0xFFFFFFFEu  /* ENDOFCHAIN */
#define CFB_FREE 0xFFFFFFFFu /* FREESECT, NOSTREAM */
#define CFB_MAX_NAMES 6      /* streams named when the file is none we know */

typedef struct cfb {
    const unsigned char *d;
    size_t len;
    uint32_t ssize, nsect; /* sector size; whole sectors after the header */
    uint32_t *fat;         /* the FAT sectors' numbers, in order */
    uint32_t nfat;
} cfb;

static const unsigned char *sector(const cfb *c, uint32_t s)
{
    return s < c->nsect ? c->d + (size_t)(s + 1) * c->ssize : NULL;
}

/* The sector after s in its chain, or CFB_FREE when the FAT cannot say. */
static uint32_t fat_next(const cfb *c, uint32_t s)
{
    uint32_t per = c->ssize / 4, i = s / per;
    const unsigned char *fs = i < c->nfat ? sector(c, c->fat[i]) : NULL;
    return fs ? u32(fs + (size_t)(s % per) * 4) : CFB_FREE;
}

static int corrupt(char *what, size_t cap, const char *why)
{
    snprintf(what, cap, "%s", why);
    return FL_CFB_CORRUPT;
}

/* The list of FAT sectors: 109 in the header, the rest in the DIFAT chain. */
static int read_fat_list(cfb *c, char *what, size_t cap)
{
    uint32_t want = u32(c->d + 0x2C);
    if (want == 0 || want > c->nsect) return corrupt(what, cap, "FAT sector count out of range");
    c->fat = malloc(sizeof *c->fat * want);
    if (!c->fat) return corrupt(what, cap, "out of memory");
    for (uint32_t i = 0; i < 109 && c->nfat < want; i++) c->fat[c->nfat++] = u32(c->d + 0x4C + 4 * i);
    uint32_t ds = u32(c->d + 0x44), per = c->ssize / 4 - 1;
    for (uint32_t steps = 0; c->nfat < want; steps++) {
        const unsigned char *p = steps <= c->nsect ? sector(c, ds) : NULL;
        if (!p) return corrupt(what, cap, "the DIFAT chain leaves the file");
        for (uint32_t i = 0; i < per && c->nfat < want; i++) c->fat[c->nfat++] = u32(p + 4 * i);
        ds = u32(p + 4 * per);
    }
    return 0;
}

/* An entry's name as ASCII (other UTF-16 units as '?'), for matching and
 * for naming streams in a message. */
static void entry_name(const unsigned char *e, char *out, size_t cap)
{
    size_t n = u16(e + 0x40) / 2, k = 0;
    if (n > 32) n = 32;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        uint16_t ch = u16(e + 2 * i);
        if (!ch) break;
        out[k++] = ch >= 0x20 && ch < 0x7F ? (char)ch : '?';
    }
    out[k] = '\0';
}

/* The FIB's fEncrypted bit of the WordDocument stream (a stream of 4096
 * bytes and more lies in ordinary sectors; a smaller one is not a Word
 * document LibreOffice could read either, and is left to it). */
static bool word_encrypted(const cfb *c, const unsigned char *e)
{
    uint32_t start = u32(e + 0x74), size = u32(e + 0x78);
    const unsigned char *p = size >= 4096 ? sector(c, start) : NULL;
    return p && u16(p) == 0xA5EC && (u16(p + 0x0A) & 0x0100);
}

fl_cfb_what fl_cfb_identify(const unsigned char *d, size_t len, char *what, size_t cap)
{
    cfb c = {.d = d, .len = len};
    unsigned char *dir = NULL, *seen = NULL;
    int rc;
    what[0] = '\0';
    if (len < 512 || memcmp(d, CFB_MAGIC, 8)) return corrupt(what, cap, "shorter than its 512-byte header");
    uint16_t shift = u16(d + 0x1E);
    if (u16(d + 0x1C) != 0xFFFE || (shift != 9 && shift != 12))
        return corrupt(what, cap, "not a compound file header");
    c.ssize = 1u << shift;
    if (len < 2 * (size_t)c.ssize) return corrupt(what, cap, "no sector after the header");
    c.nsect = (uint32_t)((len - c.ssize) / c.ssize);
    if ((rc = read_fat_list(&c, what, cap))) goto done;

    /* the directory chain: each sector once at most */
    size_t per = c.ssize / 128, n = 0, cap_dir = 0;
    uint32_t s = u32(d + 0x30);
    for (uint32_t steps = 0; s != CFB_END; steps++) {
        const unsigned char *p = steps < c.nsect ? sector(&c, s) : NULL;
        if (!p) { rc = corrupt(what, cap, steps >= c.nsect ? "the directory chain loops" : "truncated (the directory lies past the end)"); goto done; }
        if (n + per > cap_dir) {
            cap_dir = cap_dir ? 2 * cap_dir : 64;
            unsigned char *nd = realloc(dir, cap_dir * 128);
            if (!nd) { rc = corrupt(what, cap, "out of memory"); goto done; }
            dir = nd;
        }
        memcpy(dir + n * 128, p, per * 128);
        n += per;
        s = fat_next(&c, s);
    }
    if (!n || dir[0x42] != 5) { rc = corrupt(what, cap, "no root entry"); goto done; }

    /* the root's children: a tree by left/right siblings from its child;
     * every entry is visited once, so a cycle ends the walk */
    seen = calloc(n, 1);
    uint32_t *stack = malloc(sizeof *stack * (n + 1));
    if (!seen || !stack) { free(stack); rc = corrupt(what, cap, "out of memory"); goto done; }
    size_t top = 0;
    bool word = false, locked = false, package = false;
    const char *known = NULL;
    char names[CFB_MAX_NAMES][40];
    size_t nnames = 0;
    stack[top++] = u32(dir + 0x4C);
    while (top) {
        uint32_t id = stack[--top];
        if (id >= n || seen[id]) continue;
        seen[id] = 1;
        const unsigned char *e = dir + (size_t)id * 128;
        stack[top++] = u32(e + 0x44);
        stack[top++] = u32(e + 0x48);
        if (e[0x42] != 1 && e[0x42] != 2) continue;
        char nm[40];
        entry_name(e, nm, sizeof nm);
        if (!strcmp(nm, "WordDocument") && e[0x42] == 2) {
            word = true;
            locked = word_encrypted(&c, e);
        } else if (!strcmp(nm, "EncryptedPackage")) package = true;
        else if (!strcmp(nm, "Workbook") || !strcmp(nm, "Book")) known = "an Excel 97-2003 workbook (.xls, or WPS .et)";
        else if (!strcmp(nm, "PowerPoint Document")) known = "a PowerPoint 97-2003 presentation (.ppt, or WPS .dps)";
        else if (!strcmp(nm, "VisioDocument")) known = "a Visio drawing (.vsd)";
        else if (!strcmp(nm, "__properties_version1.0")) known = "an Outlook message (.msg)";
        else if (!strcmp(nm, "CONTENTS") && !known) known = "a Microsoft Works or Publisher file";
        if (nnames < CFB_MAX_NAMES && nm[0] && nm[0] != '?') snprintf(names[nnames++], sizeof names[0], "%s", nm);
    }
    free(stack);
    /* Windows Installer packages name their streams in a private encoding;
     * the root's class id says what they are */
    static const unsigned char msi_clsid[16] = {0x84, 0x10, 0x0C, 0, 0, 0, 0, 0, 0xC0, 0, 0, 0, 0, 0, 0, 0x46};
    if (!memcmp(dir + 0x50, msi_clsid, 16)) known = "a Windows Installer package (.msi)";
    if (word) rc = locked ? FL_CFB_WORD_LOCKED : FL_CFB_WORD;
    else if (package) rc = FL_CFB_ENCRYPTED_OOXML;
    else {
        rc = FL_CFB_OTHER;
        if (known) snprintf(what, cap, "%s", known);
        else {
            size_t k = (size_t)snprintf(what, cap, "no WordDocument stream (streams:");
            for (size_t i = 0; i < nnames && k < cap; i++)
                k += (size_t)snprintf(what + k, cap - k, "%s %s", i ? "," : "", names[i]);
            if (k < cap) snprintf(what + k, cap - k, "%s)", nnames ? "" : " none");
        }
    }
done:
    free(seen);
    free(dir);
    free(c.fat);
    return (fl_cfb_what)rc;
}

/* ---- finding LibreOffice ---------------------------------------------------------- */

/* FL_SOFFICE names the program (a path, or a name looked up on PATH); else
 * soffice, then libreoffice, on PATH. FL_SOFFICE=none (or empty): no
 * conversion, as without LibreOffice (what the tests whose output must not
 * depend on the machine set). */
static bool find_soffice(char *out, size_t cap)
{
    const char *env = getenv("FL_SOFFICE");
    const char *names[] = {"soffice", "libreoffice", NULL};
    const char *one[] = {env, NULL};
    const char *const *try = env ? one : names;
    if (env && (!*env || !strcmp(env, "none"))) return false;
    for (; *try; try++) {
        if (strchr(*try, '/')) {
            if (access(*try, X_OK) == 0 && snprintf(out, cap, "%s", *try) < (int)cap) return true;
            continue;
        }
        const char *path = getenv("PATH");
        if (!path) continue;
        for (const char *p = path; *p;) {
            const char *colon = strchr(p, ':');
            size_t n = colon ? (size_t)(colon - p) : strlen(p);
            struct stat st;
            if (n && snprintf(out, cap, "%.*s/%s", (int)n, p, *try) < (int)cap && stat(out, &st) == 0 &&
                S_ISREG(st.st_mode) && access(out, X_OK) == 0)
                return true;
            p += n + (colon ? 1 : 0);
        }
    }
    return false;
}

static pthread_once_t usable_once = PTHREAD_ONCE_INIT;
static bool usable_answer;
static void look_once(void)
{
    char prog[4096];
    usable_answer = find_soffice(prog, sizeof prog);
}

bool fl_legacy_usable(void)
{
    pthread_once(&usable_once, look_once);
    return usable_answer;
}

/* ---- the work folder -------------------------------------------------------------- */

/* The private profile's settings: macros of any origin are not run
 * (DisableMacrosExecution), the security level is "very high" (3: only
 * signed macros from trusted places, and there are none), no trusted
 * location or author, and no first-start or update dialog. */
static const char PROFILE_XCU[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\""
    " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
    "<item oor:path=\"/org.openoffice.Office.Common/Security/Scripting\"><prop oor:name=\"DisableMacrosExecution\""
    " oor:op=\"fuse\"><value>true</value></prop></item>\n"
    "<item oor:path=\"/org.openoffice.Office.Common/Security/Scripting\"><prop oor:name=\"MacroSecurityLevel\""
    " oor:op=\"fuse\"><value>3</value></prop></item>\n"
    "<item oor:path=\"/org.openoffice.Office.Common/Security/Scripting\"><prop oor:name=\"SecureURL\""
    " oor:op=\"fuse\"><value/></prop></item>\n"
    "<item oor:path=\"/org.openoffice.Office.Common/Security/Scripting\"><prop oor:name=\"BlockUntrustedRefererLinks\""
    " oor:op=\"fuse\"><value>true</value></prop></item>\n"
    "<item oor:path=\"/org.openoffice.Office.Common/Misc\"><prop oor:name=\"FirstRun\" oor:op=\"fuse\">"
    "<value>false</value></prop></item>\n"
    "<item oor:path=\"/org.openoffice.Office.Common/Misc\"><prop oor:name=\"UseLocking\" oor:op=\"fuse\">"
    "<value>false</value></prop></item>\n"
    "</oor:items>\n";

static int write_file(const char *path, const void *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    const char *p = data;
    for (size_t done = 0; done < len;) {
        ssize_t w = write(fd, p + done, len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) { close(fd); return -1; }
        done += (size_t)w;
    }
    return close(fd);
}

/* Read a whole file of at most max bytes; malloc'd into *out. */
static int slurp(const char *path, size_t max, char **out, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat st;
    *out = NULL;
    if (fd < 0) return -1;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode) || (unsigned long long)st.st_size > max) { close(fd); return -1; }
    size_t n = (size_t)st.st_size, got = 0;
    char *b = malloc(n + 1);
    while (b && got < n) {
        ssize_t r = read(fd, b + got, n - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += (size_t)r;
    }
    close(fd);
    if (!b || got != n) { free(b); return -1; }
    b[n] = '\0';
    *out = b;
    *len = n;
    return 0;
}

/* The last non-empty line of LibreOffice's output that says something
 * ("Error: source file could not be loaded"), for the one-line message. */
static void last_words(const char *log, char *out, size_t cap)
{
    char *text = NULL;
    size_t len = 0;
    snprintf(out, cap, "no DOCX was written");
    if (slurp(log, 1u << 20, &text, &len)) return;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
        if (!strncasecmp(line, "Error", 5)) {
            size_t n = strlen(line);
            while (n && (line[n - 1] == '\r' || line[n - 1] == ' ')) line[--n] = '\0';
            snprintf(out, cap, "%s", line);
        }
    free(text);
}

static unsigned timeout_seconds(void)
{
    const char *s = getenv("FL_SOFFICE_TIMEOUT");
    char *end;
    unsigned long v = s ? strtoul(s, &end, 10) : 0;
    return s && *s && !*end && v > 0 && v <= 86400 ? (unsigned)v : 60;
}

/* Run argv with the environment env in its own process group, standard
 * input from /dev/null and its output into log; wait at most secs. The
 * group is killed when time runs out, and after the program ends (what it
 * left running in the background). 0 when it exited with status 0. */
static int run(char *const argv[], char *const env[], const char *log, const char *work, unsigned secs, bool *timed_out)
{
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    sigset_t none, def;
    pid_t pid;
    int rc = -1;
    *timed_out = false;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    posix_spawnattr_init(&at);
    sigemptyset(&none);
    sigfillset(&def);
    posix_spawnattr_setsigmask(&at, &none);  /* a worker thread's mask is not the program's */
    posix_spawnattr_setsigdefault(&at, &def); /* our cleanup handler is not its */
    posix_spawnattr_setpgroup(&at, 0);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    int e = posix_spawn(&pid, argv[0], &fa, &at, argv, env);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    if (e) return -1;
    fl_cleanup_set_group(work, pid);
    struct timespec t0, now;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    long nap = 5; /* ms, growing to 100 */
    for (;;) {
        /* WNOWAIT: the ended leader stays a zombie, so its pid, the
         * group's id, cannot be reused before the group is killed below */
        siginfo_t si;
        si.si_pid = 0;
        int w = waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT);
        if (w == 0 && si.si_pid == pid) {
            rc = si.si_code == CLD_EXITED && si.si_status == 0 ? 0 : -1;
            break;
        }
        if (w < 0 && errno != EINTR) break;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec - t0.tv_sec >= (time_t)secs) {
            *timed_out = true;
            break;
        }
        struct timespec ts = {0, nap * 1000000L};
        nanosleep(&ts, NULL);
        if (nap < 100) nap *= 2;
    }
    kill(-pid, SIGKILL); /* on a timeout, or what it left running in the background */
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    fl_cleanup_set_group(work, 0);
    return rc;
}

/* The environment of the conversion: the caller's, with HOME and TMPDIR in
 * the work folder so that nothing is written outside it. malloc'd array of
 * pointers; the two new strings are in the array's tail. */
static char **child_env(const char *home, const char *tmp)
{
    size_t n = 0;
    while (environ[n]) n++;
    char **env = calloc(n + 3, sizeof *env);
    if (!env) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (strncmp(environ[i], "HOME=", 5) && strncmp(environ[i], "TMPDIR=", 7)) env[k++] = environ[i];
    env[k++] = (char *)home;
    env[k++] = (char *)tmp;
    return env;
}

/* "LibreOffice 7.4.7.2" from docProps/app.xml's Application
 * ("LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/..."). */
static void producer(const fl_doc *doc, char *out, size_t cap)
{
    const char *app = fl_doc_prop(doc, "application");
    const char *slash = app ? strchr(app, '/') : NULL;
    if (slash && !strncmp(app, "LibreOffice", 11)) {
        size_t n = strcspn(slash + 1, "$ ");
        snprintf(out, cap, "LibreOffice %.*s", (int)(n < 32 ? n : 32), slash + 1);
    } else
        snprintf(out, cap, "LibreOffice");
}

static const char *ending_of(const char *path, fl_legacy_kind kind)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    static const char *const ends[] = {".doc", ".wps", ".wpt", ".dot", ".rtf", ".odt", NULL};
    for (size_t i = 0; dot && ends[i]; i++)
        if (!strcasecmp(dot, ends[i])) return ends[i];
    return kind == FL_LEGACY_RTF ? ".rtf" : kind == FL_LEGACY_ODT ? ".odt" : ".doc";
}

static int convert(fl_doc *doc, fl_legacy_kind kind, const unsigned char *d, size_t len, const char *prog,
                   fl_error *err)
{
    const char *tmpdir = getenv("TMPDIR");
    char work[4096], src[4200], outdir[4200], log[4200], xcu[4300], docx[4200], buf[4200];
    char home[4200], tmpenv[4200], userinst[4300], outarg[4300];
    char *data = NULL, **env = NULL;
    size_t dlen = 0;
    int rc = -1;
    bool registered = false;
    if (!tmpdir || !*tmpdir) tmpdir = "/tmp";
    if ((size_t)snprintf(work, sizeof work, "%s/filinglint-lo-XXXXXX", tmpdir) >= sizeof work || !mkdtemp(work))
        return fl_error_setf(err, FL_E_CONVERT, "cannot make a work folder in %s: %s", tmpdir, strerror(errno));
    /* registered before anything is written in it: a signal from here on
     * removes it; no free slot means no removal on a signal, so refuse */
    char *work_owned = strdup(work);
    if (!work_owned || fl_cleanup_add(work_owned, true)) {
        fl_remove_tree(work);
        free(work_owned);
        return fl_error_set(err, FL_E_CONVERT, "too many conversions at once");
    }
    registered = true;
    const char *ext = kind == FL_LEGACY_RTF ? "rtf" : kind == FL_LEGACY_ODT ? "odt" : "doc";
    snprintf(src, sizeof src, "%s/in", work);
    snprintf(outdir, sizeof outdir, "%s/out", work);
    snprintf(buf, sizeof buf, "%s/profile", work);
    snprintf(xcu, sizeof xcu, "%s/profile/user", work);
    if (mkdir(src, 0700) || mkdir(outdir, 0700) || mkdir(buf, 0700) || mkdir(xcu, 0700)) goto io_fail;
    snprintf(xcu, sizeof xcu, "%s/profile/user/registrymodifications.xcu", work);
    if (write_file(xcu, PROFILE_XCU, sizeof PROFILE_XCU - 1)) goto io_fail;
    snprintf(buf, sizeof buf, "%s/tmp", work);
    if (mkdir(buf, 0700)) goto io_fail;
    snprintf(src, sizeof src, "%s/in/source.%s", work, ext);
    if (write_file(src, d, len)) goto io_fail;
    snprintf(log, sizeof log, "%s/soffice.log", work);
    snprintf(docx, sizeof docx, "%s/out/source.docx", work);
    snprintf(userinst, sizeof userinst, "-env:UserInstallation=file://%s/profile", work);
    snprintf(home, sizeof home, "HOME=%s", work);
    snprintf(tmpenv, sizeof tmpenv, "TMPDIR=%s/tmp", work);
    snprintf(outarg, sizeof outarg, "%s", outdir);
    char *argv[] = {(char *)prog, userinst, "--headless", "--invisible", "--norestore", "--nolockcheck",
                    "--nodefault", "--nologo", "--convert-to", "docx:MS Word 2007 XML", "--outdir", outarg, src, NULL};
    if (!(env = child_env(home, tmpenv))) goto io_fail;
    bool timed_out;
    unsigned secs = timeout_seconds();
    run(argv, env, log, work_owned, secs, &timed_out);
    if (timed_out) {
        fl_error_setf(err, FL_E_CONVERT, "no answer in %u s (FL_SOFFICE_TIMEOUT)", secs);
        goto cleanup;
    }
    if (slurp(docx, FL_MAX_INPUT_BYTES, &data, &dlen)) {
        char why[512];
        last_words(log, why, sizeof why);
        fl_error_set(err, FL_E_CONVERT, why);
        goto cleanup;
    }
    if (fl_docx_read(doc, data, dlen, err)) goto cleanup;
    char by[64];
    producer(doc, by, sizeof by);
    fl_doc_add_notice(doc, -1, "converted from %s by %s; what the conversion loses is listed in docs/legacy.md",
                      ending_of(doc->path, kind), by);
    rc = 0;
    goto cleanup;
io_fail:
    fl_error_setf(err, FL_E_CONVERT, "cannot prepare the work folder %s: %s", work, strerror(errno));
cleanup:
    free(env);
    free(data);
    fl_remove_tree(work);
    if (registered) fl_cleanup_drop(work_owned);
    free(work_owned);
    return rc;
}

int fl_legacy_read(fl_doc *doc, const unsigned char *d, size_t len, fl_error *err)
{
    fl_legacy_kind kind = fl_legacy_sniff(d, len);
    char what[256], prog[4096];
    if (kind == FL_LEGACY_CFB) {
        switch (fl_cfb_identify(d, len, what, sizeof what)) {
        case FL_CFB_WORD: break;
        case FL_CFB_WORD_LOCKED: return fl_error_set(err, FL_E_DOC_ENCRYPTED);
        case FL_CFB_ENCRYPTED_OOXML: return fl_error_set(err, FL_E_ENCRYPTED);
        case FL_CFB_OTHER: return fl_error_set(err, FL_E_OLE, what);
        case FL_CFB_CORRUPT: return fl_error_set(err, FL_E_CFB_CORRUPT, what);
        }
    }
    if (!find_soffice(prog, sizeof prog)) {
        if (kind == FL_LEGACY_CFB) return fl_error_set(err, FL_E_LEGACY_DOC);
        return fl_error_set(err, FL_E_NEED_LO, kind == FL_LEGACY_RTF ? "RTF" : "OpenDocument text (.odt)");
    }
    return convert(doc, kind, d, len, prog, err);
}
