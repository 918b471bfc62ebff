#!/usr/bin/env python3
"""Writes the lists of reasons of docs/checks/removed-buffer-api.md from
checks/buffer/BufferReasons.def, the table the check's notes come from.

Usage: gen_buffer_reasons_doc.py REASONS_DEF DOC_MD [--write]

Renders the UNFIXABLE and the FALLBACK entries, and compares each list with
the part of DOC_MD between its GENERATED markers: exits non-zero when they
differ, or with --write replaces those parts.
"""
import re
import sys

MACROS = ("UNFIXABLE", "FALLBACK")
# The fallback reasons by rank, strongest first (FallbackRank in
# BufferReasons.h): when several apply, the note gives the strongest.
RANKS = [
    ("Escape", "The pointer escapes:"),
    ("MayKeep", "A callee may keep it (named only when a reason of control "
                "flow below applies as well, instead of that reason):"),
    ("ControlFlow", "The control flow is beyond the analysis:"),
]
TOKEN = re.compile(r'\s+|//[^\n]*|/\*.*?\*/|"((?:[^"\\\n]|\\.)*)"'
                   r'|([A-Za-z_][A-Za-z0-9_]*)|([(),])', re.S)


def fail(path, msg):
    sys.exit(f"{path}: error: {msg}")


def tokens(text, path):
    pos = 0
    while pos < len(text):
        match = TOKEN.match(text, pos)
        if not match:
            fail(path, f"cannot read the text at offset {pos}: "
                 f"{text[pos:pos + 20]!r}")
        pos = match.end()
        string, name, punct = match.groups()
        if string is not None:
            yield ("string", string.encode().decode("unicode_escape"))
        elif name is not None:
            yield ("name", name)
        elif punct is not None:
            yield ("punct", punct)


def read_reasons(path):
    """[(macro, [fields])]: a field is a name or the concatenation of
    adjacent string literals."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    # Only the entries: the default definitions and #undef lines are
    # preprocessor lines.
    text = "\n".join(line for line in text.split("\n")
                     if not line.lstrip().startswith("#"))
    entries, stream = [], list(tokens(text, path))
    i = 0
    while i < len(stream):
        kind, value = stream[i]
        if kind != "name" or value not in MACROS or \
                stream[i + 1:i + 2] != [("punct", "(")]:
            fail(path, f"expected UNFIXABLE(...) or FALLBACK(...), not "
                 f"'{value}'")
        i += 2
        fields, current = [], None
        while True:
            kind, token = stream[i]
            i += 1
            if kind == "string":
                current = (current or "") + token
            elif kind == "name" and current is None:
                current = token
            elif kind == "punct" and token in ",)":
                fields.append(current)
                current = None
                if token == ")":
                    break
            else:
                fail(path, f"unexpected '{token}' in {value}(...)")
        want = 3 if value == "UNFIXABLE" else 4
        if len(fields) != want or None in fields:
            fail(path, f"{value}({fields[0] if fields else ''}...) needs "
                 f"{want} fields")
        entries.append((value, fields))
    return entries


def shown(text):
    """A note text as the docs show it: %0 is the name the note gives."""
    return "`" + text.replace("%0", "NAME") + "`"


def unfixable_list(entries):
    return "".join(f"- {shown(text)}: {doc}\n"
                   for macro, (name, text, doc) in
                   ((m, f) for m, f in entries if m == "UNFIXABLE"))


def fallback_list(entries, path):
    fallbacks = [fields for macro, fields in entries if macro == "FALLBACK"]
    known = {rank for rank, _ in RANKS}
    for name, rank, _, _ in fallbacks:
        if rank not in known:
            fail(path, f"FALLBACK({name}, ...): unknown rank '{rank}'")
    out = []
    for rank, title in RANKS:
        items = [f"- {shown(text)}: {doc}\n"
                 for _, r, text, doc in fallbacks if r == rank]
        if items:
            out.append(title + "\n\n" + "".join(items))
    return "\n".join(out)


def markers(kind):
    return (f"<!-- BEGIN GENERATED {kind} REASONS "
            f"(data/gen_buffer_reasons_doc.py) -->",
            f"<!-- END GENERATED {kind} REASONS -->")


def main(args):
    write = "--write" in args
    args = [a for a in args if a != "--write"]
    if len(args) != 2:
        sys.exit(__doc__)
    def_path, doc_path = args
    entries = read_reasons(def_path)
    lists = {"UNFIXABLE": unfixable_list(entries),
             "FALLBACK": fallback_list(entries, def_path)}
    with open(doc_path, encoding="utf-8") as f:
        text = f.read()
    stale = []
    for kind, body in lists.items():
        begin_mark, end_mark = markers(kind)
        begin, end = text.find(begin_mark), text.find(end_mark)
        if begin < 0 or end < begin:
            fail(doc_path, f"no {kind} reasons markers")
        current = text[begin + len(begin_mark):end].strip("\n") + "\n"
        if current == body:
            continue
        stale.append(kind)
        text = text[:begin + len(begin_mark)] + "\n" + body + text[end:]
    if not stale:
        return
    if not write:
        fail(doc_path, f"the lists of reasons ({', '.join(stale)}) are out "
             f"of date; run data/gen_buffer_reasons_doc.py {def_path} "
             f"{doc_path} --write")
    with open(doc_path, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
