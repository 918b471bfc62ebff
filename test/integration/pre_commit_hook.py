"""pre_commit_hook.py --source-dir DIR --cli-dir DIR --inputs DIR

Tests the repository's .pre-commit-hooks.yaml with Debian's `pre-commit`, as a
user would use it: a hook repository (a git repository holding that file)
and a project repository whose .pre-commit-config.yaml names it. The hook has
`language: system`, so pycapi-migrate must be on PATH (the build's bin/ is put
there) and pre-commit installs nothing. The project's compile_commands.json
points at the mock Python headers, so the result does not depend on the
installed Python."""
import argparse
import json
import os
import shutil
import sys

import itest
from itest import expect, run

REMOVED = """#include <Python.h>

int is_buffer(PyObject *obj) {
  return PyObject_CheckReadBuffer(obj);
}
"""
CLEAN = """#include <Python.h>

int is_buffer(PyObject *obj) {
  return PyObject_CheckBuffer(obj);
}
"""


def git(repo, *args, env):
    code, out = run(["git", "-C", repo, *args], env=env)
    expect(code == 0, "git " + " ".join(args), out)
    return out


def test(work, args):
    pre_commit = shutil.which("pre-commit")
    expect(pre_commit is not None,
           "pre-commit is installed (apt-get install pre-commit; scripts/bootstrap does)")
    env = itest.clean_env(
        PATH=os.pathsep.join([args.cli_dir, os.environ.get("PATH", "")]),
        PRE_COMMIT_HOME=os.path.join(work, "pre-commit-home"),
        HOME=work,
        GIT_CONFIG_NOSYSTEM=1,
        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
        GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")

    # The hook repository: the project's .pre-commit-hooks.yaml, committed.
    hooks = os.path.join(work, "hooks")
    os.makedirs(hooks)
    shutil.copy(os.path.join(args.source_dir, ".pre-commit-hooks.yaml"), hooks)
    git(hooks, "init", "-q", env=env)
    git(hooks, "add", ".pre-commit-hooks.yaml", env=env)
    git(hooks, "commit", "-q", "-m", "hooks", env=env)
    rev = git(hooks, "rev-parse", "HEAD", env=env).strip()

    # The project using it: one file with a removed API, one without, and a
    # text file that mentions one (it must not be passed to the hook).
    proj = os.path.join(work, "proj")
    os.makedirs(proj)
    files = {"removed.c": REMOVED, "clean.c": CLEAN,
             "notes.txt": "PyObject_CheckReadBuffer(obj) is gone.\n"}
    for name, text in files.items():
        with open(os.path.join(proj, name), "w") as f:
            f.write(text)
    db = [{"directory": proj, "file": os.path.join(proj, n),
           "arguments": ["cc", "-c", "-I/usr/include/python3.11", n]}
          for n in ("removed.c", "clean.c")]
    with open(os.path.join(proj, "compile_commands.json"), "w") as f:
        json.dump(db, f)
    with open(os.path.join(proj, ".pre-commit-config.yaml"), "w") as f:
        f.write(f"repos:\n- repo: {hooks}\n  rev: {rev}\n  hooks:\n  - id: pycapi-migrate\n")
    git(proj, "init", "-q", env=env)
    git(proj, "add", ".", env=env)

    code, out = run([pre_commit, "run", "--files", "removed.c"], cwd=proj, env=env)
    expect(code == 1, "the hook fails on a file that uses a removed API", out)
    expect("removed.c:4:10: warning: 'PyObject_CheckReadBuffer' was removed" in out,
           "it prints the finding", out)

    code, out = run([pre_commit, "run", "--files", "clean.c"], cwd=proj, env=env)
    expect(code == 0 and "Passed" in out, "the hook passes on a clean file", out)

    code, out = run([pre_commit, "run", "--files", "notes.txt"], cwd=proj, env=env)
    expect(code == 0 and "no files to check" in out,
           "files that are not C or C++ are not passed to it", out)

    # Headers are passed to the hook, which does not compile them on their
    # own (entry: pycapi-migrate --skip-headers): compiled alone, one that
    # relies on what its includer included first would fail with a compiler
    # error. A note names them (shown: verbose: true), and their findings
    # come through the sources that include them.
    with open(os.path.join(proj, "legacy.h"), "w") as f:
        f.write("static inline int is_buffer(PyObject *obj) {\n"
                "  return PyObject_CheckReadBuffer(obj);\n}\n")
    code, out = run([pre_commit, "run", "--files", "legacy.h"], cwd=proj, env=env)
    note = ("pycapi-migrate: note: header 'legacy.h' not checked on its own "
            "(--skip-headers): its findings come through the sources that include it")
    expect(code == 0 and "Passed" in out and note in out,
           "a header alone passes, and the hook's output says it was left to its sources", out)
    with open(os.path.join(proj, "uses_header.c"), "w") as f:
        f.write('#include <Python.h>\n#include "legacy.h"\n')
    code, out = run([pre_commit, "run", "--files", "legacy.h", "uses_header.c"],
                    cwd=proj, env=env)
    expect(code == 1 and "legacy.h:2:10: warning: 'PyObject_CheckReadBuffer' was removed" in out,
           "a header's finding is reported through the source that includes it", out)
    expect(out.count("legacy.h:2:10: warning:") == 1 and "clang-diagnostic-error" not in out,
           "the header is not compiled on its own as well", out)

    # With args: [--fix] the hook rewrites the file, and pre-commit fails the
    # run because the hook changed it.
    fix_config = os.path.join(proj, "fix-config.yaml")
    with open(fix_config, "w") as f:
        f.write(f"repos:\n- repo: {hooks}\n  rev: {rev}\n  hooks:\n  - id: pycapi-migrate\n"
                "    args: [--fix]\n")
    fixed = os.path.join(proj, "to-fix.c")
    with open(fixed, "w") as f:
        f.write(REMOVED)
    db.append({"directory": proj, "file": fixed, "arguments": db[0]["arguments"][:-1] + ["to-fix.c"]})
    with open(os.path.join(proj, "compile_commands.json"), "w") as f:
        json.dump(db, f)
    git(proj, "add", "to-fix.c", env=env)
    code, out = run([pre_commit, "run", "-c", fix_config, "--files", "to-fix.c"], cwd=proj, env=env)
    with open(fixed) as f:
        text = f.read()
    expect(code == 1 and "files were modified by this hook" in out,
           "with args: [--fix] pre-commit fails the run because the hook changed the file", out)
    expect("return PyObject_CheckBuffer(obj);" in text and "CheckReadBuffer" not in text,
           "with args: [--fix] the hook rewrote the file", text)

    # Without pycapi-migrate on PATH the hook fails and says why.
    no_tool = dict(env, PATH=os.pathsep.join(
        d for d in env["PATH"].split(os.pathsep)
        if d and not os.path.exists(os.path.join(d, "pycapi-migrate"))))
    code, out = run([pre_commit, "run", "--files", "clean.c"], cwd=proj, env=no_tool)
    expect(code != 0 and "pycapi-migrate" in out and "not found" in out,
           "without pycapi-migrate on PATH the hook fails, naming the missing executable", out)

    # As a git hook: the commit of the offending file is refused, the clean one goes in.
    code, out = run([pre_commit, "install"], cwd=proj, env=env)
    expect(code == 0, "pre-commit install", out)
    git(proj, "reset", "-q", env=env)
    git(proj, "add", "clean.c", ".pre-commit-config.yaml", env=env)
    code, out = run(["git", "-C", proj, "commit", "-q", "-m", "clean"], env=env)
    expect(code == 0, "git commit of the clean file succeeds", out)
    git(proj, "add", "removed.c", env=env)
    code, out = run(["git", "-C", proj, "commit", "-q", "-m", "removed"], env=env)
    expect(code != 0 and "PyObject_CheckReadBuffer" in out,
           "git commit of the file using a removed API is refused", out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--source-dir", required=True)
    p.add_argument("--cli-dir", required=True, help="folder holding pycapi-migrate")
    p.add_argument("--inputs", required=True, help="test/Inputs (mock Python headers)")
    args = p.parse_args()
    return itest.main(lambda work: test(work, args))


if __name__ == "__main__":
    sys.exit(main())
