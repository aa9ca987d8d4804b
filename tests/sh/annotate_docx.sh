#!/bin/bash
# `check --annotate DIR` on DOCX and Flat OPC: every
# finding becomes a Word comment in DIR/<name>.docx (DIR/<name>.xml for Flat
# OPC, in its own form), the input stays byte-identical.
#
# Always checked (python3 zipfile/ElementTree): the input's sha256 is
# unchanged; the copy has the input's entries in the input's order, every
# entry other than the main part, the comments part, its relationship and
# [Content_Types].xml stored exactly as before (same method, compressed
# size, CRC and bytes); one comment by "filinglint" per finding, with ids
# above the ones already there, whose old comments are kept byte for byte;
# each new id has one commentRangeStart, commentRangeEnd and
# commentReference; the relationship and content type are declared; the
# changed parts hold every old byte in order (the edits only insert). A
# Flat OPC copy is checked the same way once both files are unpacked into
# DOCX packages by flat2docx.py, and every pkg:part it did not need to change
# is byte-identical in the flat file itself.
# Read back by an independent reader when it is installed (skipped with a
# message otherwise; CI has neither): pandoc --track-changes=all -t json
# shows one comment per finding, its text (severity, rule, message, basis),
# at the finding's paragraph and, for matched text, around exactly that text
# (or the insertion/hyperlink/content control holding it); LibreOffice
# converts the copies to PDF and keeps every comment in a round trip.
#
# Env (set by ctest): FL_BIN, SRC, TMPDIR_BASE.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
cd "$SRC" || exit 1
need_python3 "to read the copies back"
. "$SRC/tests/lib/annotate.sh"

# Findings in every part: "项目"/"环境" anywhere (with a column range), and a
# missing section (a finding about the document as a whole).
marks_ruleset "body textbox header footer footnote endnote" "项目|环境"

# pkgcheck.py INPUT COPY FINDINGS_JSON: the package-level promises above.
cat >"$SCRATCH/pkgcheck.py" <<'EOF'
import json, re, sys, zipfile
import xml.etree.ElementTree as ET
src, dst, fj = sys.argv[1], sys.argv[2], sys.argv[3]
nfind = len(json.load(open(fj))["files"][0]["findings"])
W = ["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"]
bad = []
a, b = zipfile.ZipFile(src), zipfile.ZipFile(dst)
ia, ib = a.infolist(), b.infolist()
names_a = [i.filename for i in ia]
names_b = [i.filename for i in ib]
if names_b[:len(names_a)] != names_a: bad.append("entries renamed or reordered")
new = names_b[len(names_a):]
def rels_of(part):
    d, _, f = part.rpartition("/")
    return (d + "/" if d else "") + "_rels/" + f + ".rels"
root_rels = ET.fromstring(a.read("_rels/.rels"))
main = [r.get("Target").lstrip("/") for r in root_rels if r.get("Type").endswith("/officeDocument")][0]
changed = {i.filename for i in ia if i.filename in names_b and (a.read(i.filename) != b.read(i.filename))}
allowed = {main, rels_of(main), "[Content_Types].xml"} | {n for n in names_a if n.lower().endswith("comments.xml")}
if nfind == 0 and (changed or new): bad.append(f"no findings, yet changed {sorted(changed)} new {new}")
if changed - allowed: bad.append(f"changed beyond the comment parts: {sorted(changed - allowed)}")
for n in new:
    if not (n.lower().endswith("comments.xml") or n == rels_of(main)): bad.append(f"unexpected new entry {n}")
def kept_in(old, new): # every byte of old, in order, in new: the edits only inserted
    it = iter(new)
    return all(c in it for c in old)
for n in changed:
    if not kept_in(a.read(n), b.read(n)): bad.append(f"{n}: bytes were changed or removed, not only inserted")
for x in ia:
    if x.filename in changed or x.filename not in names_b: continue
    y = b.getinfo(x.filename)
    if (x.compress_type, x.compress_size, x.CRC) != (y.compress_type, y.compress_size, y.CRC):
        bad.append(f"{x.filename} not copied as stored")
