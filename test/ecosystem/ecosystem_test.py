#!/usr/bin/env python3
"""ecosystem_test.py --cli EXE [--python313 EXE] [--work DIR]

The test of scripts/ecosystem, offline: two small setuptools projects of our
own (projects/) become git repositories in a temporary folder, a projects file
pins them, and scripts/ecosystem --checkouts runs on them with the real
CPython 3.13 of scripts/python313.

- legacyext (a clone, pinned to its first commit; a later commit ports it,
  so results from HEAD would show): 4 findings, 3 fixed, 1 manual
  (a buffer call under `#ifdef LEGACYEXT_WITH_CHECKS`, a configuration
  the build does not compile), needs --compat-header (tool_args), and the header itself, which
  --compat-header-file puts in place after --fix; does not
  build on 3.13 before the fix, builds after it, and its unittest tests pass
  under pytest; the second --fix changes nothing.
- portedext (a bare mirror), already_ported, C and C++ with -std=c++17 in its
  flags (so the tool runs once per language): 0 findings, builds before and
  after, tests pass under unittest.
- A second run, with --clone from local paths, with legacyext wrongly marked
  already_ported and a project with a bad pycapi-migrate argument, must exit 1
  and say why; so must a third one whose pycapi-migrate (a wrapper) is not
  idempotent.

The checkouts must be byte-identical afterwards (.git included)."""
import argparse
import hashlib
import importlib.machinery
import importlib.util
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ECOSYSTEM = REPO / "scripts" / "ecosystem"


class Failure(Exception):
    pass


def run(cmd, cwd=None, env=None, timeout=600):
    print("$ " + " ".join(str(c) for c in cmd), flush=True)
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, timeout=timeout)
    return proc.returncode, proc.stdout.decode(errors="replace")


def expect(cond, what, output=""):
    if not cond:
        raise Failure(what + ("\n--- output ---\n" + output if output else ""))
    print("ok: " + what, flush=True)


def expect_eq(actual, expected, what, output=""):
    expect(actual == expected, f"{what} == {expected!r}" +
           ("" if actual == expected else f" (got {actual!r})"), output)


GIT_ENV = {"GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
           "GIT_AUTHOR_DATE": "2024-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2024-01-01T00:00:00Z",
           "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}


def git(*args, cwd):
    env = dict(os.environ, **GIT_ENV)
    code, out = run(["git", *args], cwd=cwd, env=env)
    expect(code == 0, f"git {' '.join(args)}", out)
    return out.strip()


def make_repo(src, dst):
    """A git repository of src's files; returns its first commit."""
    shutil.copytree(src, dst)
    git("init", "-q", "-b", "main", cwd=dst)
    git("add", "-A", cwd=dst)
    git("commit", "-q", "-m", "initial", cwd=dst)
    return git("rev-parse", "HEAD", cwd=dst)


def snapshot(tree):
    """Every path under tree with a hash of its content (or link target)."""
    digest = {}
    for dirpath, dirnames, filenames in os.walk(tree):
        dirnames.sort()
        for name in sorted(filenames + [d for d in dirnames
                                         if os.path.islink(os.path.join(dirpath, d))]):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, tree)
            if os.path.islink(path):
                digest[rel] = "link:" + os.readlink(path)
            else:
                with open(path, "rb") as f:
                    digest[rel] = hashlib.sha256(f.read()).hexdigest()
    return digest


PROJECTS_TOML = """\
# portedext comes first: the outputs must be sorted by name anyway.
[[project]]
name = "portedext"
repo = "https://example.invalid/portedext"
commit = "{ported_commit}"
language = "c,c++"
uses = []
already_ported = true
sources = ["src/*.c", "src/*.cpp"]
flags = ["-std=c++17"]
# portedext.c includes a header its "build" generates: prepare makes it
# before pycapi-migrate runs, or the report has a compiler error.
prepare = 'printf "#define PORTEDEXT_GENERATED 1\\n" > src/portedext_generated.h'
build = "$PYTHON setup.py -q build_ext --inplace"
test = "$PYTHON -m unittest -v test_portedext"
notes = "Already uses PyObject_GetBuffer."

[[project]]
name = "{legacy_name}"
repo = "{legacy_repo}"
commit = "{legacy_commit}"
language = "c"
uses = ["PyObject_AsReadBuffer", "PyObject_CheckReadBuffer", "_PyLong_AsInt"]
already_ported = {legacy_ported}
sources = ["**/*.c"]
flags = ["-DLEGACYEXT_UNUSED=1"]
tool_args = ["--compat-header=compat313.h"]
apt = []
build = "$PYTHON setup.py -q build_ext --inplace"
test = "$PYTHON -m pytest -q -p no:cacheprovider tests"
notes = "The call under `#ifdef LEGACYEXT_WITH_CHECKS` is left to the maintainer."

[manual]
"PyObject_CheckReadBuffer" = "Only the configuration LEGACYEXT_WITH_CHECKS compiles it."
"""


