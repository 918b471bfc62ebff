#!/usr/bin/env python3
"""The generated macro test: the check's verdict against the compiler's.

Usage: compare_macro_verdicts.py CLI USES_DIR -- COMPILER_FLAGS

USES_DIR holds what `data/derive_limited_api.py --uses USES_DIR` wrote: one
file per Py_LIMITED_API target (uses-3.N.c, a use of every macro of the
headers per line) and compiler-verdicts.tsv (per line, whether clang rejects
it and for which hidden names). This runs pycapi-limited-api on every file
and counts, per target, the lines where the check and the compiler disagree:
a line the compiler rejects that the check does not report (missed), or one
it accepts that the check reports (false positive). Prints one line per
target and each disagreement; exits 1 when there is any.
"""
import collections
import csv
import json
import os
import subprocess
import sys


def main():
    argv = sys.argv[1:]
    if "--" not in argv or argv.index("--") != 2:
        sys.exit(__doc__)
    cli, uses_dir, flags = argv[0], argv[1], argv[3:]
    compiler = collections.defaultdict(dict)  # target -> line -> (macro, hidden)
    with open(os.path.join(uses_dir, "compiler-verdicts.tsv"),
              encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            compiler[row["target"]][int(row["line"])] = (
                row["macro"], row["hidden"] if row["compiler"] == "rejects" else "")
    files = {f"uses-{target}.c": target for target in compiler}
    # -ferror-limit=0: at clang's default of 20 errors the parse stops, and
    # the check would see nothing of the rest of the file.
    result = subprocess.run(
        [cli, "--checks=-*,pycapi-limited-api", "-q", "-j2", "--format", "json",
         "--root", uses_dir]
        + [os.path.join(uses_dir, name) for name in sorted(files)]
        + ["--", *flags, "-Werror=implicit-function-declaration",
           "-ferror-limit=0"],
        capture_output=True, text=True)
    try:
        findings = json.loads(result.stdout)["findings"]
    except (ValueError, KeyError):
        sys.exit(f"compare_macro_verdicts.py: error: {cli} gave no JSON report "
                 f"(exit {result.returncode}):\n{result.stderr}")
    reported = collections.defaultdict(dict)  # target -> line -> message
    for finding in findings:
        target = files.get(os.path.basename(finding["file"]))
        if finding["check"] != "pycapi-limited-api" or target is None:
            continue
        macro = compiler[target].get(finding["line"], ("",))[0]
        # A finding about the macro the line uses, not about a placeholder.
        if macro and finding["message"].startswith(f"'{macro}'"):
            reported[target][finding["line"]] = finding["message"]

    total = 0
    for target in sorted(compiler, key=lambda v: int(v.split(".")[1])):
        missed, false_positives, rejected = [], [], 0
        for line, (macro, hidden) in sorted(compiler[target].items()):
            rejected += bool(hidden)
            message = reported[target].get(line)
            if hidden and not message:
                missed.append(f"{target}: missed {macro} (the compiler rejects "
                              f"it for {hidden})")
            elif message and not hidden:
                false_positives.append(f"{target}: false positive {macro}: "
                                       f"{message}")
        count = len(missed) + len(false_positives)
        total += count
        print(f"{target}: {count} disagreements ({len(missed)} missed, "
              f"{len(false_positives)} false positives) in "
              f"{len(compiler[target])} macro uses, {rejected} rejected by the "
              f"compiler")
        for line in missed + false_positives:
            print("  " + line)
    print(f"total: {total} disagreements")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