if nfind:
    rels = ET.fromstring(b.read(rels_of(main)))
    com = [r for r in rels if r.get("Type").endswith("/comments")]
    if not com: bad.append("no comments relationship")
    cpart = (main.rpartition("/")[0] + "/" + com[0].get("Target")).lstrip("/") if com else "word/comments.xml"
    ct = b.read("[Content_Types].xml").decode()
    if f'PartName="/{cpart}"' not in ct: bad.append(f"no content type for {cpart}")
    new_c = b.read(cpart).decode()
    old_c = a.read(cpart).decode() if cpart in names_a else ""
    croot = ET.fromstring(new_c)
    ns = croot.tag[1:].split("}")[0]
    q = lambda t: "{%s}%s" % (ns, t)
    comments = croot.findall(q("comment"))
    old_ids = {int(x) for x in re.findall(r'<w:comment\b[^>]*\bw:id="(\d+)"', old_c)}
    ours = [c for c in comments if c.get(q("author")) == "filinglint" and int(c.get(q("id"))) not in old_ids]
    theirs = [int(c.get(q("id"))) for c in comments if int(c.get(q("id"))) in old_ids]
    if len(theirs) != len(old_ids): bad.append("old comments lost")
    if len(ours) != nfind: bad.append(f"{len(ours)} filinglint comments for {nfind} findings")
    ids = [int(c.get(q("id"))) for c in ours]
    if len(set(ids + theirs)) != len(ids + theirs): bad.append("comment ids repeat")
    if theirs and ids and min(ids) <= max(theirs): bad.append("new ids not above the old ones")
    for m in re.finditer(r"<w:comment\b.*?</w:comment>", old_c, re.S):
        if m.group(0) not in new_c: bad.append("an old comment was not kept byte for byte")
    doc = ET.fromstring(b.read(main))
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        got = sorted(int(e.get("{%s}id" % ns)) for e in doc.iter("{%s}%s" % (ns, tag)))
        mine = [i for i in got if i in set(ids)]
        if mine != sorted(ids): bad.append(f"{tag}: ids {mine[:5]}... want each of {len(ids)} once")
for m in bad: print("  " + m)
sys.exit(1 if bad else 0)
EOF

# pandoc_check.py COPY FINDINGS_JSON: pandoc reads the comments back.
cat >"$SCRATCH/pandoc_check.py" <<'EOF'
import json, re, subprocess, sys
docx, fj = sys.argv[1], sys.argv[2]
findings = json.load(open(fj))["files"][0]["findings"]
pd = json.loads(subprocess.run(["pandoc", "--track-changes=all", "-f", "docx", "-t", "json", docx],
                               capture_output=True, check=True).stdout)
def text_of(inl, out):
    t, c = inl["t"], inl.get("c")
    if t == "Str": out.append(c)
    elif t in ("Space", "SoftBreak", "LineBreak"): out.append(" ")
    elif t in ("Code", "Math"): out.append(c[1])
    elif t == "Quoted": [text_of(x, out) for x in c[1]]
    elif t in ("Link", "Image", "Span"): [text_of(x, out) for x in c[1]]
    elif t in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"): [text_of(x, out) for x in c]
comments, paras = {}, []
def inlines(inls, stream):
    for inl in inls:
        t, c = inl["t"], inl.get("c")
        if t == "Span":
            (_, classes, kvs), content = c
            kv = dict(kvs)
            if "comment-start" in classes:
                txt = []; [text_of(x, txt) for x in content]
                comments[kv["id"]] = {"author": kv.get("author"), "text": "".join(txt)}
                stream.append(("start", kv["id"])); continue
            if "deletion" in classes: continue            # the accepted view, as the model reads it
            if "comment-end" in classes: stream.append(("end", kv["id"]))  # consecutive ends nest
            inlines(content, stream); continue
        if t in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"): inlines(c, stream); continue
        if t == "Link": inlines(c[1], stream); continue
        if t == "Note": blocks(c); continue
        out = []; text_of(inl, out); stream.append(("text", "".join(out)))
