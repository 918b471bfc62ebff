#!/usr/bin/env python3
"""Benchmark: pycapi-migrate and the clang-tidy plugin against clang -fsyntax-only.

    bench/run.py [--build DIR] [--tier small,large] [--tus N] [--repeat R] [--jobs N,...] [--smoke]
    bench/run.py --callgrind [--build DIR] [--tier large]
    bench/run.py --scaling [--build DIR] [--baseline DIR] [--sizes 1000,4000] [--callgrind]

Two tiers of generated input, each with a compile_commands.json:

  small   N (240) translation units of ~500 lines that include the real
          <Python.h> (bench/gen_tus.py): the Python headers dominate
  large   one file of 8,000 to 12,000 lines of each shape of bench/gen_large.py
          (a vendored CPython module, the same without removed buffer calls,
          Cython output, a C++ extension); every configuration but -jK runs
          one process per file, so each file's cost is reported too

and on each tier, wall time, CPU time and peak RSS of:

  syntax-only        clang -fsyntax-only, one process per file, one after another
                     (the LLVM major the build uses, the database's flags)
  clang start-up     the same on an empty file, once per file
  clang-tidy         clang-tidy --load <plugin> --checks='-*,pycapi-*' -p DB FILES
  clang-tidy <check> the same with one check at a time (pycapi-migrate --list-checks)
  clang-tidy (stock) clang-tidy without the plugin, with one cheap stock check
                     (the base of "the plugin in clang-tidy")
  pycapi-migrate, no checks / pycapi-migrate <check> / pycapi-migrate pycapi-*
                     the CLI parsing with every check off, with one check at a
                     time, and (large tier) with all of them
  pycapi-migrate -jK pycapi-migrate -p DB -jK FILES, for each K of --jobs (default 1, 2
                     and all cores); on the large tier over the files and a copy
                     of each. Without a -j option (before the CLI's -j lands) it
                     runs once, sequentially, as "-j1", and the others are skipped

Each is run R times; the tables show the median wall and CPU time (user +
system; the least disturbed by other load) and the largest peak RSS. Ratios
are computed from those numbers, all from one run of this script, and a table
says which of issue 16's targets hold. --callgrind runs each configuration once
under valgrind and reports instructions instead (repeatable on a shared
machine; the -jK rows are not run).

--scaling measures instead how the cost grows with the number of fixes in one
file: bench/gen_big.py writes one module with 1,000 and one with 4,000 functions
that use removed API, and the CLI (report, --fix) and clang-tidy with the plugin
(report, --fix) run on each; the ratio of the two sizes is the figure (4x the
fixes: at most 6x the cost). --baseline DIR measures a second build the same
way in the same run (the "before" of a change). See bench/README.md.

The script fails (exit 1) only when the runs did not do the work (findings
missing or disagreeing, a tool failed), never on a timing.
"""
import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import sysconfig
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_big  # noqa: E402
import gen_large  # noqa: E402
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
    """One measured configuration: a list of commands run one after another.
    `files` names the file each command is about when the configuration
    runs one process per file (the large tier), so that costs can be read
    per file too."""

    def __init__(self, name, cmds, files=None, ok_codes=(0,)):
        self.name, self.cmds, self.ok_codes = name, cmds, ok_codes
        self.files = files or [None] * len(cmds)
        self.walls, self.cpus, self.rss, self.outputs = [], [], 0, [""] * len(cmds)
        self.cmd_cpus = []  # per run: the CPU time of each command
        self.ins = None  # with --callgrind: the instructions of each command

    def run_once(self, callgrind=False):
        total, cpu_total, cpus, ins = 0.0, 0.0, [], []
        for i, cmd in enumerate(self.cmds):
            if callgrind:
                cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd
            wall, cpu, rss, code, out = measure(cmd)
            if code not in self.ok_codes:
                sys.exit(f"bench: {self.name}: exit {code}: {' '.join(cmd)}\n{out[-3000:]}")
            total += wall
            cpu_total += cpu
            cpus.append(cpu)
            self.rss = max(self.rss, rss)
            self.outputs[i] = out
            if callgrind:
                ins.append(callgrind_instructions(out))
        self.walls.append(total)
        self.cpus.append(cpu_total)
        self.cmd_cpus.append(cpus)
        if callgrind:
            self.ins = ins

    # Medians: on a shared machine the odd disturbed run moves a median
    # less than a mean, and unlike the minimum it is not the one lucky run.
    @property
    def wall(self):
        return statistics.median(self.walls)

    @property
    def cpu(self):
        return statistics.median(self.cpus)

    def file_cpu(self, i):
        return statistics.median(run[i] for run in self.cmd_cpus)

    def findings(self, i=None, check=None):
        outs = self.outputs if i is None else [self.outputs[i]]
        return sum(1 for out in outs for c in FINDING.findall(out) if check is None or c == check)


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


