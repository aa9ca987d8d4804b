#!/usr/bin/env python3
"""The reading benchmark: how much of what real filings say the document model
gets right.

Every fixtures/reading/<name>.expect states the facts a CORRECT reader gives
for fixtures/reading/<name>.{txt,md,docx,xml} (document type, filing date,
fields, sections, lines that must not become headings or fields; the format
is described in fixtures/reading/README.md). This script runs
`filinglint dump --format json` on each fixture and counts, per fixture and
in total:

  fields     expected field lines found / expected
  false      fields the reader gave that no line allows (fixtures marked
             fields-complete) plus every violated `nofield`
  sections   expected sections found at the right level / expected
  false      sections no line allows (fixtures marked sections-complete) plus
             every violated `heading-not`
  type       document type right / fixtures that state one
  date       filing date right / fixtures that state one (wrong when the dump
             has no "filing_date" key at all)

Usage:
  score.py BIN                      table for a terminal (exit 0)
  score.py BIN --markdown           the same as a Markdown table
  score.py BIN -v                   also what each fixture missed and why
  score.py BIN --check FLOOR        exit 1 when a total is worse than FLOOR
  score.py BIN --write-floor FLOOR  record the current totals as the floor

Every expected value, section title and heading-not text must occur in the
fixture's own text (folded as below); one that does not is reported, and
--check / --write-floor then stop with exit 2, since a typo in an .expect
file would otherwise read as a reader's failure forever.

The floor holds minimum counts for what must go up (found fields, right
sections, types, dates, dumps that ran) and maximum counts for what must go
down (false fields, false sections): a regression fails, progress never does.
Standard library only; the binary is run once per fixture, nothing is built.
"""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
DEFAULT_DIR = os.path.join(ROOT, "fixtures", "reading")
EXTENSIONS = (".txt", ".md", ".docx", ".xml")

# what must not go down / what must not go up
FLOOR_MIN = ("dumps_ok", "fields_found", "sections_right", "type_right", "date_right")
FLOOR_MAX = ("false_fields", "false_sections")

# ---- normalisation -----------------------------------------------------------
# Both sides are compared after the same folding, so an expectation does not
# depend on full- or half-width brackets, white space or the dash a producer
# used. Labels also drop the annotation groups forms print after them
# （盖章） （签字） （选填）, as the model does.

DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u2e3a\u2e3b"), "-")
ANNOT_WORDS = "加盖公章|单位公章|单位盖章|盖公章|非必填|签章|签字|盖章|签名|公章|印章|手签|选填|必填|可选|如有|若有"
ANNOT_JOIN = "或|和|并|及|与|、|/|,|，|\\+"
ANNOT_RE = re.compile(r"\((?:(?:%s)|(?:%s))*(?:%s)(?:(?:%s)|(?:%s))*\)" % (
    ANNOT_WORDS, ANNOT_JOIN, ANNOT_WORDS, ANNOT_WORDS, ANNOT_JOIN))
TRAILING_GROUP_RE = re.compile(r"\([^()]*\)$")
TRAILING_PUNCT = "。；;，,：:"


def fold(s):
    s = unicodedata.normalize("NFKC", s or "").translate(DASHES)
    return "".join(ch for ch in s if not ch.isspace() and ch not in "\u200b\u200c\u200d\ufeff")


def norm_name(s):
    s = ANNOT_RE.sub("", fold(s))
    return s.rstrip(":")


def norm_value(s):
    return fold(s).rstrip(TRAILING_PUNCT)


def names_match(expected, given):
    """Exact, or equal once a trailing unit group is dropped from both
    (总投资 and 总投资(万元) name the same thing)."""
    if expected == given:
        return True
    return TRAILING_GROUP_RE.sub("", expected) == TRAILING_GROUP_RE.sub("", given) != ""


# ---- expectation files -------------------------------------------------------

class Expect:
    def __init__(self, name):
        self.name = name
        self.type = None          # (value or None,) when stated
        self.date = None          # "2019-04", "none", "unfilled"
        self.fields = []          # (line, name, op, value): op "=", "~", "^" or None
        self.maybe = []           # (name, op, value)
        self.nofield = []         # (line, name, op, value); op "*": name is a prefix
        self.fields_complete = False
        self.sections = []        # (line, level, title)
        self.heading_not = []     # (line, text)
        self.sections_complete = False
        self.sources = []