def blocks(obj):
    if isinstance(obj, list):
        for x in obj: blocks(x)
    elif isinstance(obj, dict):
        if "t" not in obj:
            for v in obj.values(): blocks(v)
            return
        t, c = obj["t"], obj.get("c")
        if t in ("Para", "Plain", "MetaInlines"): s = []; inlines(c, s); paras.append(s)
        elif t == "Header": s = []; inlines(c[2], s); paras.append(s)
        elif t == "LineBlock":
            for line in c: s = []; inlines(line, s); paras.append(s)
        elif c is not None: blocks(c)
blocks(pd["meta"]); blocks(pd["blocks"])
where = {}
for pi, s in enumerate(paras):
    full = "".join(v for k, v in s if k == "text")
    open_ = {}
    for k, v in s:
        if k == "start": where[v] = {"para": pi, "full": full}; open_[v] = []
        elif k == "end" and v in open_: where[v]["range"] = "".join(open_.pop(v))
        elif k == "text":
            for o in open_.values(): o.append(v)
norm = lambda s: "".join(s.split())
bad = []
ours = sorted((int(k), v) for k, v in comments.items() if v["author"] == "filinglint")
if len(ours) != len(findings): bad.append(f"{len(ours)} comments by filinglint for {len(findings)} findings")
exact = enclosing = whole = moved = 0
first_para = []
SEV = {"error": "错误", "warning": "警告", "info": "提示"}  # the copies are made with --lang zh
for (cid, c), f in zip(ours, findings):
    head = f"[{SEV[f['severity']]}] {f['rule']}: {f['message']}"
    if not norm(c["text"]).startswith(norm(head)): bad.append(f"comment {cid}: {c['text'][:80]!r} lacks {head!r}"); continue
    if f.get("basis") and norm("依据：" + f["basis"]) not in norm(c["text"]): bad.append(f"comment {cid}: no basis")
    w = where.get(str(cid))
    if not w or "range" not in w: bad.append(f"comment {cid}: no range within one paragraph"); continue
    rng, full, loc = norm(w["range"]), norm(w["full"]), f["location"]
    if "正文第一段" in c["text"]:
        moved += 1; first_para.append(w["para"])
        if loc["part"] == "body" and f["excerpt"] and "整篇文档" not in c["text"]: bad.append(f"comment {cid}: body finding moved")
        continue
    if "文本框" in c["text"]: # on the paragraph anchoring the text box
        if loc["part"] != "textbox" or rng != full: bad.append(f"comment {cid}: text box note misplaced")
        moved += 1; continue
    if loc["part"] != "body": bad.append(f"comment {cid}: {loc['part']} finding without a note"); continue
    m = re.match(r"出现“(.*)”$", f["message"])
    want = norm(m.group(1)) if m else ""
    if want and rng == want: exact += 1; continue
    if want and want in rng and rng in full and rng != full: enclosing += 1; continue
    whole += 1
    ex = norm(f["excerpt"] or "")
    if rng != full: bad.append(f"comment {cid}: range {w['range'][:40]!r} is neither {want!r} nor its paragraph")
    elif not (full and (full in ex or ex in full or (want and want in full))):
        bad.append(f"comment {cid} line {loc['line']}: paragraph {w['full'][:40]!r} is not {f['excerpt'][:40]!r}")
if first_para and (len(set(first_para)) != 1 or first_para[0] > min(w["para"] for w in where.values())):
    bad.append(f"moved comments are not all on the first paragraph: {sorted(set(first_para))}")
if not exact: bad.append("no comment around exactly its matched text")
print(f"  {len(ours)} comments: {exact} exact, {enclosing} enclosing, {whole} paragraph, {moved} moved")
for m in bad[:8]: print("  " + m)
sys.exit(1 if bad else 0)
EOF