def test(work, args):
    checkouts = work / "checkouts"
    checkouts.mkdir()
    legacy = checkouts / "legacyext"
    legacy_commit = make_repo(HERE / "projects" / "legacyext", legacy)
    # A later commit that ports the code: the pinned commit, not HEAD, is checked.
    (legacy / "legacyext.c").write_text(
        (legacy / "legacyext.c").read_text().replace("_PyLong_AsInt(", "PyLong_AsInt("))
    git("commit", "-q", "-am", "port to 3.13", cwd=legacy)
    ported_src = work / "portedext-src"
    ported_commit = make_repo(HERE / "projects" / "portedext", ported_src)
    git("clone", "-q", "--mirror", str(ported_src), str(checkouts / "portedext"), cwd=work)
    before = snapshot(checkouts)

    # legacyext does not ship its compat header: the script puts it where
    # the tool's note says, next to the file that --fix gave the #include.
    common = [sys.executable, ECOSYSTEM, "--cli", args.cli, "--date", "2000-01-01",
              "--compat-header-file", HERE / "projects" / "compat313.h"]
    if args.python313:
        common += ["--python313", args.python313]

    # Bad input: one line, exit 2.
    bad = work / "bad.toml"
    bad.write_text('[[project]]\nname = "x"\n')
    code, out = run(common + ["--checkouts", checkouts, "--projects", bad, "--out", "-"])
    expect_eq(code, 2, "exit status for a project without its keys", out)
    expect_eq(out.strip(), f"ecosystem: error: {bad}: project 1 (x): missing key 'repo'",
              "the error is one line", out)

    # 1. The real run.
    projects = work / "projects.toml"
    projects.write_text(PROJECTS_TOML.format(
        ported_commit=ported_commit, legacy_commit=legacy_commit, legacy_name="legacyext",
        legacy_repo="https://github.com/example/legacyext", legacy_ported="false"))
    md, results = work / "ecosystem.md", work / "results.json"
    code, out = run(common + ["--checkouts", checkouts, "--projects", projects,
                              "--work", work / "run1", "--out", md, "--json", results])
    expect_eq(code, 0, "exit status of the run", out)
    lines = [l for l in out.splitlines() if l.startswith(("PASS ", "FAIL "))]
    expect_eq(lines, [
        "PASS legacyext: 4 findings (3 auto-fixed, 1 manual); 3.13 build before: fail, "
        "after: ok; tests after: ok; idempotent",
        "PASS portedext: 0 findings (0 auto-fixed, 0 manual); 3.13 build before: ok, "
        "after: ok; tests after: ok; idempotent"], "one line per project, sorted", out)
    total_line = [l for l in out.splitlines() if l.startswith("ecosystem: 2 of 2 ")]
    expect(len(total_line) == 1 and "4 findings, 3 auto-fixed, 1 manual; 1 of 1 not-yet-ported "
           "project(s) build and pass their tests on 3.13 after --fix; " in total_line[0],
           "the total line gives the figures of one --fix", out)

    doc = json.loads(results.read_text())
    expect_eq([p["name"] for p in doc["projects"]], ["legacyext", "portedext"],
              "JSON projects, sorted")
    expect_eq(doc["ok"], True, "JSON ok")
    expect(doc["python313"]["version"].startswith("3.13."), "builds used CPython 3.13")
    leg, por = doc["projects"]
    expect_eq(leg["commit"], legacy_commit, "legacyext commit")
    expect_eq(leg["sources"], ["legacyext.c"], "legacyext sources from '**/*.c'")
    expect_eq({k: leg["report"][k] for k in ("findings", "auto_fixable", "manual",
                                             "compiler_errors", "exit")},
              {"findings": 4, "auto_fixable": 3, "manual": 1, "compiler_errors": 0, "exit": 0},
              "legacyext report counts")
    expect_eq(leg["report"]["checks"], {
        "pycapi-removed-buffer-api": {"findings": 3, "auto_fixable": 2},
        "pycapi-removed-private-api": {"findings": 1, "auto_fixable": 1}},
        "legacyext findings per check")
    expect_eq((leg["fix"]["auto_fixed"], leg["fix"]["left"]), (3, 1),
              "legacyext auto-fixed and left")
    expect_eq(leg["fix"]["files_changed"], ["legacyext.c"], "legacyext files changed")
    expect_eq(leg["idempotent"], True, "legacyext idempotent")
    expect_eq(leg["compat_header_added"], ["compat313.h"],
              "the compat header is put next to legacyext.c")
    expect_eq(leg["remaining"], [{
        "name": "PyObject_CheckReadBuffer", "check": "pycapi-removed-buffer-api", "count": 1,
        "message": "'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer"}],
        "legacyext manual findings left")
    expect_eq(leg["build_before"]["status"], "fail", "legacyext does not build on 3.13 unfixed",
              leg["build_before"]["tail"])
    expect("PyObject_AsReadBuffer" in leg["build_before"]["tail"] or "_PyLong_AsInt"
           in leg["build_before"]["tail"], "the failure is a removed function",
           leg["build_before"]["tail"])
    expect_eq(leg["build_after"]["status"], "ok", "legacyext builds on 3.13 fixed",
              leg["build_after"]["tail"])
    expect_eq(leg["test_after"]["status"], "ok", "legacyext tests pass on 3.13",
              leg["test_after"]["tail"])
    expect("5 passed" in leg["test_after"]["tail"], "pytest ran the 5 tests",
           leg["test_after"]["tail"])
    expect_eq(leg["problems"], [], "legacyext problems")
    diff = Path(leg["fix"]["diff"]).read_text()
    expect("+#include \"compat313.h\"" in diff and "-    int value = _PyLong_AsInt(obj);" in diff
           and "+    PyBuffer_Release(&buf_view);" in diff, "the fix diff is kept", diff)

    expect_eq(por["sources"], ["src/checksum.cpp", "src/portedext.c"], "portedext sources")
    expect_eq({k: por["report"][k] for k in ("findings", "auto_fixable", "manual", "exit")},
              {"findings": 0, "auto_fixable": 0, "manual": 0, "exit": 0},
              "portedext report counts (-std=c++17 only for the C++ file)")
    expect_eq(por["fix"]["files_changed"], [], "portedext files changed")
    expect_eq([por[s]["status"] for s in ("build_before", "build_after", "test_after")],
              ["ok", "ok", "ok"], "portedext builds before and after, tests pass",
              por["test_after"]["tail"])
    expect("Ran 3 tests" in por["test_after"]["tail"], "unittest ran the 3 tests",
           por["test_after"]["tail"])
    expect_eq(doc["totals"], {"projects": 2, "ok": 2, "findings": 4, "auto_fixed": 3, "manual": 1,
                              "build_before_ok": 1, "build_after_ok": 2, "test_after_ok": 2,
                              "idempotent": 2, "not_ported": 1, "not_ported_build_after_ok": 1,
                              "not_ported_test_after_ok": 1, "notes": 3,
                              "review_notes": {"may keep": 0, "released early": 0}}, "totals")

    text = md.read_text()
    for line in [
        "| project | commit | language | findings | auto-fixed | manual | builds on 3.13 before "
        "| builds on 3.13 after `--fix` | tests after `--fix` | idempotent |",
        f"| [legacyext](#legacyext) | [example/legacyext@{legacy_commit[:12]}]"
        f"(https://github.com/example/legacyext/commit/{legacy_commit}) | c | 4 | 3 | 1 | no "
        "| yes | pass | yes |",
        f"| [portedext](#portedext) | `https://example.invalid/portedext@{ported_commit[:12]}` "
        "| c,c++ | 0 | 0 | 0 | yes | yes | pass | yes |",
        "| **total** (2) | | | 4 | 3 | 1 | 1/2 | 2/2 | 2/2 | 2/2 |",
        # portedext built before the fix: only legacyext counts as migrated.
        "3 of 4 findings auto-fixed. Of the 1 projects not yet ported, 1 build on 3.13 after "
        "one `--fix`, and 1 of those pass their own tests.",
        "| `pycapi-removed-private-api` | 1 | 1 |",
        "| `PyObject_CheckReadBuffer` | `pycapi-removed-buffer-api` | 1 | 'PyObject_CheckReadBuffer' was "
        "removed in Python 3.13; use PyObject_CheckBuffer |",
        "The call under `#ifdef LEGACYEXT_WITH_CHECKS` is left to the maintainer.",
        "| `PyObject_CheckReadBuffer` | 1 | legacyext | Only the configuration "
        "LEGACYEXT_WITH_CHECKS compiles it. |",
        "Already uses PyObject_GetBuffer.",
        "The report carries 3 notes in all. 0 of them ask for a review of a buffer pointer's "
        "use: 0 at a call that may keep the pointer, 0 where the view is released right after "
        "the copy. Each is listed under its project.",
    ]:
        expect(line in text.splitlines(), f"markdown has: {line}", text)
    expect("on 2000-01-01 with pycapi-migrate" in text, "markdown header has the date", text)
    expect(text.index("## legacyext") < text.index("## portedext"), "markdown sections sorted")
    expect(str(work) not in text, "markdown names no path of this machine", text)

    # 2. --clone (here from local paths), legacyext claimed to be ported, and
    # portedext with a bad pycapi-migrate argument: exit 1, with the reasons.
    projects.write_text(PROJECTS_TOML.format(
        ported_commit=ported_commit, legacy_commit=legacy_commit,
        legacy_name="legacyext-claimed", legacy_repo=legacy, legacy_ported="true") + f"""
[[project]]
name = "badargs"
repo = "{ported_src}"
commit = "{ported_commit}"
language = "c"
sources = ["src/*.c"]
tool_args = ["--min-python=banana"]
build = "$PYTHON setup.py -q build_ext --inplace"
test = "$PYTHON -m unittest test_portedext"
""")
    code, out = run(common + ["--clone", "--projects", projects,
                              "--only", "legacyext-claimed", "badargs", "--work", work / "run2"])
    expect_eq(code, 1, "exit status when an expectation fails", out)
    expect("FAIL legacyext-claimed: 4 findings" in out and
           "  problem: marked already_ported but has 4 findings" in out,
           "the failing project and the reason are printed", out)
    expect("FAIL badargs: 0 findings" in out and
           "  problem: pycapi-migrate report failed with exit status 2: --min-python: expected "
           "a Python version such as 3.13, got 'banana' (fix 'flags', 'sources' or "
           "'tool_args'; log: logs/report.log)" in out,
           "a pycapi-migrate usage error fails the project, once, with the tool's message", out)
    expect(out.count("problem:") == 2, "one problem per project", out)
    expect(not (REPO / "docs" / "ecosystem.md").exists() or
           "legacyext-claimed" not in (REPO / "docs" / "ecosystem.md").read_text(),
           "--only without --out writes no markdown")

    # 3. A pycapi-migrate whose --fix is not idempotent (a wrapper that
    # appends a comment on every --fix): exit 1, and the second diff is kept.
    fake_cli = work / "fake-cli"
    fake_cli.write_text(f"""#!/bin/sh
{shlex.quote(os.path.abspath(args.cli))} "$@"; status=$?
case " $* " in *" --fix "*) echo '/* again */' >> legacyext.c ;; esac
exit $status
""")
    fake_cli.chmod(0o755)
    projects.write_text(PROJECTS_TOML.format(
        ported_commit=ported_commit, legacy_commit=legacy_commit, legacy_name="legacyext",
        legacy_repo=legacy, legacy_ported="false"))
    code, out = run(common + ["--checkouts", checkouts, "--projects", projects,
                              "--only", "legacyext", "--cli", fake_cli, "--work", work / "run3",
                              "--json", results])
    expect_eq(code, 1, "exit status when the fix is not idempotent", out)
    expect("FAIL legacyext: 4 findings (3 auto-fixed, 1 manual); 3.13 build before: fail, "
           "after: ok; tests after: ok; NOT idempotent\n"
           "  problem: not idempotent: a second --fix changed legacyext.c" in out,
           "the project fails for that reason", out)
    leg = json.loads(results.read_text())["projects"][0]
    expect_eq(leg["idempotent"], False, "JSON idempotent")
    expect("+/* again */" in (work / "run3" / "legacyext" / "fix-again.diff").read_text(),
           "the second pass's diff is kept")

    expect(snapshot(checkouts) == before, "the checkouts are unchanged, .git included")

    # 5. A commit that 3.11 no longer compiles because of what the tool fixes
    # (`Py_TYPE(o) = t`): with --fix-errors in tool_args the report's and the
    # first --fix's compiler errors are expected, and the second --fix must
    # see none; without it, or with an error the fix leaves, the project fails.
    retype_src = work / "retype-src"
    retype_src.mkdir()
    (retype_src / "retype.c").write_text(
        "#include <Python.h>\n"
        "void retype(PyObject *o, PyTypeObject *t) {\n"
        "  Py_TYPE(o) = t;\n"
        "#ifdef RETYPE_BROKEN\n"
        "  o->no_such_field = 0;\n"
        "#endif\n"
        "}\n")
    retype_repo = work / "retype-repo"
    retype_commit = make_repo(retype_src, retype_repo)
    repo_before = snapshot(retype_repo)
    retype_toml = ""
    for name, flags, tool_args in (
            ("retype", [], ["--min-python=3.9", "--fix-errors"]),
            ("retype-noflag", [], ["--min-python=3.9"]),
            ("retype-broken", ["-DRETYPE_BROKEN"], ["--min-python=3.9", "--fix-errors"])):
        os.symlink(retype_repo, checkouts / name)
        retype_toml += f"""
[[project]]
name = "{name}"
repo = "https://example.invalid/retype"
commit = "{retype_commit}"
language = "c"
sources = ["retype.c"]
flags = {json.dumps(flags)}
tool_args = {json.dumps(tool_args)}
build = "true"
test = "true"
"""
    projects.write_text(retype_toml)
    code, out = run(common + ["--checkouts", checkouts, "--projects", projects,
                              "--work", work / "run5", "--out", "-"])
    expect_eq(code, 1, "exit status when a project keeps compiler errors", out)
    expect("PASS retype: 1 findings (1 auto-fixed, 0 manual); 3.13 build before: ok, "
           "after: ok; tests after: ok; idempotent" in out,
           "--fix-errors: the expected compiler errors are no problem", out)
    expect("FAIL retype-noflag: 1 findings (0 auto-fixed, 1 manual)" in out and
           "  problem: pycapi-migrate report failed with exit status 2: expression is not "
           "assignable (fix 'flags', 'sources' or 'tool_args'; log: logs/report.log)" in out,
           "without --fix-errors the report's compiler error fails the project", out)
    expect("FAIL retype-broken: " in out and
           "  problem: pycapi-migrate second --fix failed with exit status 2: " in out,
           "an error the fix leaves fails the project at the second --fix", out)
    expect("Py_SET_TYPE(o, t);" in (work / "run5" / "retype" / "fix.diff").read_text(),
           "the fix is applied")
    for name in ("retype", "retype-noflag", "retype-broken"):
        (checkouts / name).unlink()
    expect(snapshot(retype_repo) == repo_before, "the repository is unchanged, .git included")

    # 4. Which notes count as asking for a review: the wording of the buffer
    # check's two lifetime notes, and no other note.
    loader = importlib.machinery.SourceFileLoader("ecosystem", str(REPO / "scripts" / "ecosystem"))
    ecosystem = importlib.util.module_from_spec(importlib.util.spec_from_loader("ecosystem", loader))
    loader.exec_module(ecosystem)
    finding = {"file": "a.c", "notes": [
        {"file": "a.c", "line": 7, "message": "'cairo_image_surface_create_for_data' may keep "
         "'buffer' after the view is released; if it does, hold the view ..."},
        {"file": "a.c", "line": 9, "message": "'p' outlives the view: the pointer is stored in "
         "'s->p'; the view is released right after the copy, ..."},
        {"file": "a.c", "line": 3, "message": "PyObject_CheckBuffer does not try to get the "
         "buffer: ..."}]}
    expect_eq([(n["kind"], n["line"]) for n in ecosystem.review_notes([finding])],
              [("may keep", 7), ("released early", 9)], "review notes picked by their wording")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cli", required=True)
    p.add_argument("--python313", help="default: what scripts/python313 prints")
    p.add_argument("--work", type=Path, help="keep everything in this new folder")
    args = p.parse_args()
    if args.work:
        args.work.mkdir(parents=True)
        work, cleanup = args.work.resolve(), None
    else:
        cleanup = tempfile.TemporaryDirectory(prefix="pycapi-ecosystem-test-")
        work = Path(cleanup.name)
    try:
        test(work, args)
    except Failure as e:
        print("FAIL: " + str(e), file=sys.stderr)
        return 1
    finally:
        if cleanup:
            cleanup.cleanup()
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