class ExpectError(Exception):
    pass


def parse_field_spec(rest, where):
    """NAME = VALUE | NAME ~ TEXT | NAME ^ PREFIX | NAME"""
    found = [(rest.find(op), op) for op in (" = ", " ~ ", " ^ ") if op in rest]
    if found:
        at, op = min(found)  # the first operator: a value may contain " = "
        return norm_name(rest[:at]), op.strip(), rest[at + len(op):].strip()
    if rest.endswith(" ="):          # an empty value
        return norm_name(rest[:-2]), "=", ""
    if " =" in rest or " ~" in rest or " ^" in rest:
        raise ExpectError("%s: write NAME = VALUE with spaces around the operator" % where)
    return norm_name(rest), None, None


def read_expect(path):
    e = Expect(os.path.basename(path)[:-len(".expect")])
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n").rstrip("\r")
            where = "%s:%d" % (os.path.relpath(path, ROOT), n)
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            word, _, rest = s.partition(" ")
            rest = rest.strip()
            if word == "type":
                e.type = (None if rest == "none" else rest,)
            elif word == "date":
                if not re.fullmatch(r"none|unfilled|\d{4}(-\d{2}(-\d{2})?)?", rest):
                    raise ExpectError("%s: date must be YYYY[-MM[-DD]], none or unfilled" % where)
                e.date = rest
            elif word == "field":
                e.fields.append((n,) + parse_field_spec(rest, where))
            elif word == "maybe":
                e.maybe.append(parse_field_spec(rest, where))
            elif word == "nofield":
                if rest.endswith("*"):
                    e.nofield.append((n, norm_name(rest[:-1]), "*", None))
                else:
                    e.nofield.append((n,) + parse_field_spec(rest, where))
            elif word == "fields-complete":
                e.fields_complete = True
            elif word == "section":
                level, _, title = rest.partition(" ")
                if not level.isdigit() or not title.strip():
                    raise ExpectError("%s: section LEVEL TITLE" % where)
                e.sections.append((n, int(level), title.strip()))
            elif word == "heading-not":
                e.heading_not.append((n, rest))
            elif word == "sections-complete":
                e.sections_complete = True
            elif word == "source":
                e.sources.append(rest)
            else:
                raise ExpectError("%s: unknown line '%s'" % (where, word))
    return e


# ---- checking the expectations against the fixture's own text ----------------------
# An expectation that quotes text the fixture does not contain can never be
# met: a typo in an .expect file would read as a reader's failure forever.

def fixture_text(path):
    with open(path, "rb") as f:
        data = f.read()
    if path.endswith((".docx", ".xml")):
        if path.endswith(".docx"):
            with zipfile.ZipFile(path) as z:
                data = z.read("word/document.xml")
        xml = data.decode("utf-8", "replace")
        # the w:t text, a line break after each paragraph
        parts = re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|(</w:p>)", xml)
        return "".join(t if t else "\n" for t, end in parts)
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def lint_expect(e, path):
    text = fold(fixture_text(path))
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    bad = []
    for n, name, op, value in e.fields:
        if op and norm_value(value) not in text:
            bad.append("line %d: value %r is not in the fixture" % (n, value))
    for n, level, title in e.sections:
        if fold(title) not in text:
            bad.append("line %d: section title %r is not in the fixture" % (n, title))
    for n, t in e.heading_not:
        if fold(t) not in text:
            bad.append("line %d: heading-not text %r is not in the fixture" % (n, t))
    return bad


# ---- running the reader ---------------------------------------------------------

