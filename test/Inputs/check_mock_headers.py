#!/usr/bin/env python3
"""Fails when a mock CPython header folder drifts from CPython's real headers.

Usage: check_mock_headers.py --cc CLANG --real DIR [--real DIR...]
                             [--common COMMON_DIR] MOCK_DIR...

Each --real DIR is an installed CPython include folder (Debian's 3.11, the
3.13 of scripts/python313). Each MOCK_DIR is named pythonXY (python312 is
3.12) and must have:

- a patchlevel.h that defines the same macros as the real ones, each of the
  version-independent ones (PY_RELEASE_LEVEL_*, PY_VERSION_HEX) by the same
  text, PY_RELEASE_LEVEL by one of the PY_RELEASE_LEVEL_* names, the numbers
  as decimal numbers and PY_VERSION as their string;
- numbers that say what the folder's name says: compiled with -I MOCK_DIR,
  PY_VERSION_HEX must be 0x03XY00F0 (X.Y.0 final);
- a Python.h whose #includes of files that the real Python.h also includes
  come in the real order, patchlevel.h first;
- no #include "../X/..." of another folder's file but COMMON_DIR's: one
  release's mock must not depend on another's (what several share goes in
  COMMON_DIR).

COMMON_DIR (test/Inputs/common) holds what the mock folders share: it is no
release (no Python.h or patchlevel.h), includes nothing of the mock
folders, and each of its headers is included by some MOCK_DIR.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

DEFINE = re.compile(r"^[ \t]*#[ \t]*define[ \t]+(\w+)(?![\w(])[ \t]*(.*)$", re.M)
INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*[<"]([^>"]+)[>"]', re.M)
QUOTED_INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*"([^"]+)"', re.M)
# The macros that are the same in every release, and the ones that number it.
SAME_TEXT = ("PY_RELEASE_LEVEL_ALPHA", "PY_RELEASE_LEVEL_BETA",
             "PY_RELEASE_LEVEL_GAMMA", "PY_RELEASE_LEVEL_FINAL", "PY_VERSION_HEX")
NUMBERS = ("PY_MAJOR_VERSION", "PY_MINOR_VERSION", "PY_MICRO_VERSION", "PY_RELEASE_SERIAL")
LEVEL_SUFFIX = {"PY_RELEASE_LEVEL_ALPHA": "a", "PY_RELEASE_LEVEL_BETA": "b",
                "PY_RELEASE_LEVEL_GAMMA": "rc", "PY_RELEASE_LEVEL_FINAL": ""}


def read(path):
    with open(path) as f:
        return f.read()


def logical_text(source):
    """The source without comments, with continued lines joined."""
    source = re.sub(r"/\*.*?\*/", " ", source, flags=re.S)
    source = re.sub(r"//[^\n]*", "", source)
    return source.replace("\\\n", " ")


def macros(path):
    """name -> definition (whitespace collapsed) of a header's object-like macros."""
    found = {}
    for name, body in DEFINE.findall(logical_text(read(path))):
        found[name] = " ".join(body.split())
    return found


def includes(path):
    return INCLUDE.findall(logical_text(read(path)))


def check_patchlevel(mock, real, errors):
    path = os.path.join(mock, "patchlevel.h")
    defined = macros(path)
    if set(defined) != set(real):
        errors.append(f"{path}: defines {sorted(defined)}; the real patchlevel.h "
                      f"defines {sorted(real)}")
        return None
    for name in SAME_TEXT:
        if defined[name] != real[name]:
            errors.append(f"{path}: {name} is '{defined[name]}'; the real one is "
                          f"'{real[name]}'")
    for name in NUMBERS:
        if not re.fullmatch(r"[0-9]+", defined[name]):
            errors.append(f"{path}: {name} is '{defined[name]}', not a decimal number")
            return None
    level = defined["PY_RELEASE_LEVEL"]
    if level not in LEVEL_SUFFIX:
        errors.append(f"{path}: PY_RELEASE_LEVEL is '{level}', not one of "
                      f"{sorted(LEVEL_SUFFIX)}")
        return None
    major, minor, micro, serial = (int(defined[name]) for name in NUMBERS)
    version = f"{major}.{minor}.{micro}"
    if LEVEL_SUFFIX[level]:
        version += f"{LEVEL_SUFFIX[level]}{serial}"
    if defined["PY_VERSION"] != f'"{version}"':
        errors.append(f"{path}: PY_VERSION is {defined['PY_VERSION']}; its numbers "
                      f'say "{version}"')
    return major, minor


