#!/usr/bin/env python3
"""Layers without loops: checks the C sources of checker/ against the layer
order and for loops between files, by includes and by calls.

Usage: tools/layers.py SRC_DIR [OBJ_DIR] [--report]

  SRC_DIR  the checker/ folder
  OBJ_DIR  the folder of flcore's object files (build/checker/CMakeFiles/
           flcore.dir); when given, calls are checked too (`nm` of each
           object: which file defines a symbol another file uses)

A file may include or call only files of its own layer or of layers below
it. Layers, bottom up (a folder is a layer; main.c is on top):

    core  data  doc  input  model  corpus  rules  report  cmd  main

core: memory, text, UTF-8/16, safe XML, limits, errors, atomic output;
data: the shipped data tables; doc: the document's storage, which readers
fill; input: the readers; model: what is read out of a document (sections,
fields, type, dates) and fl_doc_finish/fl_doc_load; corpus: the similarity
database; rules, report, cmd: the linter, its output formats, the commands.

Between files (a .c file and its header count as one unit; so does a
private header X_int.h beside X.c), no loop is allowed: unit A using unit
B, which uses ... A. A table of implementations (readers.c, kinds.c,
reporters.c) includes or calls them; they include a header of types and
helpers (readers.h's types, kind.h, report.h) and never the table.

Prints each upward use and each loop, one a line, and exits 1 when there is
any; with --report it prints them and exits 0. --self-test checks that a
small tree with a loop and an upward include is caught.
"""
import os
import re
import subprocess
import sys

LAYERS = ["core", "data", "doc", "input", "model", "corpus", "rules", "report", "cmd", "main"]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def unit_of(path):
    """checker-relative path of a .c or .h file -> its unit ("core/buf");
    X_int.h, the private half of X.c, is X's unit."""
    stem = os.path.splitext(path)[0]
    if path.endswith("_int.h"):
        return stem[: -len("_int")]
    return stem


def layer_of(unit):
    top = unit.split("/", 1)[0]
    return "main" if unit == "main" else top


def sources(src):
    for root, _, files in os.walk(src):
        for f in sorted(files):
            if f.endswith((".c", ".h")):
                full = os.path.join(root, f)
                yield os.path.relpath(full, src), full


def include_edges(src):
    edges = {}
    for rel, full in sources(src):
        u = unit_of(rel)
        text = open(full, encoding="utf-8", errors="replace").read()
        for inc in INCLUDE.findall(text):
            if not os.path.exists(os.path.join(src, inc)):
                continue  # a generated or system header
            v = unit_of(inc)
            if v != u:
                edges.setdefault(u, {}).setdefault(v, f"includes {inc}")
    return edges


def call_edges(src, objdir):
    defined, used = {}, {}
    for root, _, files in os.walk(objdir):
        for f in files:
            if not f.endswith(".c.o"):
                continue
            full = os.path.join(root, f)
            rel = os.path.relpath(full, objdir)[:-len(".c.o")]
            # an object whose source was moved or deleted stays in a build
            # folder until it is cleaned; it is not part of the program
            if not os.path.isfile(os.path.join(src, rel + ".c")):
                continue
            out = subprocess.run(["nm", "--defined-only", "-g", full], capture_output=True, text=True).stdout
            for line in out.splitlines():
                parts = line.split()
                if len(parts) == 3 and parts[1] in "TDBRC":
                    defined[parts[2]] = rel
            out = subprocess.run(["nm", "-u", full], capture_output=True, text=True).stdout
            used[rel] = {line.split()[-1] for line in out.splitlines() if line.strip()}
    edges = {}
    for u, syms in used.items():
        for s in sorted(syms):
            v = defined.get(s)
            if v and v != u:
                edges.setdefault(u, {}).setdefault(v, f"calls {s}")
    return edges


def loops(edges):
    """Strongly connected components of more than one unit (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, {}):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(set(edges) | {w for e in edges.values() for w in e}):
        if v not in index:
            visit(v)
    return out


def problems_of(src, objdir=None):
    edges = include_edges(src)
    if objdir:
        for u, vs in call_edges(src, objdir).items():
            for v, why in vs.items():
                edges.setdefault(u, {}).setdefault(v, why)
    problems = []
    for u in sorted(edges):
        lu = layer_of(u)
        if lu not in LAYERS:
            problems.append(f"{u}: folder {lu} is in no layer (tools/layers.py LAYERS)")
            continue
        for v, why in sorted(edges[u].items()):
            lv = layer_of(v)
            if lv in LAYERS and LAYERS.index(lv) > LAYERS.index(lu):
                problems.append(f"upward: {u} ({lu}) {why} ({lv})")
    for comp in loops(edges):
        path = []
        for u in comp:
            for v, why in edges.get(u, {}).items():
                if v in comp:
                    path.append(f"{u} {why} [{v}]")
        problems.append("loop: " + " ; ".join(path))
    return problems


def self_test():
    """A tree with a loop (core/a <-> core/b), an upward include (core/c
    includes rules/d.h), a private header that is no loop (rules/d_int.h)
    and a clean unit must give exactly the first two problems."""
    import tempfile
    files = {
        "core/a.c": '#include "core/a.h"\n#include "core/b.h"\n',
        "core/a.h": "",
        "core/b.c": '#include "core/b.h"\n',
        "core/b.h": '#include "core/a.h"\n',
        "core/c.c": '#include "rules/d.h"\n',
        "rules/d.c": '#include "rules/d.h"\n#include "rules/d_int.h"\n',
        "rules/d.h": "",
        "rules/d_int.h": '#include "rules/d.h"\n#include "core/a.h"\n',
    }
    with tempfile.TemporaryDirectory() as tmp:
        for rel, text in files.items():
            os.makedirs(os.path.join(tmp, os.path.dirname(rel)), exist_ok=True)
            with open(os.path.join(tmp, rel), "w") as f:
                f.write(text)
        got = problems_of(tmp)
    want = ["upward: core/c (core) includes rules/d.h (rules)",
            "loop: core/a includes core/b.h [core/b] ; core/b includes core/a.h [core/a]"]
    if got != want:
        print("self-test failed:", *got, sep="\n  ")
        sys.exit(1)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if "--self-test" in sys.argv:
        self_test()
        return
    report = "--report" in sys.argv
    if not args:
        sys.exit(__doc__)
    problems = problems_of(args[0], args[1] if len(args) > 1 else None)
    for p in problems:
        print(p)
    if problems and not report:
        sys.exit(1)


if __name__ == "__main__":
    main()
