#!/usr/bin/env bash
# in-root.sh cli|plugin MAJOR -- run by package-test inside the fresh Debian
# 12 root where the .deb was installed with apt-get: nothing of the build or
# the source tree is there, only the package, its dependencies, git,
# pre-commit and python3-dev; for `plugin`, clang-tidy-MAJOR as well.
set -euo pipefail
phase=$1
major=$2
case $phase in cli|plugin) ;; *) echo "in-root: unknown phase $phase" >&2; exit 2 ;; esac
fail() { printf 'in-root: FAIL: %s\n' "$*" >&2; exit 1; }
ok() { printf 'ok: %s\n' "$*"; }
run() { # run CMD...: prints the command and its output, sets $out and $code
  printf '$ %s\n' "$*"
  code=0
  out=$("$@" 2>&1) || code=$?
  printf '%s\n' "$out"
}

doc=/usr/share/doc/pycapi-migrate
if [ "$phase" = cli ]; then
# --- cli: the package alone -------------------------------------------------
run pycapi-migrate --version
[ "$code" -eq 0 ] && grep -Eq "^pycapi-migrate 0\.2\.0 \(LLVM $major\.[0-9.]+\)$" <<<"$out" ||
  fail "pycapi-migrate --version"
ok "pycapi-migrate --version names 0.2.0 and LLVM $major"
[ "$(command -v pycapi-migrate)" = /usr/bin/pycapi-migrate ] || fail "pycapi-migrate is not /usr/bin's"

# The bundled example: reported, migrated, then clean.
cp -r "$doc/examples/legacy_ext" /tmp/legacy_ext
cd /tmp/legacy_ext
run pycapi-migrate --check legacy.c
[ "$code" -eq 1 ] && grep -q "legacy.c:.*warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13" <<<"$out" ||
  fail "the example's findings (--check exits 1)"
ok "the example's removed buffer functions are reported"
run pycapi-migrate --fix legacy.c
[ "$code" -eq 0 ] && grep -q "1 file changed" <<<"$out" || fail "--fix of the example"
# (Calls: the comments of the example still name the old functions.)
grep -q 'PyObject_GetBuffer(' legacy.c && ! grep -Eq 'PyObject_(As(Char|Read|Write)Buffer|CheckReadBuffer)\([a-z]' legacy.c ||
  fail "the migrated example still uses the removed functions"
run pycapi-migrate --check legacy.c
[ "$code" -eq 0 ] && grep -q "0 findings" <<<"$out" || fail "the migrated example is not clean"
ok "the example is migrated with --fix, and clean afterwards"

# SARIF: this package was built without a docs web address (PYCAPI_DOCS_URL),
# so no rule has a helpUri (a file:// URL would lead nowhere on the machine
# that shows the log); each rule's help names its page in the installed docs,
# which exists. With PYCAPI_DOCS_URL, helpUri is the page at that address.
cp "$doc/examples/legacy_ext/legacy.c" /tmp/legacy_ext/again.c
run pycapi-migrate --format sarif -q again.c
! grep -q '"helpUri"' <<<"$out" && ! grep -q 'file://.*docs' <<<"$out" ||
  fail "SARIF links to the docs without a web address"
grep -q "Documentation: docs/checks/removed-buffer-api.md in pycapi-migrate's docs (here: $doc/docs/checks/removed-buffer-api.md)." <<<"$out" ||
  fail "SARIF help does not name the installed page"
