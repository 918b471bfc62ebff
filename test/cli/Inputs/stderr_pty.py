"""stderr_pty.py OUTFILE -- CMD...: runs CMD with its stderr on a pseudo
terminal (stdout goes to /dev/null) and writes what appeared on the
terminal to OUTFILE, so tests can see output meant for a terminal only."""
import os
import pty
import subprocess
import sys

out_path = sys.argv[1]
cmd = sys.argv[sys.argv.index("--") + 1:]
master, slave = pty.openpty()
process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
chunks = []
while True:
    try:
        data = os.read(master, 4096)
    except OSError:  # EIO: the child closed the terminal
        break
    if not data:
        break
    chunks.append(data)
code = process.wait()
with open(out_path, "wb") as f:
    f.write(b"".join(chunks))
sys.exit(code)
