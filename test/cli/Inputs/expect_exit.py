"""expect_exit.py CODE OUTFILE [ERRFILE] -- CMD...: runs CMD, writes its
stdout+stderr to OUTFILE (or stdout to OUTFILE and stderr to ERRFILE), and
fails unless CMD exited with CODE (a crash is never accepted)."""
import subprocess
import sys

separator = sys.argv.index("--")
code, out_path = int(sys.argv[1]), sys.argv[2]
err_path = sys.argv[3] if separator > 3 else None
cmd = sys.argv[separator + 1:]
result = subprocess.run(cmd, stdout=subprocess.PIPE,
                        stderr=subprocess.PIPE if err_path else subprocess.STDOUT)
with open(out_path, "wb") as f:
    f.write(result.stdout)
if err_path:
    with open(err_path, "wb") as f:
        f.write(result.stderr)
if result.returncode != code:
    sys.stderr.write(result.stdout.decode(errors="replace"))
    if err_path:
        sys.stderr.write(result.stderr.decode(errors="replace"))
    sys.exit(f"expected exit {code}, got {result.returncode}: {' '.join(cmd)}")
