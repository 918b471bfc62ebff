#!/usr/bin/env python3
"""Benchmark: pycapi-migrate and the clang-tidy plugin against clang -fsyntax-only.

    bench/run.py [--build DIR] [--tus N] [--repeat R] [--jobs N,...] [--smoke]
    bench/run.py --scaling [--build DIR] [--baseline DIR] [--sizes 1000,4000] [--callgrind]

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
all from one run of this script.

--scaling measures instead how the cost grows with the number of fixes in one
file: bench/gen_big.py writes one module with 1,000 and one with 4,000 functions
that use removed API, and the CLI (report, --fix) and clang-tidy with the plugin
(report, --fix) run on each; the ratio of the two sizes is the figure (4x the
fixes: at most 6x the cost). --baseline DIR measures a second build the same
way in the same run (the "before" of a change). See bench/README.md.
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
import gen_big  # noqa: E402
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


def callgrind_instructions(output):
    """The instruction count callgrind prints ("Collected : N")."""
    m = re.search(r"Collected : (\d+)", output)
    return int(m.group(1)) if m else None


class Scaled:
    """One configuration of the scaling tier, at each size."""

    def __init__(self, build, name):
        self.build, self.name = build, name
        self.cpu, self.wall, self.rss, self.ins, self.findings, self.fixed = {}, {}, {}, {}, {}, {}


def scaling(args, root):
    sizes = [int(n) for n in args.sizes.split(",")]
    builds = [("after", os.path.abspath(args.build))]
    if args.baseline:
        builds.insert(0, ("before", os.path.abspath(args.baseline)))
    work = os.path.abspath(args.work or os.path.join(builds[-1][1], "bench", "scaling"))
    os.makedirs(work, exist_ok=True)
    includes = python_includes(args.python)
    compat = os.path.join(root, "test", "Inputs", "compat")  # a pythoncapi_compat.h
    flags = ["-I" + d for d in includes] + ["-I" + compat]
    config = "--config={CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}"
    originals, fixable = {}, {}
    for n in sizes:
        text, fixes = gen_big.generate(n)
        originals[n], fixable[n] = text, fixes
    runs = []
    for label, build in builds:
        major = cache_value(build, "PYCAPI_LLVM_VERSION")
        clang_tidy = f"/usr/lib/llvm-{major}/bin/clang-tidy"
        plugin = os.path.join(build, "lib", "pycapi-tidy.so")
        cli = os.path.join(build, "bin", "pycapi-migrate")
        for path in (clang_tidy, plugin, cli):
            if not os.path.exists(path):
                sys.exit(f"bench: {path} missing; build first (scripts/build)")
        j1 = ["-j", "1"] if has_jobs_option(cli) else []
        for name, fix in (("pycapi-migrate report", False), ("pycapi-migrate --fix", True),
                          ("clang-tidy + plugin report", False), ("clang-tidy + plugin --fix", True)):
            cfg = Scaled(label, name)
            for n in sizes:
                folder = os.path.join(work, label, name.replace(" ", "_").replace("+", "").replace("--", ""))
                os.makedirs(folder, exist_ok=True)
                path = os.path.join(folder, f"big{n}.c")
                if name.startswith("pycapi-migrate"):
                    cmd = [cli, *j1, "--root", folder, config, "--checks=-*,pycapi-*",
                           *(["--fix"] if fix else []), path, "--", *flags]
                else:
                    cmd = [clang_tidy, "--quiet", "--load=" + plugin, config, "--checks=-*,pycapi-*",
                           *(["--fix"] if fix else []), path, "--", *flags]
                if args.callgrind:
                    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd
                for _ in range(args.repeat):
                    with open(path, "w") as f:  # a fresh copy: --fix changes it
                        f.write(originals[n])
                    wall, cpu, rss, code, out = measure(cmd)
                    if code != 0:
                        sys.exit(f"bench: {label} {name} {n}: exit {code}: {' '.join(cmd)}\n{out[-3000:]}")
                    cfg.cpu[n] = min(cfg.cpu.get(n, cpu), cpu)
                    cfg.wall[n] = min(cfg.wall.get(n, wall), wall)
                    cfg.rss[n] = max(cfg.rss.get(n, 0), rss)
                    if args.callgrind:
                        cfg.ins[n] = callgrind_instructions(out)
                    cfg.findings[n] = len(FINDING.findall(out))
                    with open(path) as f:
                        cfg.fixed[n] = f.read()
            runs.append(cfg)
            print(f"  measured {label}: {name}", file=sys.stderr)

    huge = None
    if args.huge:
        # One very large file: the report of the build measured last, against
        # what clang itself needs to parse it (peak RSS, CPU).
        text, fixes = gen_big.generate(args.huge)
        path = os.path.join(work, f"big{args.huge}.c")
        with open(path, "w") as f:
            f.write(text)
        build = builds[-1][1]
        clang = cache_value(build, "PYCAPI_CLANG")
        cli = os.path.join(build, "bin", "pycapi-migrate")
        j1 = ["-j", "1"] if has_jobs_option(cli) else []
        c_wall, c_cpu, c_rss, code, out = measure([clang, "-fsyntax-only", "-Wno-deprecated-declarations",
                                                   *flags, path])
        if code != 0:
            sys.exit(f"bench: clang -fsyntax-only {path}: exit {code}\n{out[-3000:]}")
        t_wall, t_cpu, t_rss, code, out = measure([cli, *j1, "--root", work, config, "--checks=-*,pycapi-*",
                                                   path, "--", *flags])
        if code != 0:
            sys.exit(f"bench: pycapi-migrate {path}: exit {code}\n{out[-3000:]}")
        huge = (args.huge, len(text), fixes, len(FINDING.findall(out)), (c_wall, c_cpu, c_rss),
                (t_wall, t_cpu, t_rss))
        print(f"  measured the {len(text) / 1e6:.0f} MB file", file=sys.stderr)

    small, large = sizes[0], sizes[-1]
    print(f"# pycapi-migrate scaling benchmark, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {machine()}")
    print(f"one generated file (bench/gen_big.py) of {', '.join(map(str, sizes))} functions that use removed API "
          f"({', '.join(str(fixable[n]) for n in sizes)} findings with a fix); best of {args.repeat} run(s)"
          + ("; under callgrind" if args.callgrind else ""))
    print(f"load average now: {os.getloadavg()[0]:.2f}")
    print()
    cost = "instructions" if args.callgrind else "CPU s"
    if args.callgrind:
        cost = "G instr"
    columns = ["build", "configuration"]
    for n in sizes:
        columns += [f"{n}: {cost}", f"{n}: wall s", f"{n}: RSS MiB"]
    columns += [f"{cost} {large}/{small}", f"wall {large}/{small}"]
    widths = [max(len(c), 6) for c in columns]
    widths[1] = 26
    print("| " + " | ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(columns, widths))) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    ok = True
    for cfg in runs:
        cells = [cfg.build, cfg.name]
        for n in sizes:
            c = cfg.ins[n] / 1e9 if args.callgrind else cfg.cpu[n]
            cells += [f"{c:.2f}", f"{cfg.wall[n]:.2f}", f"{cfg.rss[n] / 1024:.1f}"]
        ratio = (cfg.ins[large] / cfg.ins[small]) if args.callgrind else cfg.cpu[large] / cfg.cpu[small]
        cells += [f"{ratio:.2f}", f"{cfg.wall[large] / cfg.wall[small]:.2f}"]
        print("| " + " | ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))) + " |")
    print()
    print(f"target: {large / small:g}x the fixes costs at most {1.5 * large / small:g}x ({cost}, {large} vs {small})")
    for cfg in runs:
        ratio = (cfg.ins[large] / cfg.ins[small]) if args.callgrind else cfg.cpu[large] / cfg.cpu[small]
        met = "met" if ratio <= 1.5 * large / small else "NOT met"
        print(f"  {cfg.build} {cfg.name}: {ratio:.2f} ({met})")
    if huge:
        n, size, fixes, found, (c_wall, c_cpu, c_rss), (t_wall, t_cpu, t_rss) = huge
        print()
        print(f"one file of {n} functions ({size / 1e6:.1f} MB, {fixes} findings with a fix), "
              f"{builds[-1][0]} build:")
        print(f"  clang -fsyntax-only:   {c_wall:8.2f} s wall {c_cpu:8.2f} s CPU {c_rss / 1024:8.1f} MiB peak RSS")
        print(f"  pycapi-migrate report: {t_wall:8.2f} s wall {t_cpu:8.2f} s CPU {t_rss / 1024:8.1f} MiB peak RSS "
              f"({t_rss / c_rss:.2f}x clang's), {found} findings")
        if found < fixes:
            print(f"bench: the {n} functions' file: {found} findings, expected >= {fixes}", file=sys.stderr)
            ok = False
    # The runs must have done the work: every configuration the same
    # findings, at least the fixable ones; every --fix the same file, fixed.
    for n in sizes:
        found = {f"{c.build} {c.name}": c.findings[n] for c in runs}
        if len(set(found.values())) != 1 or min(found.values()) < fixable[n]:
            print(f"bench: {n} functions: findings disagree or are missing (expected >= {fixable[n]}): {found}",
                  file=sys.stderr)
            ok = False
        fixed = {c.fixed[n] for c in runs if c.name.endswith("--fix")}
        if len(fixed) != 1 or originals[n] in fixed:
            print(f"bench: {n} functions: the --fix runs wrote different files, or none", file=sys.stderr)
            ok = False
    return 0 if ok else 1


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
    p.add_argument("--scaling", action="store_true",
                   help="measure how the cost grows with the fixes in one file (see above)")
    p.add_argument("--baseline", default=None,
                   help="with --scaling: also measure this build (the 'before'), in the same run")
    p.add_argument("--sizes", default="1000,4000",
                   help="with --scaling: functions in the generated file (default 1000,4000)")
    p.add_argument("--huge", type=int, default=0,
                   help="with --scaling: also report one file of this many functions "
                        "(130000: about 50 MB) and compare its peak RSS with clang's")
    p.add_argument("--callgrind", action="store_true",
                   help="with --scaling: count instructions with valgrind --tool=callgrind instead of timing")
    args = p.parse_args(argv)
    if args.scaling:
        if args.repeat == 3 and "--repeat" not in (argv or sys.argv):
            args.repeat = 1
        return scaling(args, root)
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
