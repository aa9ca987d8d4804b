#!/bin/bash
# The project stands alone: a clone holds every document the tree cites.
# Every tracked text file is read (binary files are skipped) and these fail:
#   - a relative path that climbs out of the repository ("../x/y.md" from
#     the root, "../../x" from a folder one level down): material a clone
#     does not have;
#   - the names of reference documents the repository does not have
#     (domain-facts, wordml-notes, law-audit), "issue N" / "GitHub issue N",
#     and "§" followed by a section name or number ("§1.4", "§Limits"): the
#     report's own "§ section path" line has a space after the sign;
#   - a cited Markdown file ([A-Za-z0-9_/.-]+.md) or a path under docs/ or
#     rulesets/ that exists neither from the repository's root nor from the
#     citing file's folder; a bare file name may also name a tracked file in
#     a sub-folder (fixtures/soil/README.md lists variants/*.md by name),
#     except the names a clone would confuse with a document of its own
#     (rules.md, cli.md, architecture.md, performance.md, reading.md), which
#     must be cited by a path that resolves.
# In code (C, shell, Python, JavaScript, CMake) paths are checked in comments
# only: a path in code is an operand — a scratch file a test makes, a file
# a generator writes — and the code's own tests catch a wrong one. The other
# checks read code too. The exceptions below each say why.
# Prints "ok NAME" / "FAIL: NAME: why" and every offending place as
# FILE:LINE: what; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN, SRC = source tree, TMPDIR_BASE = scratch.
# By hand: FL_BIN=build/filinglint SRC=. bash tests/sh/standalone.sh
# (SRC may also be an unpacked tree without .git: every file is read then).
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
command -v python3 >/dev/null || { fail python3 "python3 is needed (.ci/install-deps installs it)"; finish; }

