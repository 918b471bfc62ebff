#!/usr/bin/env python3
"""Benchmark: pycapi-migrate and the clang-tidy plugin against clang -fsyntax-only.

    bench/run.py [--build DIR] [--tus N] [--repeat R] [--jobs N,...] [--smoke]

Generates N translation units that include the real <Python.h> (bench/gen_tus.py),
a compile_commands.json for them, then measures wall time and peak RSS of:

  syntax-only        clang -fsyntax-only, one process per file, one after another
                     (the LLVM major the build uses, the database's flags)
  clang-tidy         clang-tidy --load <plugin> --checks='-*,pycapi-*' -p DB FILES
  clang-tidy <check> the same with one check at a time (pycapi-migrate --list-checks)
  pycapi-migrate, no checks / pycapi-migrate <check>
                     the CLI parsing with every check off, and with one check at a time
  pycapi-migrate -jK pycapi-migrate -p DB -jK FILES, for each K of --jobs (default 1, 2
                     and all cores); without a -j option (before the CLI's -j lands)
                     it runs once, sequentially, as "-j1", and the others are skipped

Each is run R times; the table shows the fastest wall time and the smallest CPU
time (user + system; the least disturbed by other load) and the largest peak RSS. Ratios are computed from those numbers,
all from one run of this script. See bench/README.md.
"""
import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import sysconfig
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_tus  # noqa: E402

FINDING = re.compile(r": warning: .*\[(pycapi-[a-z0-9-]+)\]\s*$", re.M)


