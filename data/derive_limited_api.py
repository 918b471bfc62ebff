#!/usr/bin/env python3
"""Derives the Limited API admission table from CPython's real headers.

Usage: derive_limited_api.py [--cc CLANG] [--check] [--uses DIR]
                             [--admission TSV] [--api-names TSV]
                             PYTHON_INCLUDE_DIR MANIFEST_TOML [-- FLAGS]

With scripts/python313's 3.13 (the command CI runs, with --check):

  R=/var/cache/pycapi-migrate/trixie-py313/root
  data/derive_limited_api.py $R/usr/include/python3.13 \\
      data/stable_abi-3.13.toml -- -idirafter $R/usr/include

writes data/limited-api-admission.tsv and data/cpython-3.13-api-names.tsv
(or the files --admission and --api-names name). --check writes nothing and
fails, showing the difference, when those files are not what the headers
give: test/checkers/limited-api/admission-current.test runs it in CI, so the
table cannot drift from the headers. --uses DIR also writes the generated
macro test (test/checkers/limited-api/generated-macros.test): DIR/uses-3.N.c
and the compiler's verdict on each line, DIR/compiler-verdicts.tsv.

The rule: the headers decide what a target accepts, the manifest keeps what
only it knows. For every Py_LIMITED_API target V from 3.2 up to the headers'
own version, clang reads `#define Py_LIMITED_API V` + `#include <Python.h>`:

- Macros: the compiler decides. Every macro the Python headers define at
  some target (a name with CPython's prefixes Py/PY/_Py/_PY, or listed in the
  manifest) gets a one-line use at every target in a generated C file,
  compiled with -Werror=implicit-function-declaration. V admits the macro
  when that line has no error naming a CPython name as undeclared, implicitly
  declared, unknown or incomplete (PySequence_Fast_GET_ITEM expands to
  PyTuple_GET_ITEM, which the limited headers hide), and when its expansion
  names no exported function or data item that the manifest adds after V
  (the link rule: older runtimes lack the symbol).
- Typedefs, structs, enumerators and static inline functions: V admits what
  its headers declare.
- Exported functions and data: V admits what its headers declare, the
  manifest lists with `added` <= V and does not flag `abi_only` (3.13's
  headers declare many newer functions unguarded: an extension built with
  them fails to import on an older Python).

Names that no limited target declares are in the table too (every target
'-') when the full API declares them and the manifest lists them.
Manifest names the headers of this platform never declare (MS_WINDOWS
functions) are not: gen_limited_api.py takes them from the manifest.
"""
import argparse
import concurrent.futures
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile

from generated_file import write_if_changed

try:
    import tomllib
except ImportError:  # Python < 3.11
    sys.exit("derive_limited_api.py: error: needs Python 3.11 or later (tomllib)")

DATA = os.path.dirname(os.path.abspath(__file__))
API_PREFIX = re.compile(r"^_?P[yY]")
# The errors that say a CPython name is hidden at a target. clang 14 says
# "implicit declaration of function", newer ones "call to undeclared
# function". Other errors (a placeholder argument of the wrong type) are not
# verdicts.
HIDDEN_NAME_ERROR = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):\d+: error: (?:"
    r"use of undeclared identifier '(?P<a>\w+)'"
    r"|implicit declaration of function '(?P<b>\w+)'"
    r"|call to undeclared function '(?P<c>\w+)'"
    r"|unknown type name '(?P<d>\w+)'"
    r"|incomplete definition of type '(?P<e>[^']+)'"
    r"|variable has incomplete type '(?P<f>[^']+)'"
    r"|field has incomplete type '(?P<g>[^']+)'"
    r"|invalid application of 'sizeof' to an incomplete type '(?P<h>[^']+)'"
    r"|subscript of pointer to incomplete type '(?P<i>[^']+)'"
    r"|arithmetic on a pointer to an incomplete type '(?P<j>[^']+)'"
    r")")
DECL_KINDS = {"FunctionDecl": "function", "TypedefDecl": "typedef",
              "RecordDecl": "struct", "VarDecl": "data",
              "EnumConstantDecl": "const", "EnumDecl": "typedef"}
# Placeholder arguments of the generated uses (PyObject *, the most common).
PLACEHOLDERS = 8
STRING_LITERAL = re.compile(r'"(\\.|[^"\\])*"')


def fail(message):
    sys.exit(f"derive_limited_api.py: error: {message}")


def minor_of(target):
    return (target >> 16) & 0xFF


def version_label(target):
    return f"3.{minor_of(target)}"