# flat2docx.py FLAT DOCX: each pkg:part's bytes into a ZIP entry (XML parts
# exactly as written inside pkg:xmlData), [Content_Types].xml first.
cat >"$SCRATCH/flat2docx.py" <<'EOF'
import base64, html, re, sys, zipfile
data = open(sys.argv[1], encoding="utf-8").read()
parts = []
for m in re.finditer(r"<pkg:part\b([^>]*)>(.*?)</pkg:part>", data, re.S):
    attrs = dict(re.findall(r'pkg:(\w+)="([^"]*)"', m.group(1)))
    x = re.search(r"<pkg:xmlData>(.*)</pkg:xmlData>", m.group(2), re.S)
    if x: content = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + x.group(1)).encode()
    else: content = base64.b64decode("".join(re.search(r"<pkg:binaryData>(.*)</pkg:binaryData>", m.group(2), re.S).group(1).split()))
    parts.append((html.unescape(attrs["name"]).lstrip("/"), html.unescape(attrs.get("contentType", "")), content))
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               + "".join(f'<Override PartName="/{html.escape(n)}" ContentType="{html.escape(t)}"/>' for n, t, _ in parts) + "</Types>")
    for n, _, c in parts: z.writestr(n, c)
EOF

# flatcheck.py IN OUT: well-formed; every old byte kept in order; the
# pkg:part elements other than the main part, the comments and the main
# part's relationships unchanged.
cat >"$SCRATCH/flatcheck.py" <<'EOF'
import re, sys
import xml.etree.ElementTree as ET
a, b = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
ET.fromstring(b)
it = iter(b)
bad = [] if all(c in it for c in a) else ["bytes were changed or removed, not only inserted"]
part = lambda d: {m.group(1): m.group(0) for m in re.finditer(rb'<pkg:part pkg:name="([^"]*)".*?</pkg:part>', d, re.S)}
pa, pb = part(a), part(b)
for name, blob in pa.items():
    if name in (b"/word/document.xml", b"/word/comments.xml", b"/word/_rels/document.xml.rels"): continue
    if pb.get(name) != blob: bad.append(f"{name.decode()} changed")
for m in bad: print("  " + m)
sys.exit(1 if bad else 0)
EOF

mkdir -p "$SCRATCH/out"
FIXTURES="eia-form-word eia-book-pandoc eia-pp-lo soil-plan-npm soil-sign-pandoc soil-summary-lo eia-form-word-renamed eia-form-word-strict"
for f in $FIXTURES; do
    in=fixtures/docx/$f.docx
    annotated "$f" "$in" "$SCRATCH/out" || continue
    [ -s "$SCRATCH/out/$f.docx" ] || { fail "$f" "no annotated copy"; continue; }
    if python3 "$SCRATCH/pkgcheck.py" "$in" "$SCRATCH/out/$f.docx" "$SCRATCH/out/$f.json"; then echo "ok package $f"
    else fail "package $f" "see above"; fi
    # our own reader reads the copy: one comment block per comment paragraph at least
    n=$(jq '.files[0].findings | length' "$SCRATCH/out/$f.json")
    got=$("$FL_BIN" dump --format json "$SCRATCH/out/$f.docx" | jq '[.blocks[] | select(.part == "comment" and (.text | startswith("[")))] | length')
    [ "$got" -eq "$n" ] || fail "reread $f" "$got comment heads for $n findings"
    # the copy lints like the input: the markers change no paragraph's text
    relints_same "$f" "$SCRATCH/out/$f.docx" "$SCRATCH/out/$f.json"
done
for f in eia-form-word-flatopc soil-plan-npm-flatopc; do
    in=fixtures/xml/$f.xml
    annotated "$f" "$in" "$SCRATCH/out" || continue
    python3 "$SCRATCH/flatcheck.py" "$in" "$SCRATCH/out/$f.xml" && echo "ok flat $f" || fail "flat $f" "see above"
    python3 "$SCRATCH/flat2docx.py" "$in" "$SCRATCH/out/$f.in.docx" &&
        python3 "$SCRATCH/flat2docx.py" "$SCRATCH/out/$f.xml" "$SCRATCH/out/$f.docx" || { fail "flat2docx $f" "cannot unpack"; continue; }
    python3 "$SCRATCH/pkgcheck.py" "$SCRATCH/out/$f.in.docx" "$SCRATCH/out/$f.docx" "$SCRATCH/out/$f.json" \
        && echo "ok package $f" || fail "package $f" "see above"