# scan ROOT: print every offending place of the tree at ROOT
scan() {
python3 - "$1" <<'EOF'
import fnmatch
import os
import re
import subprocess
import sys

root = sys.argv[1]

# Exceptions: (glob of files, "path" or "cite", pattern of the cited text or
# None for all of that kind in those files, why).
EXCEPT = [
    ("fixtures/*", "up", None, "hostile inputs and their descriptions: entry names and relationship "
     "targets that climb out of a package on purpose"),
    ("fuzz/*", "up", None, "fuzzer dictionaries and seeds: relationship targets that climb out on purpose"),
    ("docs/guarantees.md", "up", r"\.\./\.\./x", "a ZIP entry name the readers never use, as an example"),
    ("tests/golden/*", "path", None,
     "command lines and their expected outputs: a missing file is often the case under "
     "test (fixtures/check/missing.md), and the text they print comes from files checked here"),
    ("fuzz/corpus/*", "path", None,
     "fuzzer inputs copied from fixtures and rulesets: their relative names point into the "
     "folders they were copied from"),
    ("rulesets/README.md", "path", r"rulesets/(my-rules|eia-local)\.xml",
     "the rulesets the reader is told to create in the worked example"),
    ("checker/cmd/check.c", "path", r"a\.md|\./b\.md", "two spellings of sibling paths, as an example"),
    ("checker/report/sarif.c", "path", r"\.\./x\.md", "an example of a file outside the working folder"),
    ("fixtures/soil/src/npm/md2docx.mjs", "path", r"IN\.md", "the usage line names the script's argument"),
    ("tests/sh/batch_jobs.sh", "path", r"zz-pp\.md", "a file the test makes in its scratch folder"),
    ("tests/sh/install.sh", "path", r"share/doc/filinglint/docs/[a-z]+\.md",
     "files under the install prefix, where docs/ is copied beside the README"),
    ("tests/sh/hostile-valgrind.supp", "cite", r"issues #995",
     "issues of the PCRE2 project, on its public tracker"),
]

# Names a clone would confuse with a document of its own: cited only by a
# path that resolves, in code too.
SPEC_NAMES = {"rules.md", "cli.md", "architecture.md", "performance.md", "reading.md"}
CITES = [
    (re.compile(r"(?<![\w-])(domain-facts|wordml-notes|law-audit)(?![\w-])"),
     "cites a reference document the repository does not have"),
    (re.compile(r"(?<!\w)[Ii]ssues? #?[0-9]+"), "cites an issue by number"),
    (re.compile(r"§[0-9A-Za-z]"), "cites a section of a document"),
]
P = "A-Za-z0-9_/.-"  # the characters of a path, ASCII as in the names of this tree
MD = re.compile(rf"(?<![{P}])([{P}]*[A-Za-z0-9_-]\.md)(?![A-Za-z0-9_])")
# a relative path that starts by climbing: checked against the citing file's folder
UP = re.compile(rf"(?<![{P}])((?:\.\./)+[A-Za-z0-9_-][{P}]*)")
TREE = re.compile(rf"(?<![{P}])((?:docs|rulesets)/[{P}]*)")
# $VAR/ and ${VAR}/: the source tree for these, else a folder made at run time
SOURCE_VARS = {"SRC", "ROOT", "PROJECT_SOURCE_DIR", "CMAKE_SOURCE_DIR", "CMAKE_CURRENT_SOURCE_DIR"}
VAR = re.compile(r"\$\{?([A-Za-z_]\w*)\}?/")

C_LIKE = (".c", ".h", ".js", ".mjs")
HASH_LIKE = (".sh", ".bash", ".py", ".cmake", ".supp")


def tracked():
    try:
        out = subprocess.run(["git", "-C", root, "ls-files", "-z"], capture_output=True, check=True)
        files = [f for f in out.stdout.decode().split("\0") if f]
        if files:
            return files
    except (OSError, subprocess.CalledProcessError):
        pass
    files = []
    for d, dirs, names in os.walk(root):
        dirs[:] = [x for x in dirs if not x.startswith((".git", "build"))]
        files += [os.path.relpath(os.path.join(d, n), root) for n in names]
    return files


files = tracked()
present = set(files)
folders = set()
for f in files:
    while f:
        f = os.path.dirname(f)
        folders.add(f)


def resolves(path, base):
    path = path.rstrip(".")
    for cand in (path, os.path.join(base, path)):
        c = os.path.normpath(cand)
        if c in present or c in folders:
            return True
    if "/" in path or os.path.basename(path) in SPEC_NAMES:
        return False
    return any(f.endswith("/" + path) for f in files)


def excepted(name, kind, text):
    return any(fnmatch.fnmatch(name, g) and k == kind and (p is None or re.fullmatch(p, text))
               for g, k, p, _ in EXCEPT)


def comment_lines(name, text):
    """{line number: comment text} of a code file, or None for a file that
    is read whole (documentation, data, rulesets)."""
    base = os.path.basename(name)
    ext = os.path.splitext(base)[1]
    out = {}
    if ext in C_LIKE:
        i, n, line = 0, len(text), 1
        while i < n:
            c = text[i]
            if c == "\n":
                line += 1
            elif text.startswith("//", i):
                j = text.find("\n", i)
                j = n if j < 0 else j
                out[line] = out.get(line, "") + text[i:j]
                i = j
                continue
            elif text.startswith("/*", i):
                j = text.find("*/", i + 2)
                j = n if j < 0 else j + 2
                for k, part in enumerate(text[i:j].split("\n")):
                    out[line + k] = out.get(line + k, "") + " " + part
                line += text[i:j].count("\n")
                i = j
                continue
            elif c in "\"'":
                j = i + 1
                while j < n and text[j] != c and text[j] != "\n":
                    j += 2 if text[j] == "\\" else 1
                i = j + 1
                continue
            i += 1
        return out
    first = text.split("\n", 1)[0]
    if ext in HASH_LIKE or base == "CMakeLists.txt" or (ext == "" and first.startswith("#!")):
        doc = False  # inside a Python docstring: documentation, read whole
        for k, l in enumerate(text.split("\n"), 1):
            if ext == ".py" and l.count('"""') % 2:
                doc = not doc
                out[k] = l
            elif doc:
                out[k] = l
            else:
                m = re.search(r"(?:^|\s)#", l)
                if m:
                    out[k] = l[m.end() - 1:]
        return out
    return None


def paths(scope, only_spec):
    """The cited paths of scope to check: a path under a run-time $VAR/ and
    an absolute path are made by the run, not cited."""
    scope = VAR.sub(lambda m: " " if m.group(1) in SOURCE_VARS else " /", scope)
    for rx in ((MD,) if only_spec else (MD, TREE)):
        for m in rx.finditer(scope):
            path = m.group(1)
            if path.startswith("/") or (only_spec and os.path.basename(path) not in SPEC_NAMES):
                continue
            yield path


problems = []
for name in files:
    try:
        data = open(os.path.join(root, name), "rb").read()
    except OSError:
        continue
    if b"\0" in data[:8192] or name == "tests/sh/standalone.sh":
        continue  # binary; and this file, which must name what it looks for
    text = data.decode("utf-8", "replace")
    base = os.path.dirname(name)
    comments = comment_lines(name, text)
    for n, line in enumerate(text.split("\n"), 1):
        for rx, why in CITES:
            for m in rx.finditer(line):
                if not excepted(name, "cite", m.group(0)):
                    problems.append(f"{name}:{n}: {why}: {m.group(0)}")
        for m in UP.finditer(line):
            if os.path.normpath(os.path.join(base, m.group(1))).startswith("..") and \
                    not excepted(name, "up", m.group(1)):
                problems.append(f"{name}:{n}: cites a path outside the repository: {m.group(1)}")
        scope = line if comments is None else comments.get(n)
        for path in paths(scope or line, not scope):
            if not excepted(name, "path", path) and not resolves(path, base):
                problems.append(f"{name}:{n}: cites a path that does not exist: {path}")

print("\n".join(problems), end="\n" if problems else "")
EOF
}