class Headers:
    """One clang and one set of Python headers, read at a Py_LIMITED_API
    target (0: the full API)."""

    def __init__(self, cc, include_dir, flags):
        self.include_dir = os.path.realpath(include_dir)
        self.command = [cc, "-x", "c", "-I", include_dir, *flags]

    def run(self, args, source, check=True):
        try:
            result = subprocess.run(self.command + args, input=source,
                                    capture_output=True, text=True)
        except OSError as e:
            fail(f"cannot run {self.command[0]}: {e.strerror}")
        if check and result.returncode:
            fail(f"{' '.join(self.command + args)} failed:\n{result.stderr}")
        return result

    def is_python(self, path):
        path = os.path.realpath(path)
        # pyconfig.h of Debian's multiarch folder is Python's too.
        return path.startswith(self.include_dir + "/") or "/python3." in path

    @staticmethod
    def prologue(target):
        limited = f"#define Py_LIMITED_API {target:#010x}\n" if target else ""
        return limited + "#include <Python.h>\n"

    def macros(self, target):
        """{name: parameters or None} of the macros Python's headers define."""
        out = self.run(["-E", "-dD", "-"], self.prologue(target)).stdout
        current, result = None, {}
        for line in out.splitlines():
            if line.startswith("# "):
                marker = re.match(r'# \d+ "([^"]*)"', line)
                if marker:
                    current = marker.group(1)
            elif current and self.is_python(current):
                if line.startswith("#define "):
                    m = re.match(r"#define (\w+)(\(([^)]*)\))?", line)
                    params = None
                    if m.group(2) is not None:
                        params = [p.strip() for p in m.group(3).split(",")
                                  if p.strip()]
                    result[m.group(1)] = params
                elif line.startswith("#undef "):
                    result.pop(line.split()[1], None)
        return result

    def declarations(self, target):
        """{name: (kind, static inline)} of the top-level declarations of
        Python's headers (and the enumerators of their enums)."""
        out = self.run(["-fsyntax-only", "-Xclang", "-ast-dump=json", "-"],
                       self.prologue(target)).stdout
        result, current = {}, None

        def track(location):
            # The dump names a location's file only when it differs from the
            # last location it printed, in document order.
            nonlocal current
            if "file" in location and "offset" in location:
                current = location["file"]
            for key in ("spellingLoc", "expansionLoc", "begin", "end"):
                if key in location:
                    track(location[key])

        def visit(node, top):
            # Children are walked for their locations only.
            if "loc" in node:
                track(node["loc"])
            kind, name = DECL_KINDS.get(node.get("kind")), node.get("name")
            record = top or node.get("kind") == "EnumConstantDecl"
            if record and kind and name and current and self.is_python(current):
                inline = bool(node.get("inline")
                              or node.get("storageClass") == "static")
                result.setdefault(name, (kind, inline))
            if "range" in node:
                track(node["range"])
            for inner in node.get("inner", ()):
                visit(inner, False)

        for node in json.loads(out).get("inner", []):
            visit(node, True)
        return result


def use_text(name, params):
    if params is None:
        return name
    count = 1 if params == ["..."] else len(params)
    return f"{name}({', '.join(f'__pa{i}' for i in range(count))})"


def write_uses(headers, target, macros, out_dir):
    """The generated test file of one target: one use of each macro per line,
    in a function of its own. A macro whose expansion opens a block
    (Py_BEGIN_ALLOW_THREADS) gets the closing brace, one that closes a block
    the opening one. Returns {line: macro} and {macro: its expansion}."""
    names = sorted(macros)
    head = headers.prologue(target) + "".join(
        f"PyObject *__pa{i};\n" for i in range(PLACEHOLDERS))
    marker = "__PYCAPI_USES__"
    probe = head + marker + "\n" + "".join(
        f'"__use {name}" {use_text(name, macros[name])}\n' for name in names)
    out = headers.run(["-E", "-P", "-"], probe, check=False).stdout
    expansion = {}
    for line in out.split(marker, 1)[-1].splitlines():
        m = re.match(r'"__use (\w+)" ?(.*)', line)
        if m:
            expansion[m.group(1)] = m.group(2)
    lines, where = [], {}
    first = head.count("\n") + 1
    for i, name in enumerate(names):
        text = STRING_LITERAL.sub('""', expansion.get(name, ""))
        opened = text.count("{") - text.count("}")
        where[first + i] = name
        lines.append(f"void __use_{i}(void) {{ {'{' * max(0, -opened)} "
                     f"{use_text(name, macros[name])}; {'}' * max(0, opened)} }}\n")
    path = os.path.join(out_dir, f"uses-{version_label(target)}.c")
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + "".join(lines))
    return path, where, expansion


