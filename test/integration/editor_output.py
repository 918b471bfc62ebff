"""editor_output.py --wrapper SCRIPT --build DIR --cli EXE --inputs DIR

What the editor recipes of docs/integrations.md rely on, short of running the
editors: scripts/clang-tidy-pycapi (the executable given to CLion, and usable
in the other recipes) loads the plugin of the build and reports the finding;
and the finding lines of both the wrapper and pycapi-migrate are parsed by
the patterns the editors use -- VS Code's $gcc problem matcher (from the
C/C++ extension's package.json), nvim-lint's clangtidy pattern, and
flycheck-clang-tidy's warning pattern -- into the right file, line, column,
severity and message."""
import argparse
import os
import re
import shutil
import sys

import itest
from itest import expect, run

SOURCE = """#include <Python.h>

int is_buffer(PyObject *obj) {
  return PyObject_CheckReadBuffer(obj);
}
"""
# (name, regex, group numbers of file, line, column, severity, message)
PATTERNS = [
    ("VS Code $gcc problem matcher",
     r"^(.*?):(\d+):(\d*):?\s+(?:fatal\s+)?(warning|error):\s+(.*)$", (1, 2, 3, 4, 5)),
    # nvim-lint lua/lint/linters/clangtidy.lua: ([^:]*):(%d+):(%d+): (%w+): ([^[]+)
    ("nvim-lint clangtidy pattern",
     r"([^:]*):(\d+):(\d+): (\w+): ([^\[]+)", (1, 2, 3, 4, 5)),
    # flycheck-clang-tidy: line-start (file-name) ":" line ":" column ": warning: " (message) line-end
    ("flycheck-clang-tidy warning pattern",
     r"^([^:\n]+):(\d+):(\d+): (warning): (.*)$", (1, 2, 3, 4, 5)),
]


def check_parsed(tool, out, path):
    line = next((l for l in out.splitlines() if "[pycapi-removed-buffer-api]" in l), None)
    expect(line is not None, f"{tool} prints the finding", out)
    for name, regex, groups in PATTERNS:
        m = re.match(regex, line)
        expect(m is not None, f"{name} matches {tool}'s finding line", line)
        file, lnum, col, sev, msg = (m.group(g) for g in groups)
        expect(os.path.realpath(file) == os.path.realpath(path) and lnum == "4" and col == "10"
               and sev == "warning" and msg.startswith("'PyObject_CheckReadBuffer' was removed"),
               f"{name} reads file, line 4, column 10, warning and message from {tool}", line)


def test(work, args):
    path = os.path.join(work, "a.c")
    with open(path, "w") as f:
        f.write(SOURCE)
    flags = ["--", "-I/usr/include/python3.11"]
    env = itest.clean_env(PYCAPI_BUILD_DIR=args.build)

    code, out = run([args.wrapper, "--quiet", "--checks=-*,pycapi-*", path, *flags], env=env)
    expect(code == 0, "scripts/clang-tidy-pycapi runs clang-tidy with the plugin", out)
    check_parsed("clang-tidy-pycapi", out, path)

    code, out = run([args.cli, path, *flags], env=env)
    expect(code == 0, "pycapi-migrate runs", out)
    check_parsed("pycapi-migrate", out, path)

    # Symlinked into a folder on PATH, the wrapper still finds its build
    # through PYCAPI_BUILD_DIR, and says so clearly when there is none.
    link = os.path.join(work, "clang-tidy")
    os.symlink(args.wrapper, link)
    code, out = run([link, "--checks=-*,pycapi-*", "--list-checks"], env=env)
    expect(code == 0 and "pycapi-removed-buffer-api" in out, "a symlink to the wrapper works", out)
    code, out = run([link, "--version"], env=itest.clean_env(PYCAPI_BUILD_DIR=work))
    expect(code == 2 and "no pycapi build in" in out and len(out.strip().splitlines()) == 1,
           "without a build the wrapper fails with a one-line error", out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--wrapper", required=True)
    p.add_argument("--build", required=True)
    p.add_argument("--cli", required=True)
    p.add_argument("--inputs", required=True)
    args = p.parse_args()
    return itest.main(lambda work: test(work, args))


if __name__ == "__main__":
    sys.exit(main())
