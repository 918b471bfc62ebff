#!/usr/bin/env python3
"""sanitized_lit.py REPORTS_DIR -- LIT_COMMAND...

Runs lit over a sanitized build (-DPYCAPI_SANITIZE; ctest's "asan" entry)
and fails if lit fails or if any sanitizer report was written.

lit.cfg.py points the sanitizers' log_path into REPORTS_DIR. A report goes
to a file rather than to stderr so that none goes unseen: a test that
expects a tool to fail (`not %clang_tidy ...`) would take a sanitizer's
exit for the failure it expects, and a report on stderr would vanish into
the test's own output checks."""
import glob
import os
import shutil
import subprocess
import sys


def main():
    separator = sys.argv.index("--")
    reports_dir = sys.argv[1]
    command = sys.argv[separator + 1:]
    # Reports of an earlier run are not this run's.
    shutil.rmtree(reports_dir, ignore_errors=True)
    os.makedirs(reports_dir)
    status = subprocess.call(command)
    reports = sorted(glob.glob(os.path.join(reports_dir, "*")))
    for report in reports:
        sys.stderr.write(f"=== sanitizer report {report}\n")
        with open(report, errors="replace") as f:
            sys.stderr.write(f.read())
    if reports:
        sys.stderr.write(f"sanitized_lit.py: {len(reports)} sanitizer "
                         f"report(s) in {reports_dir}\n")
        return 1
    return 1 if status else 0


if __name__ == "__main__":
    sys.exit(main())
