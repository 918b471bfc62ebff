"""Helpers shared by the integration tests: run a command with its output
captured, and fail with the command line and its output when a check fails."""
import os
import shlex
import subprocess
import sys
import tempfile


class Failure(Exception):
    pass


def run(cmd, cwd=None, env=None, timeout=300):
    """Runs cmd; returns (exit code, stdout+stderr as text)."""
    print("$ " + " ".join(shlex.quote(str(c)) for c in cmd), flush=True)
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          timeout=timeout)
    out = proc.stdout.decode(errors="replace")
    return proc.returncode, out


def expect(cond, what, output=""):
    if not cond:
        raise Failure(what + ("\n--- output ---\n" + output if output else ""))
    print("ok: " + what, flush=True)


def clean_env(**extra):
    """The caller's environment without anything that would make a tool read
    the user's configuration, plus extra."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PRE_COMMIT_HOME", "XDG_CACHE_HOME", "PYTHONPATH")}
    env.update({k: str(v) for k, v in extra.items()})
    env["TERM"] = "dumb"
    return env


def main(test):
    """Runs test(work_dir) in a fresh temporary folder; exit 0 on success."""
    with tempfile.TemporaryDirectory(prefix="pycapi-itest-") as work:
        try:
            test(work)
        except Failure as e:
            print("FAIL: " + str(e), file=sys.stderr)
            return 1
    print("PASS")
    return 0
