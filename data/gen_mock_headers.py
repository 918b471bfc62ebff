#!/usr/bin/env python3
"""Generates the mock header of the removed names for the tests, from
data/cpython-removed-api.tsv.

Usage: gen_mock_headers.py --real-headers DIR REMOVED_TSV --output HEADER
       gen_mock_headers.py --real-headers DIR REMOVED_TSV --list-missing

Writes HEADER, meant to be included after a real `Python.h` of DIR's
release or newer (the tests include it after Debian's 3.11 and the real
3.13). It declares each row's `old_signature`, under its `old_condition`,
kind by kind: typedefs, structs and enumerators first, then macros,
functions and variables, so that a declaration finds the types it names.

Which rows it declares, and when (the rule):

- a row whose name DIR's headers never spell (the names 3.11 lacks: those
  that only 3.12 had, and those added after 3.11 and removed later): always.
  The table has no column saying which release added a name, so only the
  headers can tell; this is why the generator reads DIR, the oldest release
  the tests use (the build passes the same folder as test/lit.cfg.py);
- a row that DIR's headers declare: only on top of a release that no longer
  declares it (`PY_VERSION_HEX` at least `removed_in`, below `restored_in`),
  so that after the real 3.13 the mock declares what 3.13 removed and the
  3.12-only declarations find their types; a function, variable, plain
  typedef or macro also on top of the last release that declared it (the
  one before `removed_in`, whose declaration the row records), where it
  redeclares the real one and the compiler reports any difference. Rows
  that DIR declares are never redeclared on top of DIR's own, older,
  release, whose declaration may differ for good reason (3.12 changed
  `_PyImport_AcquireLock`'s parameters).

Rows that cannot be declared are left out, each with a comment saying why:
headers and struct members (nothing to declare), rows removed from the
Limited API only (the full API still declares them), and rows whose
old_condition is not a preprocessor condition or whose old_signature elides
what a declaration needs (`<platform value>`, `(...)`).

--list-missing prints, one per line, the names of the rows that DIR's
headers never spell and that are removed in the oldest release after DIR's
(the "3.12-only" names, for 3.11): the test that each of them is reported
uses them all.
"""
import argparse
import csv
import os
import re
import sys

from generated_file import write_if_changed

IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# The kinds, in the order the header declares them.
TYPE_KINDS = ("typedef", "typedef+struct", "struct", "enumerator")
MACRO_KINDS = ("macro", "function-like-macro")
FUNCTION_KINDS = ("function", "extern-function", "function+function-like-macro",
                  "function+macro", "static-inline-function",
                  "static-inline-function+function-like-macro")
VARIABLE_KINDS = ("variable", "extern-variable")
# Kinds with nothing to declare: a header file, a member of a struct that the
# real headers define.
UNDECLARABLE_KINDS = ("header", "struct-member")
# old_condition of the rows removed from the Limited API only (see
# gen_api_tables.py): the full API still declares them.
LIMITED_ONLY = "Py_LIMITED_API only"
# The old_condition values that are not preprocessor conditions, and the
# condition each stands for; None: none can be written.
CONDITION_SPELLINGS = {
    "config-dependent: NOT(ifdef PY_SSIZE_T_CLEAN)": "!defined(PY_SSIZE_T_CLEAN)",
    "config-dependent": None,
}
CONDITION = re.compile(r"^!?defined\(\w+\)(\s*(\|\||&&)\s*!?defined\(\w+\))*$")


def version_hex(text, line):
    match = re.match(r"^3\.(\d+)(-dev)?$", text)
    if not match:
        sys.exit(f"{line}: error: release '{text}' is not 3.N")
    return int(match.group(1))


def header_names(folder):
    """Every identifier that the public headers of folder spell outside a
    comment (internal/ needs Py_BUILD_CORE, which no extension defines)."""
    names = set()
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "internal")
        for file in sorted(files):
            if file.endswith(".h"):
                with open(os.path.join(root, file), encoding="utf-8",
                          errors="replace") as f:
                    text = re.sub(r"/\*.*?\*/|//[^\n]*", " ", f.read(), flags=re.S)
                names.update(IDENTIFIER.findall(text))
    return names


