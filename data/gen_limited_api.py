#!/usr/bin/env python3
"""Generates the Limited API table from the admission table the real headers
give and from CPython's Stable ABI manifests.

Usage: gen_limited_api.py ADMISSION_TSV MANIFEST_3_13_TOML MANIFEST_3_14_TSV
                          MANIFEST_3_15_TSV API_NAMES_TSV ALTERNATIVES_TSV
                          OUT_DIR

Writes OUT_DIR/LimitedApiTable.inc for the X-macros in
src/common/LimitedApi.cpp: first PYCAPI_LIMITED_API_HEADERS(First, Last),
the targets (major * 100 + minor) the admission table decides, then one
PYCAPI_LIMITED_API(...) row per name,

  PYCAPI_LIMITED_API(Name, Kind, AdmittedMask, Added, RemovedIn, Alternative)

- AdmittedMask: bit N set when target First + N admits the name, for the
  targets First..Last;
- Added: the first target that admits it, within First..Last or, for a name
  of a later manifest, that release; 0 when no target does (abi_only items,
  names of the full C API);
- RemovedIn: for a target above Last, the release whose manifest made it
  abi_only, or 0;
- Alternative: a Limited API name that does the same job, or "".

and one PYCAPI_LIMITED_STRUCT(Name, Opaque, Members, ObjectAlternative,
MemberAlternative) row per struct of the 3.13 manifest whose struct_abi_kind
is 'opaque' (no member, no object of it: only pointers) or 'members' (only the
listed members, comma-separated). The alternatives come from rows
'struct NAME' (what replaces defining an object of it) and 'NAME.*' (what
replaces reading its other members) of the alternatives file; a row
'NAME.MEMBER' (what replaces reading that member) becomes a
PYCAPI_LIMITED_API row of that name, kind "member", never admitted.

Sources, in order (a name keeps its first row; later manifests only add names
or mark them abi_only):
  1. the admission table (limited-api-admission.tsv, made by
     derive_limited_api.py from the real 3.13 headers): what each target
     3.2..3.13 accepts. The headers decide, not the manifest: they offer
     Py_NewRef at every target and METH_METHOD only from 3.9;
  2. the real 3.13 manifest (Misc/stable_abi.toml), feature macros skipped:
     the structs' layouts, and the names this platform's headers never
     declare (MS_WINDOWS functions), admitted from their 'added';
  3. the reconstructed 3.14 and 3.15 manifests (see data/README.md), for the
     targets above 3.13: their new names, and what they made abi_only (they
     also list names the 3.13 headers offer at every target, e.g. Py_TYPE,
     as new exported functions: the first row wins);
  4. the rest of the full C API, never admitted;
  5. hand-curated alternatives, which must themselves be in the Limited API.

It fails the build, with file and line, on a row it cannot read. It rewrites
the output only when its content changes, so an unchanged table recompiles
nothing.
"""
import csv
import os
import re
import sys

from generated_file import write_if_changed

try:
    import tomllib
except ImportError:  # Python < 3.11
    sys.exit("gen_limited_api.py: error: needs Python 3.11 or later (tomllib)")

MANIFEST_KINDS = {"function", "macro", "const", "data", "struct", "typedef"}


def fail(path, line, msg):
    sys.exit(f"{path}:{line}: error: {msg}")


def version_code(text, path, line):
    match = re.fullmatch(r"3\.(\d+)", text.strip())
    if not match or not 2 <= int(match.group(1)) <= 99:
        fail(path, line, f"bad version '{text}'")
    return 300 + int(match.group(1))


def read_tsv(path):
    """Rows of a TSV whose first lines may be '#' comments, with their line
    numbers."""
    with open(path, newline="", encoding="utf-8") as f:
        lines = f.read().splitlines()
    skip = 0
    while skip < len(lines) and lines[skip].startswith("#"):
        skip += 1
    reader = csv.DictReader(lines[skip:], delimiter="\t", quoting=csv.QUOTE_NONE)
    for offset, row in enumerate(reader, start=skip + 2):
        if None in row or any(v is None for v in row.values()):
            fail(path, offset, "wrong number of columns")
        yield offset, row


def c_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Struct:
    def __init__(self, opaque, members):
        self.opaque, self.members = opaque, members
        self.object_alternative = self.member_alternative = ""


class Entry:
    def __init__(self, kind, added, removed=0, mask=0):
        self.kind, self.added, self.removed, self.alternative = kind, added, removed, ""
        self.mask = mask


def read_admission(path, table):
    """The admission table; returns the targets it decides, (first, last)."""
    targets = None
    for line, row in read_tsv(path):
        if targets is None:
            columns = [c for c in row if c not in ("name", "kind")]
            targets = [version_code(c, path, 1) for c in columns]
            if not targets or targets != list(range(302, 302 + len(targets))):
                fail(path, 1, "the target columns must be 3.2, 3.3, ... in order")
        if row["kind"] not in MANIFEST_KINDS:
            fail(path, line, f"unknown kind '{row['kind']}'")
        mask, added = 0, 0
        for bit, target in enumerate(targets):
            cell = row[formatted(target)]
            if cell not in ("y", "-"):
                fail(path, line, f"bad cell '{cell}' (y or -)")
            if cell == "y":
                mask |= 1 << bit
                added = added or target
        table[row["name"]] = Entry(row["kind"], added, mask=mask)
    if targets is None:
        fail(path, 1, "no rows")
    return targets[0], targets[-1]


def formatted(version):
    return f"{version // 100}.{version % 100}"