def dump(binary, path):
    """Returns (json or None, error text)."""
    try:
        p = subprocess.run([binary, "dump", "--format", "json", path], capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return None, "timed out"
    except OSError as ex:
        return None, "cannot run %s: %s" % (binary, ex)
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, "exit %d%s" % (p.returncode, (": " + err[0]) if err else "")
    try:
        return json.loads(p.stdout.decode("utf-8")), ""
    except ValueError as ex:
        return None, "bad JSON: %s" % ex


def occurrences(doc):
    """Every field occurrence the reader gave: (name, value, line)."""
    out = []
    for name, f in (doc.get("fields") or {}).items():
        if not isinstance(f, dict):
            continue
        out.append((name, f.get("value") or "", f.get("line")))
        for o in f.get("others") or []:
            out.append((name, o.get("value") or "", o.get("line")))
    return out


def value_ok(op, want, got):
    if op is None:
        return True
    if op == "=":
        return norm_value(want) == norm_value(got)
    if op == "^":
        return norm_value(got).startswith(norm_value(want))
    return norm_value(want) in norm_value(got)


# ---- scoring ---------------------------------------------------------------------

class Score:
    def __init__(self, name):
        self.name = name
        self.dump_ok = False
        self.error = ""
        self.fields_found = self.fields_expected = 0
        self.false_fields = 0
        self.sections_right = self.sections_expected = 0
        self.false_sections = 0
        self.type_right = self.type_expected = 0
        self.date_right = self.date_expected = 0
        self.notes = []   # what went wrong, for -v


def score_fields(e, doc, sc):
    given = [(norm_name(n), v, n, line) for n, v, line in occurrences(doc)]
    used = [False] * len(given)
    sc.fields_expected = len(e.fields)
    for n, name, op, want in e.fields:
        hit = None
        for i, (gname, gval, _, _) in enumerate(given):
            if not used[i] and names_match(name, gname) and value_ok(op, want, gval):
                hit = i
                break
        if hit is None:
            seen = [gv for gn, gv, _, _ in given if names_match(name, gn)]
            sc.notes.append("missing field %s%s%s (line %d)%s" % (
                name, " %s " % op if op else "", want if op else "", n,
                "; reader gave " + " | ".join(repr(v) for v in seen[:3]) if seen else "; reader gave no such field"))
        else:
            used[hit] = True
            sc.fields_found += 1
    forbidden = set()
    for n, want, op, value in e.nofield:
        for i, (gname, gval, raw, line) in enumerate(given):
            if i in forbidden:
                continue
            if gname.startswith(want) if op == "*" else (names_match(want, gname) and value_ok(op, value, gval)):
                forbidden.add(i)
                sc.false_fields += 1
                sc.notes.append("forbidden field %s = %r (line %s; nofield at line %d)" % (raw, gval, line, n))
    if e.fields_complete:
        for i, (gname, gval, raw, line) in enumerate(given):
            if used[i] or i in forbidden:  # a nofield already counted it
                continue
            if any(names_match(mn, gname) and value_ok(op, mv, gval) for mn, op, mv in e.maybe):
                continue
            # a second occurrence of an expected name and value is no false field
            if any(names_match(name, gname) and value_ok(op, want, gval) for _, name, op, want in e.fields):
                continue
            sc.false_fields += 1
            sc.notes.append("false field %s = %r (line %s)" % (raw, gval, line))


def score_sections(e, doc, sc):
    secs = [(s.get("level"), fold(s.get("title") or ""), s.get("title"), s.get("line"))
            for s in doc.get("sections") or []]
    used = [False] * len(secs)
    sc.sections_expected = len(e.sections)
    for n, level, title in e.sections:
        want = fold(title)
        hit = None
        for i, (lv, t, _, _) in enumerate(secs):
            if not used[i] and lv == level and t == want:
                hit = i
                break
        if hit is None:
            near = [(lv, raw) for lv, t, raw, _ in secs if t == want]
            sc.notes.append("missing section %d %s (line %d)%s" % (
                level, title, n, "; reader has it at level %s" % near[0][0] if near else ""))
        else:
            used[hit] = True
            sc.sections_right += 1
    for n, text in e.heading_not:
        want = fold(text)
        bad = any(fold(b.get("text") or "") == want and b.get("kind") == "heading"
                  for b in doc.get("blocks") or [])
        bad = bad or any(t == want for _, t, _, _ in secs)
        if bad:
            sc.false_sections += 1
            sc.notes.append("heading that must not be: %s (line %d)" % (text, n))
    if e.sections_complete:
        for i, (lv, t, raw, line) in enumerate(secs):
            if used[i] or any(fold(x) == t for _, x in e.heading_not):
                continue  # heading-not already counted it
            sc.false_sections += 1
            sc.notes.append("false section %s %s (dump line %s)" % (lv, raw, line))


def score_type(e, doc, sc):
    if e.type is None:
        return
    sc.type_expected = 1
    got = doc.get("doc_type")
    if got == e.type[0]:
        sc.type_right = 1
    else:
        sc.notes.append("type %s, expected %s%s" % (got or "none", e.type[0] or "none",
                        " (%s)" % doc["doc_type_reason"] if doc.get("doc_type_reason") else ""))


def score_date(e, doc, sc):
    if e.date is None:
        return
    sc.date_expected = 1
    if "filing_date" not in doc:
        sc.notes.append("date: the dump has no filing_date (expected %s)" % e.date)
        return
    d = doc["filing_date"]
    if e.date == "none":
        ok = d is None
    elif e.date == "unfilled":
        ok = isinstance(d, dict) and bool(d.get("unfilled"))
    else:
        ok = isinstance(d, dict) and d.get("value") == e.date and not d.get("unfilled")
    if ok:
        sc.date_right = 1
    else:
        sc.notes.append("date %s, expected %s" % (json.dumps(d, ensure_ascii=False), e.date))


def score_one(binary, e, path):
    sc = Score(e.name)
    sc.fields_expected = len(e.fields)
    sc.sections_expected = len(e.sections)
    sc.type_expected = 1 if e.type is not None else 0
    sc.date_expected = 1 if e.date is not None else 0
    if path is None:
        sc.error = "no fixture file"
        return sc
    doc, err = dump(binary, path)
    if doc is None:
        sc.error = err
        sc.notes.append("dump failed: " + err)
        return sc
    sc.dump_ok = True
    score_fields(e, doc, sc)
    score_sections(e, doc, sc)
    score_type(e, doc, sc)
    score_date(e, doc, sc)
    return sc


def fixture_path(directory, name):
    for ext in EXTENSIONS:
        p = os.path.join(directory, name + ext)
        if os.path.isfile(p):
            return p
    return None


# ---- output ----------------------------------------------------------------------

def totals(scores):
    t = {k: 0 for k in ("dumps_ok", "fixtures", "fields_found", "fields_expected", "false_fields",
                        "sections_right", "sections_expected", "false_sections",
                        "type_right", "type_expected", "date_right", "date_expected")}
    for s in scores:
        t["fixtures"] += 1
        t["dumps_ok"] += s.dump_ok
        for k in t:
            if k not in ("fixtures", "dumps_ok"):
                t[k] += getattr(s, k)
    return t


def pct(a, b):
    return "%d%%" % (100 * a // b) if b else "-"


def frac(a, b):
    return "%d/%d" % (a, b) if b else "-"


def rows(scores):
    for s in scores:
        yield [s.name + (" (dump failed)" if s.error else ""),
               frac(s.fields_found, s.fields_expected), str(s.false_fields),
               frac(s.sections_right, s.sections_expected), str(s.false_sections),
               frac(s.type_right, s.type_expected), frac(s.date_right, s.date_expected)]


HEAD = ["fixture", "fields", "false fields", "sections", "false sections", "type", "date"]


def total_row(t):
    return ["total (%d fixtures, %d dumped)" % (t["fixtures"], t["dumps_ok"]),
            "%s %s" % (frac(t["fields_found"], t["fields_expected"]), pct(t["fields_found"], t["fields_expected"])),
            str(t["false_fields"]),
            "%s %s" % (frac(t["sections_right"], t["sections_expected"]),
                       pct(t["sections_right"], t["sections_expected"])),
            str(t["false_sections"]),
            "%s %s" % (frac(t["type_right"], t["type_expected"]), pct(t["type_right"], t["type_expected"])),
            "%s %s" % (frac(t["date_right"], t["date_expected"]), pct(t["date_right"], t["date_expected"]))]


def print_text(scores, t, verbose):
    body = list(rows(scores)) + [total_row(t)]
    widths = [max(len(r[i]) for r in [HEAD] + body) for i in range(len(HEAD))]
    line = lambda r: "  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r))
    print(line(HEAD))
    for i, r in enumerate(body):
        if i == len(body) - 1:
            print("-" * len(line(HEAD)))
        print(line(r))
        if verbose and i < len(scores):
            for note in scores[i].notes:
                print("      " + note)


def print_markdown(scores, t):
    print("| " + " | ".join(HEAD) + " |")
    print("|---|" + "---:|" * (len(HEAD) - 1))
    for r in rows(scores):
        print("| `%s` | " % r[0] + " | ".join(r[1:]) + " |")
    r = total_row(t)
    print("| **%s** | " % r[0] + " | ".join("**%s**" % c for c in r[1:]) + " |")


# ---- floor -----------------------------------------------------------------------

def read_floor(path):
    floor = {}
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            s = raw.split("#", 1)[0].strip()
            if not s:
                continue
            key, _, val = s.partition(" ")
            if key not in FLOOR_MIN + FLOOR_MAX or not val.strip().isdigit():
                raise ExpectError("%s:%d: expected '<key> <count>' with key in %s" % (
                    path, n, ", ".join(FLOOR_MIN + FLOOR_MAX)))
            floor[key] = int(val)
    return floor


def write_floor(path, t):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Reading benchmark floor (bench/reading/score.py --check): the totals the\n"
                "# current readers reach. Counts only: a regression fails the check, progress\n"
                "# never does. Raise the minimums (and lower the maximums) as readers improve;\n"
                "# `score.py BIN --write-floor bench/reading/floor.txt` records the current totals.\n"
                "# Out of: %d fields, %d sections, %d types, %d dates, %d fixtures.\n"
                % (t["fields_expected"], t["sections_expected"], t["type_expected"], t["date_expected"],
                   t["fixtures"]))
        f.write("# minimums\n")
        for k in FLOOR_MIN:
            f.write("%s %d\n" % (k, t[k]))
        f.write("# maximums\n")
        for k in FLOOR_MAX:
            f.write("%s %d\n" % (k, t[k]))


def check_floor(floor, t):
    bad = []
    for k, v in floor.items():
        if k in FLOOR_MIN and t[k] < v:
            bad.append("%s %d is below the floor %d" % (k, t[k], v))
        if k in FLOOR_MAX and t[k] > v:
            bad.append("%s %d is above the ceiling %d" % (k, t[k], v))
    return bad


def main(argv):
    ap = argparse.ArgumentParser(description="Score filinglint's reader against fixtures/reading.")
    ap.add_argument("binary", help="path of the filinglint binary")
    ap.add_argument("--dir", default=DEFAULT_DIR, help="fixture folder (default fixtures/reading)")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("-v", "--verbose", action="store_true", help="say what each fixture missed")
    ap.add_argument("--check", metavar="FLOOR", help="exit 1 when a total is worse than FLOOR")
    ap.add_argument("--write-floor", metavar="FLOOR", help="write the current totals to FLOOR")
    ap.add_argument("--only", metavar="NAME", action="append", help="score only these fixtures")
    args = ap.parse_args(argv)

    binary = os.path.abspath(args.binary)
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        print("score.py: %s is not an executable (build filinglint first)" % args.binary, file=sys.stderr)
        return 2
    names = sorted(f[:-len(".expect")] for f in os.listdir(args.dir) if f.endswith(".expect"))
    if args.only:
        names = [n for n in names if n in args.only]
    if not names:
        print("score.py: no .expect files in %s" % args.dir, file=sys.stderr)
        return 2
    scores = []
    problems = []
    try:
        for name in names:
            e = read_expect(os.path.join(args.dir, name + ".expect"))
            path = fixture_path(args.dir, name)
            if path:
                problems += ["%s.expect %s" % (name, b) for b in lint_expect(e, path)]
            scores.append(score_one(binary, e, path))
        floor = read_floor(args.check) if args.check else None
    except (ExpectError, OSError) as ex:
        print("score.py: %s" % ex, file=sys.stderr)
        return 2
    for prob in problems:
        print("score.py: " + prob, file=sys.stderr)
    t = totals(scores)
    if args.markdown:
        print_markdown(scores, t)
    else:
        print_text(scores, t, args.verbose)
    if args.write_floor:
        write_floor(args.write_floor, t)
        print("wrote %s" % args.write_floor)
    if problems and (floor is not None or args.write_floor):
        return 2  # a floor over expectations that quote absent text means nothing
    if floor is not None:
        bad = check_floor(floor, t)
        for b in bad:
            print("REGRESSION: " + b, file=sys.stderr)
        if bad:
            return 1
        print("floor %s held" % os.path.relpath(args.check))
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `score.py BIN | head` ends quietly
    sys.exit(main(sys.argv[1:]))