[ -f "$doc/docs/checks/removed-buffer-api.md" ] || fail "the installed check page is missing"
out=$(PYCAPI_DOCS_URL=https://docs.example.org/pycapi-migrate/v0.2.0/ pycapi-migrate --format sarif -q again.c)
grep -q '"helpUri": "https://docs.example.org/pycapi-migrate/v0.2.0/docs/checks/removed-buffer-api.md"' <<<"$out" ||
  fail "SARIF helpUri with PYCAPI_DOCS_URL"
ok "SARIF help names the installed docs page, which exists; helpUri only with a web address"

# The help's guide reference: the installed user guide.
run pycapi-migrate --help
grep -qx "Guide: $doc/docs/user-guide.md, 'The pycapi-migrate command line'." <<<"$out" &&
  [ -f "$doc/docs/user-guide.md" ] || fail "--help does not name the installed guide"
ok "--help names the installed user guide, which exists"

# Without the clang-tidy it runs in, the wrapper says what to install.
run clang-tidy-pycapi --list-checks
[ "$code" -eq 2 ] && [ "$out" = "clang-tidy-pycapi: error: /usr/lib/llvm-$major/bin/clang-tidy not found; the plugin needs the clang-tidy of LLVM $major (apt-get install clang-tidy-$major)" ] ||
  fail "clang-tidy-pycapi without clang-tidy-$major"
ok "without clang-tidy-$major, clang-tidy-pycapi says to install it"
echo "in-root cli: all passed"
exit 0
fi

# --- plugin: after apt-get install clang-tidy-NN ----------------------------
# The plugin, from its installed path, in clang-tidy-NN; and the wrapper.
plugin=/usr/lib/pycapi-migrate/llvm-$major/pycapi-tidy.so
checks='Enabled checks:
    pycapi-limited-api
    pycapi-modernize-frame-access
    pycapi-modernize-memory-spellings
    pycapi-modernize-object-fields
    pycapi-modernize-py-is
    pycapi-modernize-refcount-idioms
    pycapi-removed-api
    pycapi-removed-buffer-api
    pycapi-removed-private-api'
run "clang-tidy-$major" --load "$plugin" --checks='-*,pycapi-*' --list-checks
[ "$code" -eq 0 ] && [ "$(sed '/^$/d' <<<"$out")" = "$checks" ] || fail "clang-tidy-$major --load $plugin"
ok "clang-tidy-$major loads $plugin and lists the pycapi checks"
run clang-tidy-pycapi --checks='-*,pycapi-*' --list-checks
[ "$code" -eq 0 ] && [ "$(sed '/^$/d' <<<"$out")" = "$checks" ] || fail "clang-tidy-pycapi --list-checks"
ok "clang-tidy-pycapi loads the plugin"

# pre-commit, with both hooks of the repository's .pre-commit-hooks.yaml, in a
# scratch repository; a header that cannot be compiled alone is committed
# with the source that includes it.
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid
export PRE_COMMIT_HOME=/tmp/pre-commit-home
hooks=/tmp/hook-repo
git -C "$hooks" init -q
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -q -m hooks
git -C "$hooks" tag v0.2.0
proj=/tmp/proj
mkdir -p "$proj"
cd "$proj"
git init -q
cat >.pre-commit-config.yaml <<EOC
repos:
  - repo: $hooks
    rev: v0.2.0
    hooks:
      - id: pycapi-migrate
      - id: clang-tidy-pycapi
EOC
# clang-tidy needs the compile flags: a compile_commands.json, as bear or
# CMake write it.
printf '[{"directory": "%s", "file": "%s", "arguments": ["cc", "-c", "-I/usr/include/python3.11", "%s"]}]\n' \
  "$proj" "$proj/ext.c" ext.c >compile_commands.json
# ext_state.h uses Py_ssize_t and declares nothing it needs: alone, it does
# not compile; through ext.c, which includes Python.h first, it does.
cat >ext_state.h <<'EOC'
typedef struct {
  Py_ssize_t count;
} ext_state;
EOC
cat >ext.c <<'EOC'
#include <Python.h>
#include "ext_state.h"

int ext_count(ext_state *s) { return (int)s->count; }
EOC
run pre-commit install
[ "$code" -eq 0 ] || fail "pre-commit install"
git add .pre-commit-config.yaml compile_commands.json ext_state.h ext.c
run git commit -m "a source and its header"
[ "$code" -eq 0 ] || fail "the commit of a clean source and a header that does not compile alone"
grep -q "pycapi-migrate.*Passed" <<<"$out" && grep -q "clang-tidy-pycapi.*Passed" <<<"$out" ||
  fail "both hooks ran and passed"
ok "git commit of ext.c and ext_state.h passes both hooks"

# The header committed on its own is left to the sources that include it.
echo '/* a comment */' >>ext_state.h
git add ext_state.h
run git commit -m "the header alone"
[ "$code" -eq 0 ] && grep -q "pycapi-migrate.*Passed" <<<"$out" &&
  grep -qx "pycapi-migrate: note: header 'ext_state.h' not checked on its own (--skip-headers): its findings come through the sources that include it" <<<"$out" &&
  grep -q "clang-tidy-pycapi.*(no files to check)Skipped" <<<"$out" ||
  fail "the commit of the header alone"
ok "git commit of the header alone passes: pycapi-migrate's note names it, clang-tidy-pycapi is skipped"

# A removed API in the header, found through the source that includes it:
# the commit is refused by both hooks.
cat >ext_state.h <<'EOC'
typedef struct {
  Py_ssize_t count;
} ext_state;

static inline int ext_is_buffer(PyObject *o) { return PyObject_CheckReadBuffer(o); }
EOC
echo '/* touched */' >>ext.c
git add ext_state.h ext.c
run git commit -m "a removed API in the header"
[ "$code" -ne 0 ] || fail "the commit with a removed API in the header went through"
grep -q "ext_state.h:5:.*warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13" <<<"$out" ||
  fail "the hook names the header's finding"
grep -q "clang-tidy-pycapi.*Failed" <<<"$out" && grep -q "pycapi-migrate.*Failed" <<<"$out" ||
  fail "both hooks fail"
ok "a removed API in a header fails both hooks, through the source that includes it"
echo "in-root plugin: all passed"
