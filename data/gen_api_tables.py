#!/usr/bin/env python3
"""Generates C++ tables (and the symbol tables of the docs) from the CPython
API data in data/.

Usage: gen_api_tables.py REMOVED_TSV RESTORED_TSV OUT_DIR
       gen_api_tables.py --docs CHECK REMOVED_TSV RESTORED_TSV DOC_MD [--write]

The first form writes OUT_DIR/RemovedApiTable.inc: one PYCAPI_REMOVED_API(...)
row per removed symbol, for the X-macro in src/common/RemovedApi.cpp.  Names
that CPython restored before a final release are dropped, so no check can
report them, unless the row is a planned (announced) later removal.

The second form renders the table of the symbols that pycapi-CHECK reports and
compares it with the part of DOC_MD between the GENERATED markers: it exits
non-zero when they differ, or with --write replaces that part.
"""
import csv
import os
import re
import sys

from generated_file import write_if_changed

KINDS = {
    "function": "Function",
    "static-inline-function": "StaticInlineFunction",
    "macro": "Macro",
    "function-like-macro": "FunctionLikeMacro",
    "typedef": "Typedef",
    "struct": "Struct",
    "enumerator": "Enumerator",
    "variable": "Variable",
    "extern-variable": "Variable",
    "extern-function": "Function",
    "header": "Header",
    "struct-member": "StructMember",
}
CHECKS = {
    "removed-private-api": "CheckScope::Private",
    "removed-api": "CheckScope::Public",
    "removed-buffer-api": "CheckScope::Buffer",
}
REWRITES = {
    "rename": "Rename",
    "signature-change": "SignatureChange",
    "manual": "Manual",
    "no-replacement": "NoReplacement",
}


def fail(path, line, msg):
    sys.exit(f"{path}:{line}: error: {msg}")


# Values without a Python version: the replacement is always available.
ALWAYS_AVAILABLE = {"", "C library"}


def version_code(text, path, line):
    """'3.13' -> 313; '3.16-dev' -> 316; '3.9 (3.8 as ...)' -> 309 (the first
    version named is the one the replacement has under its documented name)."""
    text = text.strip()
    if text in ALWAYS_AVAILABLE:
        return 0
    match = re.match(r"(\d+)\.(\d+)", text)
    if not match:
        fail(path, line, f"bad version '{text}'")
    return int(match.group(1)) * 100 + int(match.group(2))


# old_condition of the rows removed from the limited C API only: the full API
# still declares them.
LIMITED_ONLY = "Py_LIMITED_API only"
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*$")
# A fix template: the new call, with $1..$N standing for the old arguments,
# or a parenthesized expression that starts with it (the new call adapted to
# the old result: `(NEW($1) < 0 ? NULL : Py_NewRef(Py_None))`).
TEMPLATE = re.compile(r"\(?([A-Za-z_][A-Za-z0-9_]*)\((.*)\)$")


def parameter_list(signature):
    """The parameters of a one-line C declaration or function-like #define,
    and whether a `...` ends them; None when it is not a call shape."""
    match = re.search(r"\((.*)\)\s*$", signature)
    if not match:
        return None
    params = [p.strip() for p in match.group(1).split(",")]
    if params in ([""], ["void"]):
        return [], False
    variadic = params[-1] == "..."
    return (params[:-1] if variadic else params), variadic


def parameter_count(signature):
    """Parameters of a one-line C declaration or function-like #define;
    None when it is not a call shape or is variadic."""
    listed = parameter_list(signature)
    if listed is None or listed[1]:
        return None
    return len(listed[0])


# A placeholder of a fix template (data/README.md): $N, $N:str, $N... and
# $N...:objargs.
PLACEHOLDER = re.compile(r"\$(\d+)((?:\.\.\.)?(?::[a-z]+)?)")
PLACEHOLDER_KINDS = ("", ":str", "...", "...:objargs")


def template_parameters(text):
    """The old arguments a template uses: {N, ...} for $1..$N."""
    return {int(n) for n in re.findall(r"\$(\d+)", text)}


# A check template: `FAILS => RAISE` (see data/README.md).
CHECK_TEMPLATE = re.compile(r"(.+?) => ([A-Za-z_][A-Za-z0-9_]*\(.*\))$")