def condition(row):
    """The row's old_condition as a preprocessor condition: "" for none,
    None when it cannot be written."""
    text = row["old_condition"].strip()
    if not text:
        return ""
    if text in CONDITION_SPELLINGS:
        return CONDITION_SPELLINGS[text]
    # "if defined(X) || defined(Y)": the #if of the header, with its keyword.
    text = re.sub(r"^if\s+", "", text)
    return text if CONDITION.match(text) else None


def declaration(row):
    """The C declaration of the row (without a final semicolon), or a string
    starting with "#" for a macro; None with the reason it cannot be
    written, as (None, reason)."""
    kind, name = row["kind"], row["name"]
    text = " ".join(row["old_signature"].split()).rstrip(";").strip()
    if kind in MACRO_KINDS:
        if not text.startswith("#define " + name) or "<" in text.split(name, 1)[1][:2] \
                or re.search(r"<[a-z ]+>|\(\.\.\.\)\s*$", text):
            return None, "its old_signature elides the definition"
        return text, None
    if kind in TYPE_KINDS:
        # An elided body ("struct _xid { ... }", "typedef struct {} X"): an
        # empty one, which is all a mock needs.
        text = re.sub(r"\{\s*(\.\.\.)?\s*\}", "{}", text)
        # An enum whose enumerators are elided: declared, incomplete.
        text = re.sub(r"^typedef enum\s*\{\}\s*(\w+)$", r"typedef enum \1 \1", text)
        return text, None
    if kind in FUNCTION_KINDS or kind in VARIABLE_KINDS:
        text = re.sub(r"^extern\s+", "", text)
        if not re.search(r"\b%s\b" % re.escape(name), text):
            return None, "its old_signature does not name it"
        # (name): a function-like macro of the same name does not expand.
        text = re.sub(r"\b%s\b" % re.escape(name), "(%s)" % name, text, count=1)
        if kind.startswith("static-inline-function"):
            if not text.startswith("static inline "):
                text = "static inline " + text
            return text, None
        return "extern " + text, None
    return None, f"nothing to declare for a {kind}"


def redeclarable(row, text):
    """Whether a second, identical declaration is valid C, so that declaring
    it on top of a release that has it checks the real one: a function, a
    variable or a typedef of a type, not a struct, union or enum body nor an
    enumerator (a macro is declared under #ifndef instead)."""
    if row["kind"] in TYPE_KINDS:
        return "{" not in text and not re.match(r"typedef enum (\w+) \1$", text)
    return row["kind"] not in MACRO_KINDS


QUALIFIERS = {"const", "volatile", "restrict", "struct", "union", "enum",
              "signed", "unsigned", "static", "inline", "extern", "typedef"}


def named_types(text, name):
    """The identifiers that text uses as types: every identifier but the
    declared name, the qualifiers, and a parameter's name (an identifier
    after a type or a '*', before ',', ')' or '[')."""
    tokens = re.findall(r"[A-Za-z_]\w*|\S", text)
    types = set()
    for i, token in enumerate(tokens):
        if not IDENTIFIER.fullmatch(token) or token == name or token in QUALIFIERS:
            continue
        before = tokens[i - 1] if i else ""
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if after in (",", ")", "[") and (
                before == "*" or (IDENTIFIER.fullmatch(before)
                                  and before not in QUALIFIERS)):
            continue
        types.add(token)
    return types


def release(folder):
    """The minor release of the headers in folder, from its patchlevel.h."""
    with open(os.path.join(folder, "patchlevel.h"), encoding="utf-8") as f:
        match = re.search(r"#\s*define\s+PY_MINOR_VERSION\s+(\d+)", f.read())
    if not match:
        sys.exit(f"gen_mock_headers.py: error: no PY_MINOR_VERSION in "
                 f"{folder}/patchlevel.h")
    return int(match.group(1))


