#!/usr/bin/env python3
"""Generate the input shapes of the memory benchmark (bench/shapes.sh).

Each shape stresses one per-block cost of the document model; none is a
filing anyone would write, but each is what real inputs degenerate into:

  lines     a .txt of 4,000,000 one-character lines (8 MB): text copied out
            of a PDF whose table headers or vertical labels come out one
            character per line, or an OCR dump of a narrow column, taken to
            the extreme. Every block is one ASCII letter: the cost of a
            block record and its per-block structures, with no text to speak
            of.
  paras     a DOCX of 4,000,000 short paragraphs (about 12 MB zipped): one
            run of one or two CJK characters each. A PDF converted to Word
            often makes every printed line a paragraph of its own, and the
            characters of a vertical table header one paragraph each; this
            is that, taken to the extreme. The XML is about 150 MB, under
            the per-part limit and the ratio limits.
            paras.txt beside it is its visible text, a paragraph a line.
  para      a .txt of one 200,000,000-byte paragraph: a filing's prose
            without a single line break (a PDF copy pasted as one line).
            The prose is gen_large.py's, lines joined without separator, so
            it has the full-width brackets, colons and semicolons real
            filings use, which the normalisation rewrites.
  spaced    the same as para, 60 MB, with a space between every two CJK
            characters (a PDF copy or an OCR result "项 目 名 称"): the
            model keeps a folded copy and the normalisation drops every
            space. Optional (--only spaced).
  fullwidth the same, 60 MB, of full-width letters and digits only
            ("ＧＢ３０９５"): every character changes length when
            normalised, the worst case for its map back. Optional.

Standard library only; the output is a pure function of the arguments.

    python3 bench/gen_shapes.py --out bench/corpus            # lines, paras, para
    python3 bench/gen_shapes.py --out /tmp/s --only lines --lines 400000
"""

import argparse
import os
import random
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_large  # noqa: E402  (the prose of the large report)

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def info(name):
    zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    zi.compress_type = zipfile.ZIP_DEFLATED
    zi.external_attr = 0o644 << 16
    return zi


def lines(path, n):
    letters = "abcdefghijklmnopqrstuvwxyz"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        step = 100000
        for start in range(0, n, step):
            f.write("".join(letters[i % 26] + "\n" for i in range(start, min(n, start + step))))


def paras(path, text_path, n, seed):
    """The package, and its visible text one paragraph a line (the plain
    text the memory budget is stated against)."""
    rng = random.Random(seed)
    # 300 code points from U+4E00 on: enough variety that deflate keeps the
    # package near 12 MB, so the 100x package budget admits the XML.
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 300)]
    with zipfile.ZipFile(path, "w") as zf, open(text_path, "w", encoding="utf-8", newline="\n") as tf:
        zf.writestr(info("[Content_Types].xml"), CONTENT_TYPES)
        zf.writestr(info("_rels/.rels"), ROOT_RELS)
        with zf.open(info("word/document.xml"), "w") as f:
            f.write(('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                     f'<w:document {NS}><w:body>').encode())
            buf, vis = [], []
            for _ in range(n):
                t = "".join(rng.choice(chars) for _ in range(rng.randrange(1, 3)))
                buf.append(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>")
                vis.append(t + "\n")
                if len(buf) == 4096:
                    f.write("".join(buf).encode())
                    tf.write("".join(vis))
                    buf, vis = [], []
            tf.write("".join(vis))
            buf.append("</w:body></w:document>")
            f.write("".join(buf).encode())


def prose(seed):
    """About 11 MB of gen_large.py's visible text, lines joined."""
    doc, _, _ = gen_large.build(4000000, seed, keep_text=True)
    return "".join(doc.lines)


def repeat_to(path, text, size):
    """Write text repeated up to size bytes, cut before a character."""
    data = text.encode("utf-8")
    with open(path, "wb") as f:
        left = size
        while left >= len(data):
            f.write(data)
            left -= len(data)
        while left > 0 and (data[left] & 0xC0) == 0x80:
            left -= 1  # never end inside a UTF-8 sequence
        f.write(data[:left])


def spaced(text):
    out = []
    for ch in text:
        out.append(ch)
        if gen_large_is_cjk(ch):
            out.append(" ")
    return "".join(out)


def gen_large_is_cjk(ch):
    return "\u4e00" <= ch <= "\u9fff"


def fullwidth(text):
    # ASCII letters and digits of the prose, shifted into U+FF01..U+FF5E
    src = [c for c in text if "0" <= c <= "9" or "A" <= c <= "Z" or "a" <= c <= "z"]
    return "".join(chr(ord(c) + 0xFEE0) for c in src)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output folder")
    ap.add_argument("--only", action="append", choices=["lines", "paras", "para", "spaced", "fullwidth"],
                    help="make only these shapes (repeatable); default lines, paras, para")
    ap.add_argument("--lines", type=int, default=4000000, help="lines of lines.txt (default 4,000,000)")
    ap.add_argument("--paras", type=int, default=4000000, help="paragraphs of paras.docx (default 4,000,000)")
    ap.add_argument("--para-bytes", type=int, default=200000000, help="bytes of para.txt (default 200,000,000)")
    ap.add_argument("--small-bytes", type=int, default=60000000,
                    help="bytes of spaced.txt and fullwidth.txt (default 60,000,000)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    only = args.only or ["lines", "paras", "para"]
    os.makedirs(args.out, exist_ok=True)
    out = lambda name: os.path.join(args.out, name)
    if "lines" in only:
        lines(out("lines.txt"), args.lines)
    if "paras" in only:
        paras(out("paras.docx"), out("paras.txt"), args.paras, args.seed)
    text = prose(args.seed) if {"para", "spaced", "fullwidth"} & set(only) else ""
    if "para" in only:
        repeat_to(out("para.txt"), text, args.para_bytes)
    if "spaced" in only:
        repeat_to(out("spaced.txt"), spaced(text), args.small_bytes)
    if "fullwidth" in only:
        repeat_to(out("fullwidth.txt"), fullwidth(text), args.small_bytes)
    for name in only:
        path = out({"paras": "paras.docx"}.get(name, name + ".txt"))
        print(f"{path}: {os.path.getsize(path)} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