def write_large(work, clang, includes, scale, shapes):
    """The large tier: one file of each gen_large shape, and a second copy
    of each for the -jK rows (two of each keep two jobs busy: the C++ file
    alone takes most of a -j1 run). Returns (folder with the
    compile_commands.json, files, {file: expected findings per check},
    copies)."""
    src = os.path.join(work, "large")
    os.makedirs(src, exist_ok=True)
    base = ["-fPIC", "-O2", "-Wall", "-Wno-deprecated-declarations"] + ["-I" + d for d in includes]
    files, copies, expected, db = [], [], {}, []
    for shape in shapes:
        name, text, exp = gen_large.generate(shape, scale)
        for folder, into in ((src, files), (os.path.join(src, "copy"), copies)):
            os.makedirs(folder, exist_ok=True)
            path = os.path.join(folder, name)
            if not os.path.exists(path) or open(path).read() != text:
                with open(path, "w") as f:
                    f.write(text)
            into.append(path)
            flags = base + (["-std=c++17"] if path.endswith(".cpp") else [])
            db.append({"directory": src, "file": path,
                       "arguments": [clang, "-c", *flags, path, "-o", os.path.splitext(path)[0] + ".o"]})
        expected[files[-1]] = exp
    with open(os.path.join(src, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
    return src, files, expected, copies


def file_flags(path, flags):
    return flags + (["-std=c++17"] if path.endswith(".cpp") else [])


# A stock clang-tidy check that matches almost nothing in C extensions: the
# base of "the plugin in clang-tidy" (clang-tidy with no check at all does not
# parse). Not readability-braces-around-statements: it visits every statement.
CHEAP_CHECK = "misc-unused-alias-decls"

# The targets of issue 16 (large tier, CPU time; in one run).
TARGETS = [
    ("all", "all pycapi checks <= 1.10x the no-check parse", 1.10, "le"),
    ("each", "each check <= 1.03x the no-check parse", 1.03, "le"),
    ("nobuf", "buffer check on a file with no buffer call <= 1.01x", 1.01, "le"),
    ("plugin", "plugin in clang-tidy <= 1.10x clang-tidy with one cheap check", 1.10, "le"),
    ("rss", "peak RSS <= 1.2x clang's", 1.2, "le"),
    ("j2", "-j2 throughput >= 1.8x -j1", 1.8, "ge"),
]


class Context:
    """What every tier needs: the build's tools and the run's options."""

    def __init__(self, args, root):
        self.args = args
        self.build = os.path.abspath(args.build)
        self.major = cache_value(self.build, "PYCAPI_LLVM_VERSION")
        self.clang = cache_value(self.build, "PYCAPI_CLANG")
        self.clang_tidy = f"/usr/lib/llvm-{self.major}/bin/clang-tidy"  # as cmake/PycapiLLVM.cmake sets it
        self.plugin = os.path.join(self.build, "lib", "pycapi-tidy.so")
        self.cli = os.path.join(self.build, "bin", "pycapi-migrate")
        for path in (self.clang, self.clang_tidy, self.plugin, self.cli):
            if not os.path.exists(path):
                sys.exit(f"bench: {path} missing; build first (scripts/build)")
        self.work = os.path.abspath(args.work or os.path.join(self.build, "bench"))
        os.makedirs(self.work, exist_ok=True)
        self.includes = python_includes(args.python)
        self.checks = list_checks(self.cli)
        self.has_j = has_jobs_option(self.cli)
        ncpu = os.cpu_count() or 1
        self.jobs = [int(j) for j in args.jobs.split(",")] if args.jobs else sorted({1, 2, ncpu})


class Tier:
    """The configurations of one tier and what its run must show."""

    def __init__(self, name):
        self.name = name
        self.tools, self.notes, self.cli_tools = [], [], {}
        self.per_file = False  # large tier: one process per file in every row but -jK
        self.files, self.expected, self.nobuf = [], {}, None


def build_tier(ctx, name):
    args = ctx.args
    tier = Tier(name)
    flags = ["-fPIC", "-O2", "-Wall", "-Wno-deprecated-declarations"] + ["-I" + d for d in ctx.includes]
    if name == "small":
        src, files, _, buffer_calls = write_tus(ctx.work, args.tus, ctx.clang, ctx.includes)
        tier.expected_total = buffer_calls
        jfiles = files
        tier.describe = (f"{len(files)} TUs (bench/gen_tus.py) including "
                         f"{ctx.includes[0]}/Python.h")
    else:
        scale = 0.1 if args.smoke else 1.0
        src, files, tier.expected, copies = write_large(ctx.work, ctx.clang, ctx.includes, scale,
                                                        args.shapes.split(","))
        tier.per_file = True
        tier.nobuf = next((f for f in files if "nobuf" in f), None)
        jfiles = files + copies
        lines = ", ".join(f"{os.path.basename(f)} {open(f).read().count(chr(10))}" for f in files)
        tier.describe = (f"{len(files)} files (bench/gen_large.py, lines: {lines}) including "
                         f"{ctx.includes[0]}/Python.h; one process per file, except the -jK rows "
                         f"(all files and a copy of each, {len(jfiles)}, in one run)")
    tier.files = files
    callgrind = args.callgrind
    # The smoke run keeps to one check alone on the large tier (the buffer
    # check: the no-buffer-call target needs it); the rows are the same code.
    checks = [c for c in ctx.checks if c == "pycapi-removed-buffer-api"] \
        if args.smoke and tier.per_file else ctx.checks

    def per_file(name, make):
        """A configuration: one command over all files (small tier) or one per file (large)."""
        if tier.per_file:
            return Tool(name, [make([f]) for f in files], files)
        return Tool(name, [make(files)])

    tier.base = Tool("syntax-only (clang per file)",
                     [[ctx.clang, "-fsyntax-only", *file_flags(f, flags), f] for f in files], files)
    empty = os.path.join(ctx.work, "empty.c")
    open(empty, "w").close()
    tier.startup = Tool("clang start-up (empty file, per file)",
                        [[ctx.clang, "-fsyntax-only", *flags, empty] for _ in files], files)
    tier.tools = [tier.base, tier.startup]
    tidy = [ctx.clang_tidy, "--quiet", "--load=" + ctx.plugin, "-p", src]
    tier.tidy_all = per_file("clang-tidy pycapi-*", lambda fs: tidy + ["--checks=-*,pycapi-*", *fs])
    tier.tools.append(tier.tidy_all)
    tier.check_tools = [per_file("clang-tidy " + c, lambda fs, c=c: tidy + ["--checks=-*," + c, *fs])
                        for c in checks]
    tier.tools += tier.check_tools
    tier.tidy_cheap = per_file(f"clang-tidy (stock) {CHEAP_CHECK}",
                               lambda fs: [ctx.clang_tidy, "--quiet", "-p", src, f"--checks=-*,{CHEAP_CHECK}", *fs])
    tier.tools.append(tier.tidy_cheap)
    # The CLI with every check off still parses every file (clang-tidy with no
    # check does not): the base of each check's own cost, measured with the CLI.
    # One job, like the clang-tidy rows (the CLI's -j defaults to all cores).
    cli_seq = [ctx.cli, "-p", src] + (["-j", "1"] if ctx.has_j else [])
    tier.cli_none = per_file("pycapi-migrate, no checks", lambda fs: cli_seq + ["--checks=-pycapi-*", *fs])
    tier.cli_checks = [per_file("pycapi-migrate " + c, lambda fs, c=c: cli_seq + ["--checks=-*," + c, *fs])
                       for c in checks]
    tier.tools += [tier.cli_none] + tier.cli_checks
    if tier.per_file:
        tier.cli_all = per_file("pycapi-migrate pycapi-*", lambda fs: cli_seq + ["--checks=-*,pycapi-*", *fs])
        tier.tools.append(tier.cli_all)
    if callgrind:
        tier.notes.append("under callgrind: the -jK rows are not run (instructions do not show parallelism)")
        jobs = []
    else:
        jobs = ctx.jobs
    for j in jobs:
        if ctx.has_j:
            cmd = [ctx.cli, "-p", src, "-j", str(j), *jfiles]
        elif j == 1:
            cmd = [ctx.cli, "-p", src, *jfiles]
        else:
            tier.notes.append(f"pycapi-migrate -j{j}: skipped, this pycapi-migrate has no -j option "
                              "(before the CLI -j merge)")
            continue
        tier.cli_tools[j] = Tool(f"pycapi-migrate -j{j}", [cmd])
        tier.tools.append(tier.cli_tools[j])
    if not ctx.has_j:
        tier.notes.append("pycapi-migrate -j1: run without -j (the CLI has no -j option yet; it is sequential)")
    if not tier.per_file:
        tier.cli_all = tier.cli_tools.get(1)
    tier.jfiles = jfiles
    return tier


def run_tier(ctx, tier):
    args = ctx.args
    load_before = os.getloadavg()
    if not args.smoke and not args.callgrind:  # warm the page cache: each tool once over two files, not timed
        few = set(tier.files[2:])
        for tool in tier.tools:
            for cmd in tool.cmds[:2]:
                measure([c for c in cmd if c not in few])
    repeat = 1 if args.callgrind else args.repeat
    for _ in range(repeat):
        for tool in tier.tools:
            tool.run_once(args.callgrind)
        print(f"  {tier.name} tier: run {_ + 1} of {repeat} done", file=sys.stderr)
    tier.load = (load_before[0], os.getloadavg()[0])
    tier.repeat = repeat


def cost(tool, callgrind, i=None):
    """CPU s (median), or instructions under callgrind; of one file with i."""
    if callgrind:
        return sum(tool.ins) if i is None else tool.ins[i]
    return tool.cpu if i is None else tool.file_cpu(i)


def target_values(ctx, tier):
    """{target key: (measured ratio or None, what it is measured on)}."""
    cg = ctx.args.callgrind
    none = tier.cli_none
    out = {}
    if tier.cli_all is not None:
        out["all"] = (cost(tier.cli_all, cg) / cost(none, cg), f"{tier.cli_all.name} / {none.name}")
        out["rss"] = ((tier.cli_all.rss / tier.base.rss, f"{tier.cli_all.name} / clang -fsyntax-only (largest)")
                      if not cg else (None, "not measured under callgrind"))
    worst = max(tier.cli_checks, key=lambda t: cost(t, cg))
    out["each"] = (cost(worst, cg) / cost(none, cg), f"worst: {worst.name[len('pycapi-migrate '):]}")
    buffer = next((t for t in tier.cli_checks if t.name.endswith("pycapi-removed-buffer-api")), None)
    if tier.nobuf and buffer:
        i = tier.files.index(tier.nobuf)
        out["nobuf"] = (cost(buffer, cg, i) / cost(none, cg, i), os.path.basename(tier.nobuf))
    else:
        out["nobuf"] = (None, "large tier only")
    out["plugin"] = (cost(tier.tidy_all, cg) / cost(tier.tidy_cheap, cg),
                     f"{tier.tidy_all.name} / {tier.tidy_cheap.name}")
    if 1 in tier.cli_tools and 2 in tier.cli_tools:
        out["j2"] = (tier.cli_tools[1].wall / tier.cli_tools[2].wall, "wall -j1 / wall -j2")
    else:
        out["j2"] = (None, "not run" + (" under callgrind" if cg else ""))
    return out


def report_tier(ctx, tier):
    args = ctx.args
    cg = args.callgrind
    base, startup = tier.base, tier.startup
    print(f"## {tier.name} tier")
    print(f"LLVM {ctx.major} ({ctx.clang}); {tier.describe}; "
          + ("one run each under callgrind (instructions: repeatable)" if cg else
             f"{tier.repeat} runs each (median wall, median CPU, largest RSS)"))
    print(f"load average before/after: {tier.load[0]:.2f} / {tier.load[1]:.2f}")
    print()
    if cg:
        print("instructions (callgrind), against clang -fsyntax-only and against pycapi-migrate with no checks")
        print()
        print(f"| {'configuration':<46} | {'G instr':>8} | {'vs syntax':>9} | {'vs no checks':>12} | findings |")
        print(f"|{'-' * 48}|{'-' * 10}|{'-' * 11}|{'-' * 14}|----------|")
        for t in tier.tools:
            f = "" if t in (base, startup) else str(t.findings())
            print(f"| {t.name:<46} | {sum(t.ins) / 1e9:8.3f} | {sum(t.ins) / sum(base.ins):8.2f}x | "
                  f"{sum(t.ins) / sum(tier.cli_none.ins):11.2f}x | {f:>8} |")
    else:
        print("ratios are against clang -fsyntax-only run per file (RSS: its largest, a compiler's peak)")
        print()
        print(f"| {'configuration':<46} | {'wall s':>8} | {'vs syntax':>9} | {'CPU s':>8} | {'vs syntax':>9} "
              f"| {'peak RSS MiB':>12} | {'vs syntax':>9} | findings |")
        print(f"|{'-' * 48}|{'-' * 10}|{'-' * 11}|{'-' * 10}|{'-' * 11}|{'-' * 14}|{'-' * 11}|----------|")
        for t in tier.tools:
            f = "" if t in (base, startup) else str(t.findings())
            print(f"| {t.name:<46} | {t.wall:8.2f} | {t.wall / base.wall:8.2f}x | {t.cpu:8.2f} | "
                  f"{t.cpu / base.cpu:8.2f}x | {t.rss / 1024:12.1f} | "
                  f"{t.rss / base.rss:8.2f}x | {f:>8} |")
    print()
    if tier.per_file:
        unit = "G instr" if cg else "CPU s"
        names = [os.path.basename(f) for f in tier.files]
        print(f"per file ({unit}; in brackets: against pycapi-migrate with no checks on that file)")
        print()
        print(f"| {'configuration':<46} | " + " | ".join(f"{n:>30}" for n in names) + " |")
        print(f"|{'-' * 48}|" + "|".join("-" * 32 for _ in names) + "|")
        for t in tier.tools:
            if t.files[0] is None:
                continue
            cells = []
            for i in range(len(names)):
                c, n = cost(t, cg, i), cost(tier.cli_none, cg, i)
                cells.append(f"{c / 1e9 if cg else c:.3f} ({c / n:.2f}x)")
            print(f"| {t.name:<46} | " + " | ".join(f"{c:>30}" for c in cells) + " |")
        print()
        if not cg and 1 in tier.cli_tools:
            # The best two jobs can do with these files: their -j1 costs
            # split over two workers, longest first.
            costs = sorted((tier.cli_all.file_cpu(i) for i in range(len(tier.files))), reverse=True) * 2
            costs.sort(reverse=True)
            workers = [0.0, 0.0]
            for c in costs:
                workers[workers.index(min(workers))] += c
            print(f"-j2 throughput the files allow at best (their CPU times over two workers, "
                  f"longest first): {sum(costs) / max(workers):.2f}x")
            print()
    if not cg:
        print("ratios:")
        if tier.cli_all is not None and tier.cli_all is tier.cli_tools.get(1):
            j1 = tier.cli_all
            print(f"  pycapi-migrate -j1 time / syntax-only time: {j1.wall / base.wall:.2f} [issue 6: <= 1.15]"
                  f" (CPU time: {j1.cpu / base.cpu:.2f})")
            print(f"  pycapi-migrate -j1 time / syntax-only time without clang's per-file start-up: "
                  f"{j1.wall / (base.wall - startup.wall):.2f} (CPU time: {j1.cpu / (base.cpu - startup.cpu):.2f})")
        for j, t in sorted(tier.cli_tools.items()):
            if j > 2:
                print(f"  pycapi-migrate -j{j} throughput / -j1 throughput: {tier.cli_tools[1].wall / t.wall:.2f}")
        print(f"  clang-tidy with the plugin time / syntax-only time: {tier.tidy_all.wall / base.wall:.2f}"
              f" (CPU time: {tier.tidy_all.cpu / base.cpu:.2f})")
        for t in tier.check_tools:
            print(f"  {t.name[len('clang-tidy '):]}: added cost vs syntax-only "
                  f"{(t.wall / base.wall - 1) * 100:+.1f}% wall, {(t.cpu / base.cpu - 1) * 100:+.1f}% CPU")
    print("each check's own cost (pycapi-migrate with it alone vs with no checks):")
    for t in tier.cli_checks:
        if cg:
            print(f"  {t.name[len('pycapi-migrate '):]}: {(cost(t, cg) / cost(tier.cli_none, cg) - 1) * 100:+.1f}%"
                  " instructions")
        else:
            print(f"  {t.name[len('pycapi-migrate '):]}: {(t.wall / tier.cli_none.wall - 1) * 100:+.1f}% wall, "
                  f"{(t.cpu / tier.cli_none.cpu - 1) * 100:+.1f}% CPU")
    for n in tier.notes:
        print("note: " + n)
    print()
    values = target_values(ctx, tier)
    print(f"targets (issue 16; stated for the large tier, {'instructions' if cg else 'CPU time'}; "
          f"this is the {tier.name} tier):")
    print()
    print(f"| {'target':<64} | {'measured':>8} | holds | {'on':<66} |")
    print(f"|{'-' * 66}|{'-' * 10}|-------|{'-' * 68}|")
    for key, text, limit, how in TARGETS:
        value, on = values.get(key, (None, ""))
        if value is None:
            held, shown = "-", "-"
        else:
            held = "yes" if (value <= limit if how == "le" else value >= limit) else "NO"
            shown = f"{value:.3f}"
        print(f"| {text:<64} | {shown:>8} | {held:<5} | {on:<66} |")
    print()
    return values


def check_work(ctx, tier):
    """The runs must have done the work; returns the problems found."""
    problems = []
    if not tier.per_file:
        # The same findings from plugin and CLI, and at least the buffer-API
        # calls the generator put in.
        found = {t.name: t.findings() for t in [tier.tidy_all] + list(tier.cli_tools.values())}
        if len(set(found.values())) != 1 or min(found.values()) < tier.expected_total:
            problems.append(f"findings disagree or are missing (expected >= {tier.expected_total}): {found}")
        return problems
    # Large tier: every pycapi configuration reports at least what the
    # generator wrote for its checks, in every file; the file with no removed
    # buffer call gets no buffer finding; plugin and CLI agree.
    for t in [tier.tidy_all, tier.cli_all] + tier.check_tools + tier.cli_checks:
        enabled = [c for c in ctx.checks if t.name.endswith(" " + c) or t.name.endswith("pycapi-*")]
        for i, f in enumerate(tier.files):
            for c in enabled:
                want, got = tier.expected[f].get(c, 0), t.findings(i, c)
                if got < want:
                    problems.append(f"{t.name} on {os.path.basename(f)}: {got} {c} findings, expected >= {want}")
            if f == tier.nobuf and "pycapi-removed-buffer-api" in enabled \
                    and t.findings(i, "pycapi-removed-buffer-api"):
                problems.append(f"{t.name} on {os.path.basename(f)}: a buffer finding in the file with no "
                                "removed buffer call")
    for i, f in enumerate(tier.files):
        if tier.tidy_all.findings(i) != tier.cli_all.findings(i):
            problems.append(f"{os.path.basename(f)}: clang-tidy with the plugin found {tier.tidy_all.findings(i)}, "
                            f"pycapi-migrate {tier.cli_all.findings(i)}")
    for j, t in tier.cli_tools.items():
        want = tier.cli_all.findings() * len(tier.jfiles) // len(tier.files)
        if t.findings() != want:
            problems.append(f"{t.name}: {t.findings()} findings, expected {want} (each file twice)")
    return problems


def main(argv=None):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--build", default=os.path.join(root, "build"), help="build folder (default build/)")
    p.add_argument("--tier", default=None,
                   help="tiers to run, comma-separated: small (240 modules of ~500 lines), large "
                        "(bench/gen_large.py: 8,000-12,000 lines each); default small,large "
                        "(large only with --callgrind)")
    p.add_argument("--tus", type=int, default=240, help="small tier: translation units (default 240)")
    p.add_argument("--shapes", default=",".join(gen_large.SHAPES),
                   help="large tier: the shapes of bench/gen_large.py to run, comma-separated (default all: "
                        + ", ".join(gen_large.SHAPES) + ")")
    p.add_argument("--repeat", type=int, default=3, help="runs of each configuration (default 3)")
    p.add_argument("--jobs", default=None, help="pycapi-migrate -j values, comma-separated (default 1,2,ncpu)")
    p.add_argument("--python", default="/usr/bin/python3", help="Python whose headers the TUs include")
    p.add_argument("--work", default=None, help="where the TUs go (default BUILD/bench)")
    p.add_argument("--json", default=None, help="also write the raw results to this file")
    p.add_argument("--smoke", action="store_true",
                   help="3 small TUs and the large tier's shapes at a tenth of their size, one run each: "
                        "checks that every measurement works (for CI)")
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
                   help="count instructions with valgrind --tool=callgrind instead of timing, one run "
                        "(the tiers: every configuration but -jK; --scaling: every configuration)")
    args = p.parse_args(argv)
    if args.scaling:
        if args.repeat == 3 and "--repeat" not in (argv or sys.argv):
            args.repeat = 1
        return scaling(args, root)
    if args.smoke:
        args.tus, args.repeat = 3, 1
    tiers = (args.tier or ("large" if args.callgrind else "small,large")).split(",")
    for t in tiers:
        if t not in ("small", "large"):
            sys.exit(f"bench: unknown tier {t!r} (small, large)")

    for shape in args.shapes.split(","):
        if shape not in gen_large.SHAPES:
            sys.exit(f"bench: unknown shape {shape!r} ({', '.join(gen_large.SHAPES)})")
    ctx = Context(args, root)
    print(f"# pycapi-migrate benchmark, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {machine()}")
    print()
    ok, results = True, {}
    for name in tiers:
        tier = build_tier(ctx, name)
        run_tier(ctx, tier)
        values = report_tier(ctx, tier)
        for problem in check_work(ctx, tier):
            print(f"bench: {name} tier: {problem}", file=sys.stderr)
            ok = False
        results[name] = {
            "describe": tier.describe, "repeat": tier.repeat, "load": tier.load, "notes": tier.notes,
            "targets": {k: v[0] for k, v in values.items()},
            "results": [{"name": t.name, "walls": t.walls, "cpus": t.cpus, "peak_rss_kib": t.rss,
                         "files": [f and os.path.basename(f) for f in t.files], "file_cpus": t.cmd_cpus,
                         "instructions": t.ins, "findings": t.findings()} for t in tier.tools]}
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"llvm": ctx.major, "machine": machine(), "callgrind": args.callgrind, "tiers": results},
                      f, indent=1)
    return 0 if ok else 1



if __name__ == "__main__":
    sys.exit(main())