def measure(cmd, cwd=None):
    """Runs cmd; returns (wall s, CPU s, peak RSS in KiB, exit code, output)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out = proc.stdout.read()
    # wait4 gives the child's own rusage (including the children it waited for).
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss, proc.returncode, out.decode(errors="replace")


class Tool:
    """One measured configuration: a list of commands run one after another."""

    def __init__(self, name, cmds, ok_codes=(0,)):
        self.name, self.cmds, self.ok_codes = name, cmds, ok_codes
        self.walls, self.cpus, self.rss, self.output = [], [], 0, ""

    def run_once(self):
        total, cpu_total, output = 0.0, 0.0, []
        for cmd in self.cmds:
            wall, cpu, rss, code, out = measure(cmd)
            if code not in self.ok_codes:
                sys.exit(f"bench: {self.name}: exit {code}: {' '.join(cmd)}\n{out}")
            total += wall
            cpu_total += cpu
            self.rss = max(self.rss, rss)
            output.append(out)
        self.walls.append(total)
        self.cpus.append(cpu_total)
        self.output = "".join(output)

    @property
    def wall(self):
        return min(self.walls)

    @property
    def cpu(self):
        return min(self.cpus)

    def findings(self):
        return len(FINDING.findall(self.output))


def cache_value(build, key):
    with open(os.path.join(build, "CMakeCache.txt")) as f:
        for line in f:
            if line.startswith(key + ":"):
                return line.split("=", 1)[1].strip()
    sys.exit(f"bench: {key} not in {build}/CMakeCache.txt; configure the build first")


def python_includes(python):
    code = ("import sysconfig; p = sysconfig.get_paths(); "
            "print(p['include']); print(p['platinclude'])")
    out = subprocess.run([python, "-c", code], stdout=subprocess.PIPE, text=True, check=True)
    dirs = []
    for d in out.stdout.split():
        if d not in dirs:
            dirs.append(d)
    if not os.path.exists(os.path.join(dirs[0], "Python.h")):
        sys.exit(f"bench: {dirs[0]}/Python.h missing; install python3-dev")
    return dirs


def write_tus(work, count, clang, includes):
    src = os.path.join(work, "src")
    os.makedirs(src, exist_ok=True)
    flags = ["-fPIC", "-O2", "-Wall", "-Wno-deprecated-declarations"] + ["-I" + d for d in includes]
    files, db, buffer_calls = [], [], 0
    for i in range(count):
        text, calls = gen_tus.generate(i)
        buffer_calls += calls
        path = os.path.join(src, f"bm{i:03d}.c")
        if not os.path.exists(path) or open(path).read() != text:
            with open(path, "w") as f:
                f.write(text)
        files.append(path)
        db.append({"directory": src, "file": path,
                   "arguments": [clang, "-c", *flags, path, "-o", path[:-2] + ".o"]})
    with open(os.path.join(src, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
    return src, files, flags, buffer_calls


def list_checks(cli):
    out = subprocess.run([cli, "--list-checks"], stdout=subprocess.PIPE, text=True, check=True)
    return [l.strip() for l in out.stdout.splitlines() if l.strip().startswith("pycapi-")]


def has_jobs_option(cli):
    out = subprocess.run([cli, "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True).stdout
    return re.search(r"(^|[\s,])(-j\b|--jobs\b)", out) is not None


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{platform.node()}: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def main(argv=None):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--build", default=os.path.join(root, "build"), help="build folder (default build/)")
    p.add_argument("--tus", type=int, default=240, help="translation units (default 240)")
    p.add_argument("--repeat", type=int, default=3, help="runs of each configuration (default 3)")
    p.add_argument("--jobs", default=None, help="pycapi-migrate -j values, comma-separated (default 1,2,ncpu)")
    p.add_argument("--python", default="/usr/bin/python3", help="Python whose headers the TUs include")
    p.add_argument("--work", default=None, help="where the TUs go (default BUILD/bench)")
    p.add_argument("--json", default=None, help="also write the raw results to this file")
    p.add_argument("--smoke", action="store_true",
                   help="3 TUs, one run each: checks that every measurement works (for CI)")
    args = p.parse_args(argv)
    if args.smoke:
        args.tus, args.repeat = 3, 1

    build = os.path.abspath(args.build)
    major = cache_value(build, "PYCAPI_LLVM_VERSION")
    clang = cache_value(build, "PYCAPI_CLANG")
    clang_tidy = f"/usr/lib/llvm-{major}/bin/clang-tidy"  # as cmake/PycapiLLVM.cmake sets it
    plugin = os.path.join(build, "lib", "pycapi-tidy.so")
    cli = os.path.join(build, "bin", "pycapi-migrate")
    for path in (clang, clang_tidy, plugin, cli):
        if not os.path.exists(path):
            sys.exit(f"bench: {path} missing; build first (scripts/build)")
    work = os.path.abspath(args.work or os.path.join(build, "bench"))
    src, files, flags, buffer_calls = write_tus(work, args.tus, clang, python_includes(args.python))

    checks = list_checks(cli)
    ncpu = os.cpu_count() or 1
    jobs = [int(j) for j in args.jobs.split(",")] if args.jobs else sorted({1, 2, ncpu})
    has_j = has_jobs_option(cli)
    notes = []

    # The baseline is clang per file, as a build runs it. (One clang given all
    # the files is no different: its driver then runs a cc1 process per file.)
    # Each of those processes pays a start-up (loading and relocating LLVM's
    # shared libraries) that the tools, one process for all files, pay once;
    # clang on an empty file, once per file, measures it.
    empty = os.path.join(work, "empty.c")
    open(empty, "w").close()
    base = Tool("syntax-only (clang per file)", [[clang, "-fsyntax-only", *flags, f] for f in files])
    startup = Tool("clang start-up (empty file, per file)",
                   [[clang, "-fsyntax-only", *flags, empty] for _ in files])
    tools = [base, startup]
    tidy = [clang_tidy, "--quiet", "--load=" + plugin, "-p", src]
    tidy_all = Tool("clang-tidy pycapi-*", [tidy + ["--checks=-*,pycapi-*", *files]])
    tools.append(tidy_all)
    check_tools = [Tool("clang-tidy " + c, [tidy + ["--checks=-*," + c, *files]]) for c in checks]
    tools += check_tools
    # The CLI with every check off still parses every file (clang-tidy with no
    # check does not): the base of each check's own cost, measured with the CLI.
    # One job, like the clang-tidy rows (the CLI's -j defaults to all cores).
    cli_seq = [cli, "-p", src] + (["-j", "1"] if has_j else [])
    cli_none = Tool("pycapi-migrate, no checks", [cli_seq + ["--checks=-pycapi-*", *files]])
    cli_checks = [Tool("pycapi-migrate " + c, [cli_seq + ["--checks=-*," + c, *files]])
                  for c in checks]
    tools += [cli_none] + cli_checks
    cli_tools = {}
    for j in jobs:
        if has_j:
            cmd = [cli, "-p", src, "-j", str(j), *files]
        elif j == 1:
            cmd = [cli, "-p", src, *files]
        else:
            notes.append(f"pycapi-migrate -j{j}: skipped, this pycapi-migrate has no -j option "
                         "(before the CLI -j merge)")
            continue
        cli_tools[j] = Tool(f"pycapi-migrate -j{j}", [cmd])
        tools.append(cli_tools[j])
    if not has_j:
        notes.append("pycapi-migrate -j1: run without -j (the CLI has no -j option yet; it is sequential)")

    load_before = os.getloadavg()
    if not args.smoke:  # warm the page cache: each tool once over two files, not timed
        few = set(files[2:])
        for tool in tools:
            for cmd in tool.cmds[:2]:
                measure([c for c in cmd if c not in few])
    for r in range(args.repeat):
        for tool in tools:
            tool.run_once()
    load_after = os.getloadavg()

    rss_base = base
    parse_only = base.wall - startup.wall
    parse_only_cpu = base.cpu - startup.cpu
    expected = buffer_calls
    print(f"# pycapi-migrate benchmark, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {machine()}")
    print(f"LLVM {major} ({clang}); {len(files)} TUs including {python_includes(args.python)[0]}/Python.h; "
          f"{args.repeat} runs each (fastest wall, smallest CPU, largest RSS)")
    print(f"load average before/after: {load_before[0]:.2f} / {load_after[0]:.2f}")
    print()
    print("ratios are against clang -fsyntax-only run per file (RSS: its largest, a compiler's peak)")
    print()
    print(f"| {'configuration':<42} | {'wall s':>8} | {'vs syntax':>9} | {'CPU s':>8} | {'vs syntax':>9} "
          f"| {'peak RSS MiB':>12} | {'vs syntax':>9} | findings |")
    print(f"|{'-' * 44}|{'-' * 10}|{'-' * 11}|{'-' * 10}|{'-' * 11}|{'-' * 14}|{'-' * 11}|----------|")
    for t in tools:
        f = "" if t in (base, startup) else str(t.findings())
        print(f"| {t.name:<42} | {t.wall:8.2f} | {t.wall / base.wall:8.2f}x | {t.cpu:8.2f} | "
              f"{t.cpu / base.cpu:8.2f}x | {t.rss / 1024:12.1f} | "
              f"{t.rss / rss_base.rss:8.2f}x | {f:>8} |")
    print()
    print("ratios (targets in brackets):")
    ok = True
    if 1 in cli_tools:
        j1 = cli_tools[1]
        print(f"  pycapi-migrate -j1 time / syntax-only time: {j1.wall / base.wall:.2f} [<= 1.15]"
              f" (CPU time: {j1.cpu / base.cpu:.2f})")
        print(f"  pycapi-migrate -j1 time / syntax-only time without clang's per-file start-up: "
              f"{j1.wall / parse_only:.2f} (CPU time: {j1.cpu / parse_only_cpu:.2f})")
        print(f"  pycapi-migrate -j1 time / pycapi-migrate with no checks: {j1.wall / cli_none.wall:.2f}"
              f" (CPU time: {j1.cpu / cli_none.cpu:.2f})")
        r = j1.rss / rss_base.rss
        print(f"  pycapi-migrate -j1 peak RSS / syntax-only peak RSS: {r:.2f} [<= 1.2]")
    if 1 in cli_tools and 2 in cli_tools:
        print(f"  pycapi-migrate -j2 throughput / -j1 throughput: "
              f"{cli_tools[1].wall / cli_tools[2].wall:.2f} [>= 1.8]")
    else:
        print("  pycapi-migrate -j2 throughput / -j1 throughput: skipped (no -j option)")
    for j, t in sorted(cli_tools.items()):
        if j > 2:
            print(f"  pycapi-migrate -j{j} throughput / -j1 throughput: {cli_tools[1].wall / t.wall:.2f}")
    print(f"  clang-tidy with the plugin time / syntax-only time: {tidy_all.wall / base.wall:.2f}")
    for t in check_tools:
        line = (f"  {t.name[len('clang-tidy '):]}: added cost vs syntax-only "
                f"{(t.wall / base.wall - 1) * 100:+.1f}% wall, {(t.cpu / base.cpu - 1) * 100:+.1f}% CPU")
        print(line)
    for t in cli_checks:
        print(f"  {t.name[len('pycapi-migrate '):]}: own cost (pycapi-migrate with it alone vs with no checks) "
              f"{(t.wall / cli_none.wall - 1) * 100:+.1f}% wall, {(t.cpu / cli_none.cpu - 1) * 100:+.1f}% CPU")
    for n in notes:
        print("note: " + n)

    # The runs must have done the work: the same findings from plugin and CLI,
    # and at least the buffer-API calls the generator put in.
    found = {t.name: t.findings() for t in [tidy_all] + list(cli_tools.values())}
    if len(set(found.values())) != 1 or min(found.values()) < expected:
        print(f"bench: findings disagree or are missing (expected >= {expected}): {found}", file=sys.stderr)
        ok = False
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"llvm": major, "tus": len(files), "repeat": args.repeat, "machine": machine(),
                       "results": [{"name": t.name, "walls": t.walls, "cpus": t.cpus, "peak_rss_kib": t.rss,
                                    "findings": t.findings()} for t in tools],
                       "notes": notes}, f, indent=1)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