def check_fix(row, path, line):
    """The fix column: a replacement identifier for rename rows, a template
    for mechanical signature changes, or empty (no automatic fix)."""
    fix = row["fix"]
    if not fix:
        return
    if row["rewrite_kind"] == "rename":
        if not IDENTIFIER.match(fix):
            fail(path, line, f"fix '{fix}' of a rename row is not an identifier")
        return
    if row["rewrite_kind"] != "signature-change":
        fail(path, line, f"a {row['rewrite_kind']} row cannot have a fix")
    kinds = row["kind"].split("+")
    if "variable" in kinds:
        # The expression that equals &NAME; it has no arguments.
        if "$" in fix or len(kinds) > 1:
            fail(path, line, f"fix '{fix}' of a variable row must be an "
                 "expression without placeholders (it stands for &NAME)")
        return
    signature = row["old_signature"]
    if IDENTIFIER.match(fix):
        # The whole call becomes this name: only for a macro that ignored
        # its arguments (Py_TRASHCAN_SAFE_END(op) -> Py_TRASHCAN_END).
        if kinds != ["function-like-macro"]:
            fail(path, line, f"fix '{fix}' drops the arguments of a call; only "
                 "a function-like-macro row can have that")
        return
    if CHECK_TEMPLATE.match(fix):
        count = parameter_count(signature)
        if count is None or template_parameters(fix) != set(range(1, count + 1)):
            fail(path, line, f"fix template '{fix}' must use $1..$N for the "
                 f"parameters of '{signature}'")
        return
    match = TEMPLATE.match(fix.replace("$function", "function"))
    if not match:
        fail(path, line, f"fix template '{fix}' is not NAME(ARGS) or "
             "'FAILS => RAISE(ARGS)'")
    listed = parameter_list(signature)
    if listed is None:
        fail(path, line, f"fix template '{fix}' needs a call signature, "
             f"not '{signature}'")
    params, variadic = listed
    used, tails = [], []
    for number, kind in PLACEHOLDER.findall(match.group(2)):
        n = int(number)
        if kind not in PLACEHOLDER_KINDS:
            fail(path, line, f"fix template '{fix}': unknown placeholder "
                 f"'${number}{kind}'")
        if kind.startswith("..."):
            tails.append(n)
            continue
        if kind == ":str" and (not 1 <= n <= len(params)
                               or "_Py_Identifier" not in params[n - 1]):
            fail(path, line, f"fix template '{fix}': ${n}:str needs a "
                 f"_Py_Identifier * parameter in '{signature}'")
        used.append(n)
    # An argument that fix_when pins to literal values may be dropped
    # (PyEval_CallObjectWithKeywords(f, a, NULL) -> PyObject_CallObject).
    pinned = FIX_WHEN.match(row["fix_when"])
    if pinned:
        used.append(int(pinned.group(1)))
    # $N... stands for the fixed parameters from N on and the variadic
    # arguments; a variadic function's template must pass those on.
    if tails and (not variadic or len(tails) > 1
                  or not 1 <= tails[0] <= len(params) + 1):
        fail(path, line, f"fix template '{fix}': $N... must be the one tail "
             f"of a variadic '{signature}'")
    if variadic and not tails:
        fail(path, line, f"fix template '{fix}' drops the variadic arguments "
             f"of '{signature}': use $N...")
    first_tail = tails[0] if tails else len(params) + 1
    if set(used) != set(range(1, first_tail)):
        fail(path, line, f"fix template '{fix}' must use $1..$N for the "
             f"parameters of '{signature}'")


def buffer_role(row, path, line):
    """What a removed-buffer-api row's function does, from its old
    signature: `obj` alone checks; `obj, &ptr, &len` gets the buffer for
    reading (`const void **`, `const char **`) or writing (`void **`)."""
    if row["check"] != "removed-buffer-api":
        return "None"
    listed = parameter_list(row["old_signature"])
    params = listed[0] if listed and not listed[1] else []
    if len(params) == 1:
        return "Check"
    if len(params) == 3:
        pointer = re.sub(r"\s+", " ", params[1])
        if re.match(r"const (void|char) \*\*", pointer):
            return "Read"
        if re.match(r"void \*\*", pointer):
            return "Write"
    fail(path, line, f"cannot tell what the buffer function "
         f"'{row['old_signature']}' does: expected (obj) or (obj, const void "
         f"**buffer, len) or (obj, void **buffer, len)")


FIX_WHEN = re.compile(r"\$(\d+) in( \S+)+$")
PAIRED_WITH = re.compile(r"paired with ([A-Za-z_][A-Za-z0-9_]*)$")