def guard(row, line, text, base):
    """The #if under which the row is declared ("" for always), by the rule
    in the docstring. base: (the minor release of --real-headers, the names
    its headers spell, the names the table declares)."""
    minor, present, declared = base
    name = row["name"]
    if row["kind"] in MACRO_KINDS:
        return f"!defined({name})"
    removed = version_hex(row["removed_in"], line)
    since = f"PY_VERSION_HEX >= 0x03{removed:02X}0000"
    if row["restored_in"].strip():
        restored = version_hex(row["restored_in"].strip(), line)
        since = f"{since} && PY_VERSION_HEX < 0x03{restored:02X}0000"
    if name not in present:
        if not redeclarable(row, text):
            # Declared by some release between base and removed_in.
            return f"PY_VERSION_HEX < 0x03{minor + 1:02X}0000 || {since}"
        if named_types(text, name) <= present | declared:
            return ""
    elif not redeclarable(row, text):
        return since
    # Redeclared on top of the release that the row describes, and after.
    return f"PY_VERSION_HEX >= 0x03{removed - 1:02X}0000"


def ordered(entries):
    """entries [(name, text)] in their order, except that one naming
    another's name comes after it."""
    names = {name for name, _ in entries}
    done, result, pending = set(), [], list(entries)
    while pending:
        for index, (name, text) in enumerate(pending):
            needs = {n for n in IDENTIFIER.findall(text) if n in names} - {name}
            if needs <= done:
                break
        else:
            index = 0  # a cycle: keep the table's order
        name, text = pending.pop(index)
        done.add(name)
        result.append((name, text))
    return result


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        # Line 1 is the header: row i is on line i + 2.
        return [(f"{path}:{number}", row) for number, row in enumerate(
            csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE), start=2)]


def group(row):
    """The index of the row's kind in the header's order."""
    for index, kinds in enumerate((TYPE_KINDS, MACRO_KINDS, FUNCTION_KINDS,
                                   VARIABLE_KINDS)):
        if row["kind"] in kinds:
            return index
    raise ValueError(row["kind"])


def mock_header(rows, base, source_name):
    groups = [[], [], [], []]
    left_out = []
    for line, row in rows:
        name, kind = row["name"], row["kind"]
        if kind in UNDECLARABLE_KINDS:
            continue
        if row["old_condition"].strip() == LIMITED_ONLY:
            left_out.append((name, "removed from the Limited API only"))
            continue
        cond = condition(row)
        if cond is None:
            left_out.append((name, "its old_condition is not a preprocessor "
                                   "condition"))
            continue
        text, reason = declaration(row)
        if text is None:
            left_out.append((name, reason))
            continue
        tests = [t for t in (guard(row, line, text, base), cond) if t]
        lines = []
        if tests:
            lines.append("#if " + " && ".join(
                t if len(tests) == 1 else f"({t})" for t in tests))
        lines.append(text if text.startswith("#") else text + ";")
        if tests:
            lines.append("#endif")
        groups[group(row)].append((name, "\n".join(lines)))
    titles = ("Types, structs and enumerators", "Macros", "Functions", "Variables")
    out = [f"/* Generated by data/gen_mock_headers.py from {source_name}.",
           " * Do not edit: edit the data and rebuild. The removed names, to be",
           " * included after a real Python.h (see the generator for the rule).",
           " * C only: C++ would take a drifted function for an overload. */",
           "#ifndef PYMOCK_REMOVED_H", "#define PYMOCK_REMOVED_H", ""]
    for title, entries in zip(titles, groups):
        out.append(f"/* {title} */")
        out.extend(text for _, text in ordered(entries))
        out.append("")
    out.append("/* Left out:")
    out.extend(f" * {name}: {reason}" for name, reason in left_out)
    out.extend([" */", "#endif /* PYMOCK_REMOVED_H */", ""])
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("removed_tsv")
    parser.add_argument("--real-headers", required=True, metavar="DIR")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--output", metavar="HEADER")
    mode.add_argument("--list-missing", action="store_true")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.real_headers, "Python.h")):
        sys.exit(f"gen_mock_headers.py: error: no Python.h in {args.real_headers}")
    rows = read_rows(args.removed_tsv)
    present = header_names(args.real_headers)
    declared = {row["name"] for _, row in rows}
    base = (release(args.real_headers), present, declared)
    if args.list_missing:
        for line, row in rows:
            if row["name"] not in present and row["kind"] not in UNDECLARABLE_KINDS:
                print(row["name"])
        return
    write_if_changed(args.output, mock_header(
        rows, base, "data/" + os.path.basename(args.removed_tsv)))


if __name__ == "__main__":
    main()
