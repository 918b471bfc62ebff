#!/usr/bin/env python3
"""Generates the mock header of the removed names, for the tests, from
data/cpython-removed-api.tsv.

Usage: gen_mock_headers.py --real-headers DIR REMOVED_TSV --output HEADER

Writes HEADER, to be included after a real `Python.h` of DIR's release or a
newer one (the tests include it after Debian's 3.11 and the real 3.13). It
declares each row's `old_signature`, under the row's `old_condition`, kind
by kind: typedefs, structs and enumerators first, then macros, functions
and variables, so that each declaration finds the types it names. Within a
kind, a declaration that names another comes after it.

Which rows it declares on top of which release (the rule):

- a macro: under `#ifndef`, whatever the release (a macro's value may
  depend on the platform, as `Py_C_RECURSION_LIMIT`'s does, and its drift
  is no type conflict);
- a row whose name DIR's public headers never spell: the names that DIR's
  release lacks, i.e. that only the next release had (for 3.11, the
  "3.12-only" names) or that a release after DIR's added and a later one
  removed. The table has no column saying which release added a name, so
  only the headers can tell, and the generator reads DIR, the oldest
  release the tests use (the build passes the folder that test/lit.cfg.py
  uses). A function, variable or typedef is declared on top of every
  release: one that has it gets a second declaration, and C reports any
  difference (a drifted row). A struct or enum body, which C cannot
  declare twice, only on top of DIR's release and from `removed_in` on. A
  declaration that names something neither DIR's headers nor the table
  declare (`atexit_datacallbackfunc`, a type that 3.12 added) waits for
  the release that the row records, the one before `removed_in`;
- a row that DIR's headers declare: from `removed_in` on (below
  `restored_in`), so that after 3.13 the mock declares what 3.13 removed
  and the 3.12-only declarations find their types; a function, variable or
  typedef also on top of the release the row records, the one before
  `removed_in`, as a second declaration that C checks. Never on top of
  DIR's own release when that is older: its declaration may differ for good
  reason (3.12 changed `_PyImport_AcquireLock`'s parameters).

Rows that cannot be declared are listed at the end of HEADER with the
reason: headers and struct members (nothing to declare), rows removed from
the Limited API only (the full API still declares them), rows whose
old_condition is not a preprocessor condition (`config-dependent`), and
macros whose old_signature elides the definition (`<platform value>`).
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
KIND_GROUPS = (TYPE_KINDS, MACRO_KINDS, FUNCTION_KINDS, VARIABLE_KINDS)
GROUP_TITLES = ("Types, structs and enumerators", "Macros", "Functions",
                "Variables")
# Kinds with nothing to declare: a header file, a member of a struct that the
# real headers define.
UNDECLARABLE_KINDS = ("header", "struct-member")
# old_condition of the rows removed from the Limited API only (see
# gen_api_tables.py): the full API still declares them.
LIMITED_ONLY = "Py_LIMITED_API only"
# The old_condition values that are not preprocessor conditions, and the
# condition each stands for; None: it depends on the platform's
# configuration, which no condition names.
CONDITION_SPELLINGS = {
    "config-dependent: NOT(ifdef PY_SSIZE_T_CLEAN)": "!defined(PY_SSIZE_T_CLEAN)",
    "config-dependent": None,
}
CONDITION = re.compile(r"^!?defined\(\w+\)(\s*(\|\||&&)\s*!?defined\(\w+\))*$")
# Words of a declaration that are not types.
QUALIFIERS = {"const", "volatile", "restrict", "struct", "union", "enum",
              "signed", "unsigned", "static", "inline", "extern", "typedef"}


class Base:
    """The real headers the mock goes on top of: their minor release and
    every identifier their public headers spell outside a comment
    (internal/ needs Py_BUILD_CORE, which no extension defines)."""

    def __init__(self, folder):
        self.names = set()
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "internal")
            for file in sorted(files):
                if file.endswith(".h"):
                    with open(os.path.join(root, file), encoding="utf-8",
                              errors="replace") as f:
                        text = re.sub(r"/\*.*?\*/|//[^\n]*", " ", f.read(),
                                      flags=re.S)
                    self.names.update(IDENTIFIER.findall(text))
        with open(os.path.join(folder, "patchlevel.h"), encoding="utf-8") as f:
            match = re.search(r"#\s*define\s+PY_MINOR_VERSION\s+(\d+)", f.read())
        self.minor = int(match.group(1))


def minor_release(text, line):
    match = re.fullmatch(r"3\.(\d+)(-dev)?", text.strip())
    if not match:
        sys.exit(f"{line}: error: release '{text}' is not 3.N")
    return int(match.group(1))


def version_test(operator, minor):
    return f"PY_VERSION_HEX {operator} 0x03{minor:02X}0000"


def condition(row):
    """The row's old_condition as a preprocessor condition: "" for none,
    None when none can be written."""
    text = row["old_condition"].strip()
    if not text:
        return ""
    if text in CONDITION_SPELLINGS:
        return CONDITION_SPELLINGS[text]
    # "if defined(X) || defined(Y)": the header's #if, with its keyword.
    text = re.sub(r"^if\s+", "", text)
    return text if CONDITION.match(text) else None


def declaration(row):
    """(the row's C declaration or #define, None), or (None, why there is
    none)."""
    kind, name = row["kind"], row["name"]
    text = " ".join(row["old_signature"].split()).rstrip(";").strip()
    if kind in MACRO_KINDS:
        if re.search(r"<[a-z ]+>", text) or not text.startswith("#define " + name):
            return None, "its old_signature elides the definition"
        return text, None
    if kind in TYPE_KINDS:
        # An elided body ("struct _xid { ... }", "typedef struct {} X"): an
        # empty one, which is all a mock needs.
        text = re.sub(r"\{\s*(\.\.\.)?\s*\}", "{}", text)
        # An enum without its enumerators: declared, incomplete.
        text = re.sub(r"^typedef enum\s*\{\}\s*(\w+)$", r"typedef enum \1 \1", text)
        return text, None
    text = re.sub(r"^extern\s+", "", text)
    if not re.search(r"\b%s\b" % re.escape(name), text):
        return None, "its old_signature does not name it"
    # (name): a function-like macro of the same name does not expand.
    text = re.sub(r"\b%s\b" % re.escape(name), "(%s)" % name, text, count=1)
    if kind.startswith("static-inline-function"):
        return re.sub(r"^(static inline )?", "static inline ", text), None
    return "extern " + text, None


def redeclarable(row, text):
    """Whether C accepts a second, identical declaration, so that one on top
    of a release that has it checks the real one: a function, a variable or
    a typedef of a type; not a struct, union or enum body nor an enumerator,
    nor a macro (declared under #ifndef)."""
    if row["kind"] in TYPE_KINDS:
        return "{" not in text and not re.fullmatch(r"typedef enum (\w+) \1", text)
    return row["kind"] not in MACRO_KINDS


def named_types(text, name):
    """The identifiers that a declaration needs declared (types, and macros
    in an array's size): all but the declared name, the qualifiers and a
    parameter's name (an identifier after a type or a '*', before ',', ')'
    or '[')."""
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


def guard(row, line, text, base, table_names):
    """The #if condition under which the row is declared ("" for always), by
    the rule in the docstring."""
    name = row["name"]
    if row["kind"] in MACRO_KINDS:
        return f"!defined({name})"
    removed = minor_release(row["removed_in"], line)
    gone = version_test(">=", removed)
    if row["restored_in"].strip():
        gone += " && " + version_test("<", minor_release(row["restored_in"], line))
    if name not in base.names:
        if not redeclarable(row, text):
            return version_test("<", base.minor + 1) + " || " + gone
        if named_types(text, name) <= base.names | table_names:
            return ""
    elif not redeclarable(row, text):
        return gone
    return version_test(">=", removed - 1)


def ordered(entries):
    """entries [(name, text)] in their order, except that one naming
    another's name comes after it."""
    names = {name for name, _ in entries}
    done, result, pending = set(), [], list(entries)
    while pending:
        for index, (name, text) in enumerate(pending):
            if {n for n in IDENTIFIER.findall(text) if n in names} - {name} <= done:
                break
        else:
            index = 0  # a cycle: the table's order
        name, text = pending.pop(index)
        done.add(name)
        result.append((name, text))
    return result


def read_rows(path):
    """[(where, row)]: where is "path:line" for error messages."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        # Line 1 is the column names.
        return [(f"{path}:{number}", row) for number, row in enumerate(reader, start=2)]


def mock_declarations(rows, base):
    """The header's declarations and what it leaves out: ([(group, name,
    declaration, #if conditions)], [(name, reason)])."""
    table_names = {row["name"] for _, row in rows}
    declared, left_out = [], []
    for line, row in rows:
        name, kind = row["name"], row["kind"]
        if kind in UNDECLARABLE_KINDS:
            continue
        group = next((index for index, kinds in enumerate(KIND_GROUPS)
                      if kind in kinds), None)
        if group is None:
            sys.exit(f"{line}: error: unknown kind '{kind}'")
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
        tests = [t for t in (guard(row, line, text, base, table_names), cond) if t]
        declared.append((group, name, text, tests))
    return declared, left_out


def mock_header(rows, base, source_name):
    declared, left_out = mock_declarations(rows, base)
    out = [f"/* Generated by data/gen_mock_headers.py from {source_name}.",
           " * Do not edit: edit the data and rebuild. The removed names, to be",
           " * included after a real Python.h (the generator says which and",
           " * when). C only: C++ would take a drifted function for an",
           " * overload. */",
           "#ifndef PYMOCK_REMOVED_H", "#define PYMOCK_REMOVED_H", ""]
    for group, title in enumerate(GROUP_TITLES):
        entries = []
        for _, name, text, tests in (d for d in declared if d[0] == group):
            lines = [text if text.startswith("#") else text + ";"]
            if tests:
                lines = ["#if " + " && ".join(
                    t if len(tests) == 1 else f"({t})" for t in tests),
                    *lines, "#endif"]
            entries.append((name, "\n".join(lines)))
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
    parser.add_argument("--real-headers", required=True, metavar="DIR")
    parser.add_argument("removed_tsv")
    parser.add_argument("--output", required=True, metavar="HEADER")
    args = parser.parse_args()
    for file in ("Python.h", "patchlevel.h"):
        if not os.path.isfile(os.path.join(args.real_headers, file)):
            sys.exit(f"gen_mock_headers.py: error: no {file} in {args.real_headers}")
    rows = read_rows(args.removed_tsv)
    write_if_changed(args.output, mock_header(
        rows, Base(args.real_headers), "data/" + os.path.basename(args.removed_tsv)))


if __name__ == "__main__":
    main()