def check_fix_when(row, path, line, rows_by_name):
    """fix_when: `$N in V1 V2 ...`, on a row whose fix is a call template, or
    `paired with NAME`, on a row whose fix uses $function or drops the
    arguments, NAME being a row that is paired with it in turn."""
    when = row["fix_when"]
    if not when:
        return
    paired = PAIRED_WITH.match(when)
    if paired:
        other = rows_by_name.get(paired.group(1))
        if other is None or other["fix_when"] != "paired with " + row["name"]:
            fail(path, line, f"fix_when '{when}' needs a row {paired.group(1)} "
                 f"whose fix_when is 'paired with {row['name']}'")
        if not row["fix"]:
            fail(path, line, "fix_when needs a fix")
        return
    match = FIX_WHEN.match(when)
    if not match:
        fail(path, line, f"fix_when '{when}' is not '$N in VALUE...' or "
             "'paired with NAME'")
    if not TEMPLATE.match(row["fix"]):
        fail(path, line, "fix_when needs a fix that is a call template")
    count = parameter_count(row["old_signature"])
    if count is not None and not 1 <= int(match.group(1)) <= count:
        fail(path, line, f"fix_when '{when}' names no parameter of "
             f"'{row['old_signature']}'")


# What the data records about where a fact comes from, which never reaches
# the user (data/README.md): evidence labels, CPython's source paths and
# documents, issue numbers.
DATA_LABEL = re.compile(
    r"UNDOCUMENTED|\bcandidate\b|\b(?:gh|bpo)-\d+|whatsnew|Porting to Python"
    r"|\b(?:Doc|Misc|Objects|Python|Modules|Lib)/\w|\bNEWS\b|\bevidence\b"
    r"|\bverify\b", re.IGNORECASE)


def check_user_text(row, path, line):
    """The columns the user reads: the replacement (in the warning) and the
    advice (a note: plain sentences, no data labels)."""
    for column in ("replacement", "advice", "caveat"):
        label = DATA_LABEL.search(row[column])
        if label:
            fail(path, line, f"{column} '{row[column]}' has the data label "
                 f"'{label.group(0)}'; the user reads this column: say it "
                 f"in plain words, and keep where it comes from in notes")
    for column in ("advice", "caveat"):
        text = row[column]
        if text and not (text[0].isupper() and text.endswith(".")):
            fail(path, line, f"{column} '{text}' must be sentences: start "
                 f"with a capital letter and end with a period")


def note_text(text):
    """A sentence of the data as a clang-style note: no final period, and a
    lowercase first word unless it is a name (`No public function ...` ->
    `no public function ...`, `PyObject_Call ...` stays)."""
    if not text:
        return text
    text = text[:-1] if text.endswith(".") else text
    first = re.match(r"[A-Za-z]+", text)
    if first and first.group(0)[1:].islower() and \
            text[len(first.group(0)):len(first.group(0)) + 1] in (" ", ",", ":", ";"):
        text = text[0].lower() + text[1:]
    return text


def c_string(text):
    out = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + out + '"'


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        for line, row in enumerate(reader, start=2):
            yield line, row


BEGIN_MARK = "<!-- BEGIN GENERATED TABLE (data/gen_api_tables.py --docs) -->"
END_MARK = "<!-- END GENERATED TABLE -->"


def md_cell(text):
    return text.replace("|", "\\|").strip() or "-"


def what_to_do(row):
    """The reason the docs give for a row: its advice and caveat, or what
    the check says without them (RemovedApiFixes.cpp)."""
    if row["advice"] or row["caveat"]:
        return " ".join(t for t in (row["advice"], row["caveat"]) if t)
    if not row["replacement"]:
        return "Remove the use or reimplement it in the extension."
    if row["fix"]:
        return ""
    return "Use the replacement; review the call, it is not a drop-in substitute."


def docs_table(check, removed_path, restored_path):
    if check not in CHECKS:
        sys.exit(f"error: unknown check '{check}'")
    restored = {row["name"] for _, row in read_rows(restored_path)}
    out = ["| name | removed in | replacement | since | fix | what to do |",
           "| --- | --- | --- | --- | --- | --- |"]
    for _, row in read_rows(removed_path):
        if row["check"] != check or (row["name"] in restored
                                     and row["planned"] != "yes"):
            continue
        removed = row["removed_in"]
        if row["planned"] == "yes":
            removed += " (planned)"
        if row["restored_in"]:
            removed += f" (restored in {row['restored_in']})"
        if row["fix"]:
            fix = "rename" if row["rewrite_kind"] == "rename" else f"`{row['fix']}`"
        elif row["rewrite_kind"] == "no-replacement":
            fix = "none: no replacement"
        else:
            fix = "none: " + row["rewrite_kind"]
        replacement = row["replacement"]
        out.append("| `{}` | {} | {} | {} | {} | {} |".format(
            row["name"], removed, md_cell(replacement),
            md_cell(row["replacement_since"]) if replacement else "-", fix,
            md_cell(what_to_do(row))))
    return "\n".join(out) + "\n"