def check_version(cc, mock, errors):
    """The version that the folder's name claims is what the compiler sees."""
    match = re.fullmatch(r"python3(\d+)", os.path.basename(os.path.normpath(mock)))
    if not match:
        errors.append(f"{mock}: a mock folder is named python3N (python312 is 3.12)")
        return
    claimed = 0x030000F0 | int(match.group(1)) << 16
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "version.c")
        with open(source, "w") as f:
            f.write("#include <Python.h>\n"
                    f"#if PY_VERSION_HEX != 0x{claimed:08X}\n"
                    f"#error PY_VERSION_HEX is not 0x{claimed:08X}\n"
                    "#endif\n")
        result = subprocess.run([cc, "-fsyntax-only", "-I", mock, source],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                universal_newlines=True)
    if result.returncode:
        errors.append(f"{mock}: compiled with -I{mock}, PY_VERSION_HEX is not "
                      f"0x{claimed:08X}:\n{result.stdout}")


def check_python_h(mock, real_order, errors):
    path = os.path.join(mock, "Python.h")
    mine = includes(path)
    shared = [name for name in mine if name in real_order]
    if not mine or mine[0] != "patchlevel.h":
        errors.append(f"{path}: its first #include is not \"patchlevel.h\", as in "
                      f"the real Python.h")
    if shared != sorted(shared, key=real_order.index):
        errors.append(f"{path}: includes {shared} in another order than the real "
                      f"Python.h ({[n for n in real_order if n in shared]})")


def headers(folder):
    return sorted(os.path.join(folder, name) for name in os.listdir(folder)
                  if name.endswith(".h"))


def outside_includes(folder):
    """(header, its quoted #include, the folder it names) for each quoted
    #include of a header of folder that leaves folder."""
    found = []
    for path in headers(folder):
        for name in QUOTED_INCLUDE.findall(logical_text(read(path))):
            target = os.path.dirname(os.path.normpath(os.path.join(folder, name)))
            if os.path.normpath(target) != os.path.normpath(folder):
                found.append((path, name, target))
    return found


def check_layout(mock, common, errors):
    """A mock folder includes no other folder's file but common's."""
    for path, name, target in outside_includes(mock):
        if common is None or os.path.normpath(target) != os.path.normpath(common):
            errors.append(f'{path}: includes "{name}", a file of another folder; '
                          f"what mock folders share goes in "
                          f"{common or 'a common folder (--common)'}")


def check_common(common, mocks, errors):
    for name in ("Python.h", "patchlevel.h"):
        if os.path.exists(os.path.join(common, name)):
            errors.append(f"{common}: has a {name}: the shared folder is no "
                          f"release of its own")
    for path, name, _ in outside_includes(common):
        errors.append(f'{path}: includes "{name}": the shared folder includes '
                      f"nothing of the mock folders")
    used = {os.path.normpath(os.path.join(os.path.dirname(path), name))
            for mock in mocks for path, name, _ in outside_includes(mock)}
    for path in headers(common):
        if os.path.normpath(path) not in used:
            errors.append(f"{path}: no mock folder includes it")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cc", required=True)
    parser.add_argument("--real", action="append", required=True)
    parser.add_argument("--common")
    parser.add_argument("mocks", nargs="+")
    args = parser.parse_args()
    errors = []

    # The real headers must agree among themselves, or the reference is void.
    reals = [(folder, macros(os.path.join(folder, "patchlevel.h"))) for folder in args.real]
    reference_folder, reference = reals[0]
    for folder, defined in reals[1:]:
        for name in sorted(set(reference) | set(defined)):
            if name in SAME_TEXT and reference.get(name) != defined.get(name) or \
                    (name in reference) != (name in defined):
                errors.append(f"{folder}/patchlevel.h and {reference_folder}/patchlevel.h "
                              f"differ in {name}: this test's reference is void")
    real_order = includes(os.path.join(reference_folder, "Python.h"))
    if not real_order or real_order[0] != "patchlevel.h":
        errors.append(f"{reference_folder}/Python.h no longer includes patchlevel.h "
                      f"first: update this test")

    for mock in args.mocks:
        check_patchlevel(mock, reference, errors)
        check_version(args.cc, mock, errors)
        check_python_h(mock, real_order, errors)
        check_layout(mock, args.common, errors)
    if args.common:
        check_common(args.common, args.mocks, errors)

    for error in errors:
        print("error: " + error, file=sys.stderr)
    if errors:
        sys.exit(1)
    print(f"{len(args.mocks)} mock folders match the real patchlevel.h and Python.h"
          + (f", and share only {args.common}" if args.common else ""))


if __name__ == "__main__":
    main()