done
FIXTURES="$FIXTURES eia-form-word-flatopc soil-plan-npm-flatopc"
ls "$SCRATCH/out" | grep -q 'tmp' && fail temp-files "left behind: $(ls "$SCRATCH/out")"

if command -v pandoc >/dev/null; then
    for f in $FIXTURES; do
        [ "$f" = eia-form-word-strict ] && continue # pandoc 2.17 cannot read Strict OOXML
        if python3 "$SCRATCH/pandoc_check.py" "$SCRATCH/out/$f.docx" "$SCRATCH/out/$f.json"; then echo "ok pandoc $f"
        else fail "pandoc $f" "see above"; fi
    done
else
    echo "SKIP: pandoc not installed; annotated copies not read back by pandoc"
fi

if command -v soffice >/dev/null; then
    LO="$SCRATCH/lo"
    mkdir -p "$LO/rt"
    timeout 300 soffice --headless "-env:UserInstallation=file://$LO/profile" --convert-to pdf --outdir "$LO" \
        "$SCRATCH/out/eia-form-word.docx" "$SCRATCH/out/eia-book-pandoc.docx" "$SCRATCH/out/eia-form-word-strict.docx" >/dev/null 2>&1
    for f in eia-form-word eia-book-pandoc eia-form-word-strict; do
        [ "$(head -c 4 "$LO/$f.pdf" 2>/dev/null)" = "%PDF" ] && echo "ok soffice pdf $f" || fail "soffice pdf $f" "no PDF"
    done
    timeout 300 soffice --headless "-env:UserInstallation=file://$LO/profile" --convert-to docx --outdir "$LO/rt" \
        "$SCRATCH/out/eia-book-pandoc.docx" "$SCRATCH/out/eia-form-word-strict.docx" >/dev/null 2>&1
    for f in eia-book-pandoc eia-form-word-strict; do
        n=$(jq '.files[0].findings | length' "$SCRATCH/out/$f.json")
        got=$(python3 -c "import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read('word/comments.xml').decode().count('w:author=\"filinglint\"'))" "$LO/rt/$f.docx" 2>/dev/null)
        [ "$got" = "$n" ] && echo "ok soffice comments $f" || fail "soffice comments $f" "${got:-no} comments for $n findings"
    done
else
    echo "SKIP: soffice not installed; LibreOffice does not open the annotated copies"
fi

# No findings: a copy whose every entry is as stored.
mkdir -p "$SCRATCH/none"
annotate clean "$SCRATCH/none.xml" fixtures/docx/eia-pp-lo.docx "$SCRATCH/none"
[ "$(jq '.files[0].findings | length' "$SCRATCH/none/clean.json")" = 0 ] || fail none-findings "the no-match ruleset matched"
python3 "$SCRATCH/pkgcheck.py" fixtures/docx/eia-pp-lo.docx "$SCRATCH/none/eia-pp-lo.docx" "$SCRATCH/none/clean.json" \
    && echo "ok no findings: copy as stored" || fail none "see above"

# An annotated copy annotated again: the first comments stay, new ids above them.
mkdir -p "$SCRATCH/again"
cp "$SCRATCH/out/eia-form-word.docx" "$SCRATCH/again-in.docx"
annotate again "$SCRATCH/marks.xml" "$SCRATCH/again-in.docx" "$SCRATCH/again"
python3 "$SCRATCH/pkgcheck.py" "$SCRATCH/again-in.docx" "$SCRATCH/again/again-in.docx" "$SCRATCH/again/again.json" \
    && echo "ok annotate twice" || fail again "see above"

# Never over the input: DIR being the input's own folder is refused.
refuses_self fixtures/docx/soil-sign-pandoc.docx

# Text and Markdown have nothing to annotate: nothing is written.
mkdir -p "$SCRATCH/md"
annotate md "$SCRATCH/marks.xml" fixtures/check/residue.md "$SCRATCH/md"
[ "$(ls "$SCRATCH/md")" = "md.json" ] || fail md "wrote $(ls "$SCRATCH/md")"

finish