def compiler_verdicts(headers, path, where, cpython_names):
    """{macro: sorted hidden CPython names its line was rejected for}."""
    result = headers.run(["-fsyntax-only", "-ferror-limit=0",
                          "-Werror=implicit-function-declaration",
                          "-fno-caret-diagnostics",
                          "-fno-diagnostics-show-option", path], None,
                         check=False)
    rejected = {}
    for line in result.stderr.splitlines():
        m = HIDDEN_NAME_ERROR.match(line)
        if not m or os.path.basename(m.group("file")) != os.path.basename(path):
            continue
        hidden = next(g for g in m.groups()[2:] if g).replace("struct ", "")
        # A context variable of the macro (visit of Py_VISIT), a placeholder.
        if hidden not in cpython_names:
            continue
        name = where.get(int(m.group("line")))
        if name:
            rejected.setdefault(name, set()).add(hidden)
    return {name: sorted(rejected.get(name, ())) for name in where.values()}


def added_code(item):
    return 300 + int(item["added"].split(".")[1])


def derive(headers, manifest, uses_dir):
    """Returns the admission rows {name: (kind, [admitted per target])}, the
    targets, the full API's names {name: kind}, and the compiler's verdicts
    of the generated test {target: {line: (macro, hidden names)}}."""
    listed = {name: (kind, item) for kind, items in manifest.items()
              if kind != "feature_macro" for name, item in items.items()}
    with open(os.path.join(headers.include_dir, "patchlevel.h")) as f:
        minor = int(f.read().split("#define PY_MINOR_VERSION")[1].split()[0])
    targets = [0x03000000 | m << 16 for m in range(2, minor + 1)]
    # clang runs in parallel (the cores: 2 in CI); parsing its output does not.
    pool = concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1)
    macros = dict(zip(targets, pool.map(headers.macros, targets)))
    declarations = dict(zip(targets, pool.map(headers.declarations, targets)))
    full_macros, full_declarations = headers.macros(0), headers.declarations(0)
    cpython_names = set(full_macros) | set(full_declarations)
    for t in targets:
        cpython_names |= set(macros[t]) | set(declarations[t])

    def wanted(name):
        return bool(API_PREFIX.match(name)) or name in listed

    # Every macro of the limited headers (any target), and those of the full
    # API that no limited target defines (PyTuple_GET_ITEM): a use of each at
    # every target; an undefined one is rejected as undeclared.
    tested = {}
    for t in targets:
        for name, params in macros[t].items():
            if wanted(name):
                tested.setdefault(name, params)
    limited_macros = set(tested)
    for name, params in full_macros.items():
        if wanted(name):
            tested.setdefault(name, params)

    verdicts, test_lines = {}, {}
    work = uses_dir or tempfile.mkdtemp(prefix="pycapi-limited-")

    def judge(t):
        path, where, expansion = write_uses(headers, t, tested, work)
        return path, where, expansion, compiler_verdicts(headers, path, where,
                                                         cpython_names)

    for t, (path, where, expansion, verdict) in zip(targets,
                                                    pool.map(judge, targets)):
        for name, text in expansion.items():
            for ident in set(re.findall(r"[A-Za-z_]\w*",
                                        STRING_LITERAL.sub('""', text))):
                kind_item = listed.get(ident)
                if (kind_item and kind_item[0] in ("function", "data")
                        and added_code(kind_item[1]) > 300 + minor_of(t)
                        and ident in declarations[t]
                        and not declarations[t][ident][1]):
                    verdict[name] = sorted(set(verdict[name])
                                           | {"link:" + ident})
        verdicts[t] = verdict
        test_lines[t] = {line: (name, verdict[name])
                         for line, name in where.items()}
        if not uses_dir:
            os.remove(path)
    if not uses_dir:
        os.rmdir(work)

    names = set(limited_macros)
    for t in targets:
        names |= {n for n in declarations[t] if wanted(n)}
    names |= {n for n in full_declarations if n in listed}
    names |= {n for n in full_macros if n in listed}
    rows = {}
    for name in sorted(names):
        kind, admitted = None, []
        for t in targets:
            if name in limited_macros:
                kind = "macro"
                ok = not verdicts[t][name]
            elif name in declarations[t]:
                decl_kind, inline = declarations[t][name]
                kind = kind or decl_kind
                ok = True
                item = listed.get(name, (None, {}))[1]
                if item.get("abi_only"):
                    ok = False
                elif item and decl_kind in ("function", "data") and not inline:
                    ok = added_code(item) <= 300 + minor_of(t)
            else:
                ok = False
            admitted.append(ok)
        if kind is None:  # declared by the full API only
            kind = ("macro" if name in full_macros
                    else full_declarations[name][0])
        rows[name] = (kind, admitted)

    full_names = {}
    for name in full_macros:
        if API_PREFIX.match(name):
            full_names[name] = "macro"
    for name, (kind, _) in full_declarations.items():
        if API_PREFIX.match(name):
            full_names.setdefault(name, kind)
    return rows, targets, full_names, test_lines, minor


