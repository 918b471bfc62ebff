"""expect_exit.py CODE OUTFILE -- CMD...: runs CMD, writes its stdout+stderr to
OUTFILE, and fails unless CMD exited with CODE (a crash is never accepted)."""
import subprocess
import sys

code, out_path = int(sys.argv[1]), sys.argv[2]
cmd = sys.argv[sys.argv.index("--") + 1:]
result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
with open(out_path, "wb") as f:
    f.write(result.stdout)
if result.returncode != code:
    sys.stderr.write(result.stdout.decode(errors="replace"))
    sys.exit(f"expected exit {code}, got {result.returncode}: {' '.join(cmd)}")
