#!/usr/bin/env python3
"""compiler_fixes.py json|sarif REPORT [--held-back]: fails unless the report
offers no fix for a compiler diagnostic (clang-diagnostic-*) and offers one,
applicable (JSON), for at least one pycapi finding; prints what is wrong.
With --held-back (a run without --fix-errors, where --fix writes nothing):
fails unless no fix at all applies (SARIF: no result has fixes)."""
import json
import sys


def main(kind, path, mode=None):
    with open(path) as f:
        report = json.load(f)
    if kind == "json":
        findings = [(f["check"], f["fixable"] or bool(f["fixes"]),
                     all(fix["applicable"] for fix in f["fixes"]))
                    for f in report["findings"]]
    else:
        findings = [(r["ruleId"], bool(r.get("fixes")), True)
                    for r in report["runs"][0]["results"]]
    problems = [f"{check} offers a fix" for check, fixed, _ in findings
                if check.startswith("clang-diagnostic-") and fixed]
    if not any(check.startswith("clang-diagnostic-") for check, _, _ in findings):
        problems.append("no compiler diagnostic in the report")
    applies = [check for check, fixed, applicable in findings
               if check.startswith("pycapi-") and fixed and applicable]
    if mode == "--held-back":
        problems += [f"{check} offers a fix that applies" for check in applies]
        if not any(fixed for check, fixed, _ in findings if kind == "json"
                   and check.startswith("pycapi-")) and kind == "json":
            problems.append("no pycapi finding with a fix")
    elif not applies:
        problems.append("no pycapi finding with a fix that applies")
    for problem in problems:
        print(f"{path}: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
