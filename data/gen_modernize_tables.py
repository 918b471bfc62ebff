#!/usr/bin/env python3
"""Generates the table of the modernization checks (pycapi-modernize-*).

Usage: gen_modernize_tables.py MODERNIZE_TSV EXPANSIONS_TSV OUT_DIR

Writes OUT_DIR/ModernizeTable.inc for the X-macro in
checks/modernize/ModernizeTable.cpp: one row per row of modernize-api.tsv,

  PYCAPI_MODERNIZE(Check, Old, Use, Replacement, Since, InCompatHeader)

- Check: the check's name without "pycapi-modernize-".
- Old: the member (ob_type), macro (PyObject_NEW), object (Py_None) or call
  (Py_INCREF) that the check rewrites.
- Use: how Old is used (read, write, call, compare, newref, clear, setref),
  as the enumerator of ModernizeUse.
- Since: the first Python that has Replacement, as major * 100 + minor; 0
  for a name that only pythoncapi_compat.h defines (compat-only).
- InCompatHeader: pythoncapi_compat.h defines Replacement for older Pythons.

and, from python-macro-expansions.tsv, one row per identifier that the
expansion of one of Python's macros hands the parser,

  PYCAPI_MACRO_EXPANSION(Macro, Identifier)

(the checks whose matchers look for what the macro expands to mark the
declarations holding those identifiers: checks/utils/MatchDemand.h).

It fails the build, with file and line, on a row it cannot read, and
rewrites the output only when its content changes.
"""
import csv
import os
import re
import sys

from generated_file import write_if_changed

COLUMNS = ["check", "old", "use", "replacement", "replacement_since",
           "in_compat_header", "source"]
CHECKS = {"object-fields", "memory-spellings", "frame-access", "py-is",
          "refcount-idioms"}
USES = {"read": "Read", "write": "Write", "call": "Call", "compare": "Compare",
        "newref": "NewRef", "clear": "Clear", "setref": "SetRef"}
IDENTIFIER = re.compile(r"[A-Za-z_]\w*")


def fail(path, line, msg):
    sys.exit(f"{path}:{line}: error: {msg}")


def version(path, line, text):
    if text == "compat-only":
        return 0
    match = re.fullmatch(r"(\d+)\.(\d+)", text)
    if not match:
        fail(path, line, f"replacement_since must be MAJOR.MINOR or "
                         f"compat-only, not '{text}'")
    return int(match.group(1)) * 100 + int(match.group(2))


def read(path):
    rows = []
    seen = {}
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        if next(reader, None) != COLUMNS:
            fail(path, 1, f"the header must be {' '.join(COLUMNS)}")
        for row in reader:
            line = reader.line_num
            if len(row) != len(COLUMNS):
                fail(path, line, f"expected {len(COLUMNS)} columns, got {len(row)}")
            check, old, use, replacement, since, compat, source = row
            if check not in CHECKS:
                fail(path, line, f"unknown check '{check}'")
            if use not in USES:
                fail(path, line, f"use must be one of {', '.join(USES)}, not '{use}'")
            for name in (old, replacement):
                if not IDENTIFIER.fullmatch(name):
                    fail(path, line, f"'{name}' is not a C identifier")
            if compat not in ("yes", "no"):
                fail(path, line, f"in_compat_header must be yes or no, not '{compat}'")
            since_value = version(path, line, since)
            if since_value == 0 and compat != "yes":
                fail(path, line, f"'{replacement}' is compat-only but not in the compat header")
            if not source.strip():
                fail(path, line, f"'{old}' needs a source")
            key = (check, old, use)
            if key in seen:
                fail(path, line, f"'{old}' ({use}) is listed already on line {seen[key]}")
            seen[key] = line
            rows.append((check, old, USES[use], replacement, since_value,
                         "true" if compat == "yes" else "false"))
    return rows


EXPANSION_COLUMNS = ["macro", "parser_sees", "source"]


def read_expansions(path):
    rows = []
    seen = {}
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        if next(reader, None) != EXPANSION_COLUMNS:
            fail(path, 1, f"the header must be {' '.join(EXPANSION_COLUMNS)}")
        for row in reader:
            line = reader.line_num
            if len(row) != len(EXPANSION_COLUMNS):
                fail(path, line, f"expected {len(EXPANSION_COLUMNS)} columns, got {len(row)}")
            macro, sees, source = row
            names = sees.split()
            for name in [macro] + names:
                if not IDENTIFIER.fullmatch(name):
                    fail(path, line, f"'{name}' is not a C identifier")
            if not names:
                fail(path, line, f"'{macro}' needs the identifiers the parser sees")
            if not source.strip():
                fail(path, line, f"'{macro}' needs a source")
            if macro in seen:
                fail(path, line, f"'{macro}' is listed already on line {seen[macro]}")
            seen[macro] = line
            rows.extend((macro, name) for name in names)
    return rows


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    path, expansions_path, out_dir = sys.argv[1:]
    text = ("// Generated by data/gen_modernize_tables.py from "
            "data/modernize-api.tsv and data/python-macro-expansions.tsv. "
            "Do not edit.\n" +
            "".join(f'PYCAPI_MODERNIZE("{c}", "{o}", {u}, "{r}", {s}, {m})\n'
                    for c, o, u, r, s, m in read(path)) +
            "#ifdef PYCAPI_MACRO_EXPANSION\n" +
            "".join(f'PYCAPI_MACRO_EXPANSION("{m}", "{n}")\n'
                    for m, n in read_expansions(expansions_path)) +
            "#endif\n")
    write_if_changed(os.path.join(out_dir, "ModernizeTable.inc"), text)


if __name__ == "__main__":
    main()
