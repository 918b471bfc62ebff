"""run_paused.py [options] -- CMD...: runs CMD with the test hook
PYCAPI_MIGRATE_TEST_PAUSE=POINT:PAUSE (src/cli/TestHooks.h), does something
while it is paused, lets it go on, and checks how it ended. No sleeping for
"long enough": every step waits for an event.

  --pause POINT:PATH   where CMD pauses (it creates PATH.ready, waits for PATH)
  --exit CODE          CMD must exit with CODE (a negative CODE: killed by
                       that signal)
  --out FILE           CMD's stdout and stderr (stdout alone with --err)
  --err FILE           CMD's stderr
  --then-run SHELL     while paused: run SHELL, which must succeed
  --then-signal NAME   while paused: send signal NAME (INT, TERM, HUP) to CMD and
                       do not let it go on (the signal must end the pause)
  --then-start SHELL   while paused: start SHELL (a second run), wait until it
                       says on stderr that it is waiting for CMD's lock, then
                       let CMD go on; SHELL's stderr goes to --second-err
  --second-exit CODE   the exit code SHELL must end with
  --second-err FILE    SHELL's stderr (its stdout goes to this test's stdout
                       file, FILE.stdout)
Each wait gives up after 120 s, so that a broken tool fails the test instead
of hanging it."""
import argparse
import os
import signal
import subprocess
import sys
import threading
import time

LIMIT = 120


def fail(message, proc=None):
    if proc and proc.poll() is None:
        proc.kill()
    sys.exit("run_paused.py: " + message)


def wait_for(condition, what, proc):
    deadline = time.monotonic() + LIMIT
    while not condition():
        if proc.poll() is not None:
            fail(f"{what}: the run ended first (exit {proc.returncode})")
        if time.monotonic() > deadline:
            fail(f"{what}: gave up after {LIMIT} s", proc)
        time.sleep(0.005)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pause", required=True)
    parser.add_argument("--exit", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--err")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--then-run")
    group.add_argument("--then-signal", choices=["INT", "TERM", "HUP"])
    group.add_argument("--then-start")
    parser.add_argument("--second-exit", type=int)
    parser.add_argument("--second-err")
    separator = sys.argv.index("--")
    args = parser.parse_args(sys.argv[1:separator])
    cmd = sys.argv[separator + 1:]

    point, pause = args.pause.split(":", 1)
    for stale in (pause, pause + ".ready"):
        if os.path.exists(stale):
            os.unlink(stale)
    env = dict(os.environ, PYCAPI_MIGRATE_TEST_PAUSE=args.pause)
    out = open(args.out, "wb")
    err = open(args.err, "wb") if args.err else subprocess.STDOUT
    # As in a terminal's foreground: lit's workers ignore SIGINT, and a
    # child would inherit that.
    proc = subprocess.Popen(
        cmd, stdout=out, stderr=err, env=env,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    wait_for(lambda: os.path.exists(pause + ".ready"), "pause " + point, proc)

    second = None
    if args.then_run is not None:
        done = subprocess.run(args.then_run, shell=True)
        if done.returncode:
            fail(f"--then-run exited with {done.returncode}: {args.then_run}",
                 proc)
    elif args.then_signal is not None:
        proc.send_signal(getattr(signal, "SIG" + args.then_signal))
    else:
        env2 = dict(os.environ)
        env2.pop("PYCAPI_MIGRATE_TEST_PAUSE", None)
        second = subprocess.Popen(args.then_start, shell=True, env=env2,
                                  stdout=open(args.second_err + ".stdout", "wb"),
                                  stderr=subprocess.PIPE)
        lines = []
        waiting = threading.Event()

        def read_stderr():
            for line in second.stderr:
                lines.append(line)
                if b"waiting for another run" in line:
                    waiting.set()

        reader = threading.Thread(target=read_stderr)
        reader.start()
        wait_for(waiting.is_set, "the second run waiting for the lock", second)

    if args.then_signal is None:
        with open(pause, "w"):
            pass
    try:
        proc.wait(timeout=LIMIT)
    except subprocess.TimeoutExpired:
        fail(f"the run did not end within {LIMIT} s", proc)

    if second is not None:
        try:
            second.wait(timeout=LIMIT)
        except subprocess.TimeoutExpired:
            fail(f"the second run did not end within {LIMIT} s", second)
        reader.join()
        with open(args.second_err, "wb") as f:
            f.write(b"".join(lines))
        if second.returncode != args.second_exit:
            sys.stderr.write(b"".join(lines).decode(errors="replace"))
            fail(f"the second run exited with {second.returncode}, expected "
                 f"{args.second_exit}")

    if proc.returncode != args.exit:
        out.close()
        for path in filter(None, (args.out, args.err)):
            sys.stderr.write(open(path, errors="replace").read())
        fail(f"expected exit {args.exit}, got {proc.returncode}: "
             + " ".join(cmd))


main()
