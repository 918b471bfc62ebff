#!/usr/bin/env python3
"""Derives data/limited-api-header-names.tsv from CPython's real headers.

Usage: derive_limited_header_names.py PYTHON_INCLUDE_DIR MANIFEST_TOML OUT_TSV
       FULL_API_TSV [-- extra compiler flags]

Run by hand (not at build time), against the headers of the release whose
manifest is MANIFEST_TOML, e.g. with scripts/python313's 3.13:

  R=/var/cache/pycapi-migrate/trixie-py313/root
  data/derive_limited_header_names.py $R/usr/include/python3.13 \
      data/stable_abi-3.13.toml data/limited-api-header-names.tsv \
      data/cpython-3.13-api-names.tsv -- -idirafter $R/usr/include

Why: the manifest lists what CPython versions in the Stable ABI, but the
Limited API headers also define public names it does not list: macros
(Py_INCREF, Py_RETURN_NONE, PyObject_HEAD, PyMODINIT_FUNC), static inline
functions (Py_TYPE, Py_IS_TYPE), typedefs (Py_hash_t). Reporting those as
"not part of the Limited API" would be false. For every Py_LIMITED_API target
from 3.2 up to the headers' own version, this preprocesses and parses
`#include <Python.h>` with clang and records, for each public `Py`/`PY` name
the headers define that the manifest does not list, the lowest target at which
the headers define it.

FULL_API_TSV lists every `Py`, `PY`, `_Py`, `_PY` name that Python.h defines
without Py_LIMITED_API (the full C API): what lets the check tell a Python
name that the limited headers leave undeclared from a name of the user's own.
"""
import json
import subprocess
import sys
import tomllib

KINDS = {"FunctionDecl": "function", "TypedefDecl": "typedef",
         "RecordDecl": "struct", "VarDecl": "data",
         "EnumConstantDecl": "const", "EnumDecl": "typedef"}


def public_api_name(name):
    return name.startswith(("Py", "PY"))


def api_name(name):
    return name.startswith(("Py", "PY", "_Py", "_PY"))


def visible_names(include_dir, target, flags, wanted=public_api_name):
    """Names the headers define with Py_LIMITED_API set to target (None: the
    full API), mapped to their kind."""
    limited = f"#define Py_LIMITED_API {target:#010x}\n" if target else ""
    source = limited + "#include <Python.h>\n"
    base = ["clang", "-x", "c", "-I", include_dir, *flags, "-"]
    macros = subprocess.run(base[:-1] + ["-E", "-dM", "-"], input=source,
                            capture_output=True, text=True, check=True).stdout
    names = {}
    for line in macros.splitlines():
        name = line.split()[1].split("(")[0]
        if wanted(name):
            names[name] = "macro"
    dump = subprocess.run(base[:-1] + ["-fsyntax-only", "-Xclang",
                                       "-ast-dump=json", "-"],
                          input=source, capture_output=True, text=True,
                          check=True).stdout
    def visit(node):
        kind = KINDS.get(node.get("kind"))
        name = node.get("name")
        if kind and name and wanted(name):
            names.setdefault(name, kind)
        if node.get("kind") == "EnumDecl":
            for inner in node.get("inner", []):
                visit(inner)
    for node in json.loads(dump).get("inner", []):
        visit(node)
    return names


def main():
    args = sys.argv[1:]
    flags = []
    if "--" in args:
        i = args.index("--")
        args, flags = args[:i], args[i + 1:]
    if len(args) != 4:
        sys.exit(__doc__)
    include_dir, manifest_path, out_path, full_path = args
    with open(manifest_path, "rb") as f:
        manifest = tomllib.load(f)
    listed = {name for items in manifest.values() for name in items}
    with open(f"{include_dir}/patchlevel.h") as f:
        text = f.read()
    minor = int(text.split("#define PY_MINOR_VERSION")[1].split()[0])
    first_seen = {}
    for m in range(2, minor + 1):
        for name, kind in visible_names(include_dir, 0x03000000 | m << 16,
                                        flags).items():
            if name not in listed and name not in first_seen:
                first_seen[name] = (kind, f"3.{m}")
    with open(out_path, "w") as out:
        out.write(f"# DERIVED by data/derive_limited_header_names.py from the "
                  f"Python 3.{minor} headers: public names that the Limited API "
                  f"headers define but {manifest_path.split('/')[-1]} does not "
                  f"list, with the lowest Py_LIMITED_API target that defines "
                  f"them\n")
        out.write("name\tkind\tvisible_from\n")
        for name in sorted(first_seen):
            kind, version = first_seen[name]
            out.write(f"{name}\t{kind}\t{version}\n")
    full = visible_names(include_dir, None, flags, wanted=api_name)
    with open(full_path, "w") as out:
        out.write(f"# DERIVED by data/derive_limited_header_names.py: every "
                  f"Py/PY/_Py/_PY name that Python 3.{minor}'s Python.h "
                  f"defines without Py_LIMITED_API\n")
        out.write("name\tkind\n")
        for name in sorted(full):
            out.write(f"{name}\t{full[name]}\n")


if __name__ == "__main__":
    main()