def read_toml_manifest(path, table, structs, headers):
    with open(path, "rb") as f:
        try:
            manifest = tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            fail(path, 0, str(e))
    for kind, items in manifest.items():
        if kind == "feature_macro":
            continue
        if kind not in MANIFEST_KINDS:
            fail(path, 0, f"unknown item kind '{kind}'")
        for name, item in items.items():
            if "added" not in item:
                fail(path, 0, f"{kind}.{name} has no 'added'")
            added = version_code(item["added"], path, 0)
            if name not in table:
                # Not declared by this platform's headers: the manifest says.
                first, last = headers
                added = 0 if item.get("abi_only") else added
                mask = 0
                for target in range(max(added, first), last + 1) if added else ():
                    mask |= 1 << (target - first)
                table[name] = Entry(kind, added, mask=mask)
            layout = item.get("struct_abi_kind")
            if layout in ("opaque", "members"):
                structs[name] = Struct(layout == "opaque", item.get("members", []))
            elif kind == "struct" and layout not in ("full-abi", None):
                fail(path, 0, f"{name}: unknown struct_abi_kind '{layout}'")


def read_derived_manifest(path, table, release):
    for line, row in read_tsv(path):
        name, kind = row["name"], row["kind"]
        if kind == "feature_macro":
            continue
        if kind not in MANIFEST_KINDS:
            fail(path, line, f"unknown kind '{kind}'")
        abi_only = row["abi_only"].strip() == "yes"
        if row["abi_only"].strip() not in ("", "yes"):
            fail(path, line, f"bad abi_only '{row['abi_only']}'")
        added = version_code(row["added"], path, line)
        entry = table.get(name)
        if entry is None:
            table[name] = Entry(kind, 0 if abi_only else added)
        elif abi_only and entry.added and not entry.removed:
            entry.removed = release


def read_alternatives(path, table, structs):
    """The hand-curated alternatives: rows NAME (a name outside the Limited
    API), 'struct NAME' (what replaces defining an object of that struct),
    'NAME.MEMBER' (what replaces reading that member) and 'NAME.*' (what
    replaces reading any other member). A member's row becomes a table row
    of its own, named NAME.MEMBER, kind 'member', never admitted: the check
    reports a member with the alternative of that row, and the report groups
    it like any name."""
    for line, row in read_tsv(path):
        name, alternative = row["name"], row["alternative"]
        target = table.get(alternative)
        if target is None or not target.added or target.removed:
            fail(path, line, f"alternative '{alternative}' is not in the Limited API")
        is_object = name.startswith("struct ")
        struct_name, _, member = name.partition(".")
        if is_object:
            struct_name = name[len("struct "):]
        if is_object or member:
            struct = structs.get(struct_name)
            if struct is None:
                fail(path, line, f"'{struct_name}' is not an opaque or "
                     "members struct of the manifest")
            if is_object:
                struct.object_alternative = alternative
            elif member == "*":
                struct.member_alternative = alternative
            else:
                add_member_alternative(path, line, table, struct, name,
                                       member, alternative)
            continue
        entry = table.setdefault(name, Entry("function", 0))
        if entry.added:
            fail(path, line, f"'{name}' is in the Limited API already")
        entry.alternative = alternative


def add_member_alternative(path, line, table, struct, name, member,
                           alternative):
    if not struct.opaque and member in struct.members:
        fail(path, line, f"'{name}' is in the Limited API already")
    if name in table:
        fail(path, line, f"'{name}' is listed twice")
    # PyType_GetSlot reads a member only through its slot ID (Py_tp_free for
    # tp_free; the sub-tables tp_as_* through the IDs of their members), and
    # some members have none in 3.13 (tp_name; Py_tp_basicsize is a 3.15 ID
    # for creating types): the 3.13 headers must define the slot ID.
    if alternative == "PyType_GetSlot" and not member.startswith("tp_as_"):
        slot = table.get("Py_" + member)
        if slot is None or not slot.added or slot.added > 313:
            fail(path, line, f"'{name}' has no slot ID (Py_{member}) for "
                 "PyType_GetSlot")
    entry = Entry("member", 0)
    entry.alternative = alternative
    table[name] = entry


def main():
    if len(sys.argv) != 8:
        sys.exit(__doc__)
    (admission, toml_313, tsv_314, tsv_315, api_names, alternatives,
     out_dir) = sys.argv[1:]

    table, structs = {}, {}
    headers = read_admission(admission, table)
    read_toml_manifest(toml_313, table, structs, headers)
    read_derived_manifest(tsv_314, table, 314)
    read_derived_manifest(tsv_315, table, 315)
    for line, row in read_tsv(api_names):
        if row["name"] not in table:
            table[row["name"]] = Entry(row["kind"], 0)
    read_alternatives(alternatives, table, structs)

    rows = [f"PYCAPI_LIMITED_API_HEADERS({headers[0]}, {headers[1]})\n"]
    rows += [f"PYCAPI_LIMITED_API({c_string(name)}, {c_string(e.kind)}, "
             f"{e.mask:#x}, {e.added}, {e.removed}, {c_string(e.alternative)})\n"
             for name, e in sorted(table.items())]
    rows += [f"PYCAPI_LIMITED_STRUCT({c_string(name)}, "
             f"{'true' if st.opaque else 'false'}, {c_string(','.join(st.members))}, "
             f"{c_string(st.object_alternative)}, {c_string(st.member_alternative)})\n"
             for name, st in sorted(structs.items())]
    text = ("// Generated by data/gen_limited_api.py from the admission table "
            "and the Stable ABI manifests in data/. Do not edit.\n"
            + "".join(rows))
    write_if_changed(os.path.join(out_dir, "LimitedApiTable.inc"), text)


if __name__ == "__main__":
    main()