scan "$SRC" >"$SCRATCH/report"
rc=$?
if [ $rc -ne 0 ]; then
    fail scan "the scan itself failed (exit $rc)"
elif [ -s "$SCRATCH/report" ]; then
    cat "$SCRATCH/report"
    fail citations "$(wc -l <"$SCRATCH/report") citations of what a clone does not have (listed above)"
else
    ok citations
fi

# The test must be able to fail: a planted citation of each kind is found,
# and what is no citation (the report's "§ " line, a path that resolves, a
# scratch file a test makes, a path in code) is not.
mkdir -p "$SCRATCH/tree/docs" "$SCRATCH/tree/src" "$SCRATCH/tree/tests"
printf 'see ../elsewhere/spec/cli.md\n' >"$SCRATCH/tree/README.md"
printf '/* wordml-notes §1.4, issue 9; see docs/nothere.md */\nint x;\n' >"$SCRATCH/tree/src/a.c"
printf 'The contract is in `cli.md`.\n' >"$SCRATCH/tree/docs/batch.md"
printf 'See `batch.md` and docs/batch.md.\n  § 三、区域环境质量现状 › 环境保护目标\n' >"$SCRATCH/tree/docs/ok.md"
printf '#!/bin/sh\n# writes $SCRATCH/new.md\ncp a.md "$W/b.md"\n' >"$SCRATCH/tree/tests/ok.sh"
printf 'static const char *f = "missing.md"; /* see docs/ok.md */\n' >"$SCRATCH/tree/src/ok.c"
scan "$SCRATCH/tree" >"$SCRATCH/planted"
for want in 'README.md:1: cites a path outside the repository' 'src/a.c:1: cites a reference document' 'src/a.c:1: cites an issue' \
    'src/a.c:1: cites a section' 'src/a.c:1: cites a path that does not exist: docs/nothere.md' \
    'docs/batch.md:1: cites a path that does not exist: cli.md'; do
    grep -qF "$want" "$SCRATCH/planted" && ok "planted: $want" || fail "planted: $want" "not reported: $(cat "$SCRATCH/planted")"
done
for quiet in docs/ok.md tests/ok.sh src/ok.c; do
    grep -q "^$quiet:" "$SCRATCH/planted" && fail "quiet: $quiet" "reported: $(grep "^$quiet:" "$SCRATCH/planted")" ||
        ok "quiet: $quiet"
done
finish