def admission_text(rows, targets, minor, manifest_name):
    out = [f"# DERIVED by data/derive_limited_api.py from the Python 3.{minor} "
           f"headers and {manifest_name}: per Py_LIMITED_API target, y when "
           f"the headers accept the name (see the script's docstring for the "
           f"rule), - when not\n",
           "name\tkind\t" + "\t".join(version_label(t) for t in targets) + "\n"]
    for name, (kind, admitted) in rows.items():
        out.append(f"{name}\t{kind}\t"
                   + "\t".join("y" if a else "-" for a in admitted) + "\n")
    return "".join(out)


def api_names_text(full_names, minor):
    out = [f"# DERIVED by data/derive_limited_api.py: every Py/PY/_Py/_PY name "
           f"that Python 3.{minor}'s Python.h defines without Py_LIMITED_API\n",
           "name\tkind\n"]
    out += [f"{name}\t{full_names[name]}\n" for name in sorted(full_names)]
    return "".join(out)


def verdicts_text(test_lines, targets):
    out = ["target\tline\tmacro\tcompiler\thidden\n"]
    for t in targets:
        for line, (name, hidden) in sorted(test_lines[t].items()):
            out.append(f"{version_label(t)}\t{line}\t{name}\t"
                       f"{'rejects' if hidden else 'accepts'}\t"
                       f"{','.join(hidden)}\n")
    return "".join(out)


def main():
    argv = sys.argv[1:]
    flags = []
    if "--" in argv:
        flags = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    parser = argparse.ArgumentParser(
        prog="derive_limited_api.py",
        description="Derives the Limited API admission table from CPython's "
                    "real headers (see the module docstring).")
    parser.add_argument("include_dir")
    parser.add_argument("manifest")
    parser.add_argument("--cc", default="clang")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--uses")
    parser.add_argument("--admission",
                        default=os.path.join(DATA, "limited-api-admission.tsv"))
    parser.add_argument("--api-names",
                        default=os.path.join(DATA, "cpython-3.13-api-names.tsv"))
    args = parser.parse_args(argv)
    if not os.path.isfile(os.path.join(args.include_dir, "Python.h")):
        fail(f"no Python.h in {args.include_dir}")
    try:
        with open(args.manifest, "rb") as f:
            manifest = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        fail(f"{args.manifest}: {e}")
    if args.uses:
        os.makedirs(args.uses, exist_ok=True)

    headers = Headers(args.cc, args.include_dir, flags)
    rows, targets, full_names, test_lines, minor = derive(headers, manifest,
                                                          args.uses)
    outputs = {
        args.admission: admission_text(rows, targets, minor,
                                       os.path.basename(args.manifest)),
        args.api_names: api_names_text(full_names, minor),
    }
    if args.uses:
        with open(os.path.join(args.uses, "compiler-verdicts.tsv"), "w",
                  encoding="utf-8") as f:
            f.write(verdicts_text(test_lines, targets))
    stale = []
    for path, text in outputs.items():
        if args.check:
            try:
                with open(path, encoding="utf-8") as f:
                    current = f.read()
            except OSError:
                current = ""
            if current != text:
                diff = list(difflib.unified_diff(
                    current.splitlines(), text.splitlines(), path,
                    "the headers", lineterm="", n=0))
                sys.stderr.write("\n".join(diff[:40]) + "\n")
                if len(diff) > 40:
                    sys.stderr.write(f"... {len(diff) - 40} more lines\n")
                stale.append(path)
        else:
            write_if_changed(path, text)
    if stale:
        fail(f"{' and '.join(os.path.basename(p) for p in stale)} "
             f"{'differs' if len(stale) == 1 else 'differ'} from what the "
             f"headers give; rerun data/derive_limited_api.py without --check "
             f"to update")


if __name__ == "__main__":
    main()