def docs_main(args):
    write = "--write" in args
    args = [a for a in args if a != "--write"]
    if len(args) != 4:
        sys.exit(__doc__)
    check, removed_path, restored_path, doc_path = args
    table = docs_table(check, removed_path, restored_path)
    text = open(doc_path, encoding="utf-8").read()
    begin, end = text.find(BEGIN_MARK), text.find(END_MARK)
    if begin < 0 or end < begin:
        sys.exit(f"{doc_path}: error: no generated-table markers")
    current = text[begin + len(BEGIN_MARK):end].strip("\n") + "\n"
    if current == table:
        return
    if not write:
        sys.exit(f"{doc_path}: error: the symbol table is out of date; run "
                 f"data/gen_api_tables.py --docs {check} ... {doc_path} --write")
    new = text[:begin + len(BEGIN_MARK)] + "\n" + table + text[end:]
    with open(doc_path, "w", encoding="utf-8") as f:
        f.write(new)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--docs":
        return docs_main(sys.argv[2:])
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    removed_path, restored_path, out_dir = sys.argv[1:]
    restored = {row["name"] for _, row in read_rows(restored_path)}

    rows = []
    rows_by_name = {row["name"]: row for _, row in read_rows(removed_path)}
    for line, row in read_rows(removed_path):
        name = row["name"]
        # A name restored before a final release is not removed; a planned
        # removal of it (3.20's _PyObject_GetAttrId) is.
        if name in restored and row["planned"] != "yes":
            continue
        kinds = row["kind"].split("+")
        if not all(k in KINDS for k in kinds):
            fail(removed_path, line, f"unknown kind '{row['kind']}'")
        if row["rewrite_kind"] not in REWRITES:
            fail(removed_path, line, f"unknown rewrite_kind '{row['rewrite_kind']}'")
        if row["check"] not in CHECKS:
            fail(removed_path, line, f"unknown check '{row['check']}'")
        check_fix(row, removed_path, line)
        check_fix_when(row, removed_path, line, rows_by_name)
        check_user_text(row, removed_path, line)
        if row["planned"] not in ("", "yes"):
            fail(removed_path, line, f"planned must be 'yes' or empty, not '{row['planned']}'")
        kind_mask = " | ".join(f"KindBit::{KINDS[k]}" for k in dict.fromkeys(kinds))
        rows.append(
            "PYCAPI_REMOVED_API({name}, {kinds}, {removed}, {priv}, {repl}, {since}, "
            "RewriteKind::{rewrite}, {compat}, {cond}, {notes}, {check}, {fix}, "
            "{restored}, {limited}, {fix_when}, {advice}, {planned}, {caveat}, "
            "BufferRole::{role})".format(
                name=c_string(name),
                kinds=kind_mask,
                removed=version_code(row["removed_in"], removed_path, line),
                priv="true" if row["was_private"] == "yes" else "false",
                repl=c_string(row["replacement"]),
                since=version_code(row["replacement_since"], removed_path, line),
                rewrite=REWRITES[row["rewrite_kind"]],
                compat="true" if row["compat_header_has_it"] == "yes" else "false",
                cond=c_string(row.get("old_condition", "") or ""),
                notes=c_string(row["notes"]),
                check=CHECKS[row["check"]],
                fix=c_string(row["fix"]),
                restored=version_code(row["restored_in"], removed_path, line),
                limited="true" if row["old_condition"] == LIMITED_ONLY else "false",
                fix_when=c_string(row["fix_when"]),
                advice=c_string(note_text(row["advice"])),
                caveat=c_string(note_text(row["caveat"])),
                planned="true" if row["planned"] == "yes" else "false",
                role=buffer_role(row, removed_path, line),
            )
        )

    text = (
        "// Generated by data/gen_api_tables.py from data/cpython-removed-api.tsv.\n"
        "// Do not edit: edit the data and rebuild.\n" + "\n".join(rows) + "\n"
    )
    write_if_changed(os.path.join(out_dir, "RemovedApiTable.inc"), text)


if __name__ == "__main__":
    main()
