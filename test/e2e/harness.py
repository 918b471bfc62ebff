#!/usr/bin/env python3
"""End-to-end test driver for pycapi-migrate (stdlib only).

Unit tests show that a check rewrites text; this harness shows that the
rewritten extension still *works*: it builds a small extension before and after
migration, against CPython 3.11 (which still has the removed APIs) and a real
CPython 3.13 (which does not), and runs the extension's own Python test in each
interpreter.

Steps (one summary line each on stdout; full output of whatever failed):

  setup            find both interpreters and their headers
  before/3.11      the legacy extension builds and its test passes on 3.11
  before/3.13      the legacy extension does NOT build on 3.13 (--before-313)
  migrate/...      migrate one copy with the CLI and one with the clang-tidy
                   plugin; both trees must be byte-identical, and a second CLI
                   --fix pass must change nothing
  after/3.11       the migrated extension builds, imports and passes on 3.11
  after/3.13       ... and on 3.13
  after/3.11-asan  (--asan) ... on 3.11 with AddressSanitizer

With --expect-diagnostics FILE, each line of FILE must appear in what both
tools print (migrate/expected diagnostics).  With --after-patch FILE, the
migrated tree must also build and pass as it is on 3.13 (unpatched/3.13), and
the after/* steps build and test it with FILE applied (patch/apply): the fix
a maintainer makes by hand where the tool only gives a note.

Exit status 0 only when every step passed.  See test/e2e/README.md.
"""

import argparse
import difflib
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCE_LANGS = {".c": "c", ".cpp": "c++", ".cc": "c++", ".cxx": "c++"}
COMPILE_FLAGS = ["-fPIC", "-O1", "-g", "-Wall"]
# A call to a removed API must be a hard error in C too (C++ always rejects it).
C_FLAGS = ["-Werror=implicit-function-declaration"]
CXX_FLAGS = ["-std=c++17"]
ASAN_FLAGS = ["-fsanitize=address", "-fno-omit-frame-pointer"]
WORK_MARKER = ".pycapi-e2e-work"
STEP_TIMEOUT = 600


# --------------------------------------------------------------------------
# Running commands and reporting


class Result:
    """Outcome of one command: enough to print a useful failure report."""

    def __init__(self, cmd, returncode, output, cwd):
        self.cmd, self.returncode, self.output, self.cwd = cmd, returncode, output, cwd

    @property
    def ok(self):
        return self.returncode == 0

    def transcript(self):
        """The command line (copy-pasteable) followed by everything it printed."""
        where = f"(cd {shlex.quote(str(self.cwd))} && " if self.cwd else ""
        line = " ".join(shlex.quote(str(c)) for c in self.cmd)
        return f"$ {where}{line}{')' if where else ''}\n{self.output}" \
               f"[exit status {self.returncode}]\n"


def run(cmd, cwd=None, env=None, timeout=STEP_TIMEOUT):
    """Run cmd, capturing stdout+stderr together so failures read in order."""
    cmd = [str(c) for c in cmd]
    try:
        proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=timeout)
        out, rc = proc.stdout.decode(errors="replace"), proc.returncode
    except subprocess.TimeoutExpired as e:
        out = (e.output or b"").decode(errors="replace") + f"\n[timed out after {timeout}s]\n"
        rc = -1
    except OSError as e:
        out, rc = f"[cannot run: {e}]\n", -1
    return Result(cmd, rc, out, cwd)


class StepFailed(Exception):
    """Raised inside a step; message is the one-line reason, details the transcript."""

    def __init__(self, message, details=""):
        super().__init__(message)
        self.details = details


class Reporter:
    """Prints `PASS|FAIL|SKIP e2e/<name>: <step> ...` lines and keeps score.

    Each step's details also go to <work>/logs/<step>.log, so a passing run
    can still be inspected afterwards.
    """

    def __init__(self, name, log_dir):
        self.name, self.log_dir = name, log_dir
        self.failed, self.passed = [], []

    def _log(self, step, text):
        path = self.log_dir / (step.replace("/", "_").replace(" ", "_") + ".log")
        path.write_text(text)

    def step(self, step, func, *args, **kwargs):
        """Run func(*args, **kwargs) as one step; return its value, or None if it failed."""
        start = time.monotonic()
        try:
            value = func(*args, **kwargs)
        except StepFailed as e:
            secs = time.monotonic() - start
            print(f"FAIL e2e/{self.name}: {step}: {e} ({secs:.1f}s)", flush=True)
            if e.details:
                print(_indent(e.details), flush=True)
            self._log(step, f"FAIL: {e}\n{e.details}")
            self.failed.append(step)
            return None
        secs = time.monotonic() - start
        note, details = value if isinstance(value, tuple) else (value, "")
        suffix = f" ({note})" if note else ""
        print(f"PASS e2e/{self.name}: {step}{suffix} ({secs:.1f}s)", flush=True)
        self._log(step, f"PASS{suffix}\n{details}")
        self.passed.append(step)
        return value

    def skip(self, step, why):
        """A step that cannot run because an earlier one failed (counts as failure)."""
        print(f"SKIP e2e/{self.name}: {step}: {why}", flush=True)
        self.failed.append(step)

    def finish(self):
        total = len(self.passed) + len(self.failed)
        if self.failed:
            print(f"FAIL e2e/{self.name}: {len(self.failed)} of {total} steps failed: "
                  + ", ".join(self.failed), flush=True)
            return 1
        print(f"PASS e2e/{self.name}: all {total} steps passed", flush=True)
        return 0


def _indent(text, prefix="    "):
    return "".join(prefix + line for line in text.rstrip("\n").splitlines(True)) + "\n"


def clean_env(**extra):
    """The caller's environment minus anything that could redirect an interpreter.

    PYTHONHOME/PYTHONPATH from a developer shell (or pyenv) would make 3.11 and
    3.13 import each other's modules; bytecode writing would litter the trees
    we compare byte for byte.
    """
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONHOME", "PYTHONPATH", "PYTHONSTARTUP", "PYTHONSAFEPATH",
                        "LD_PRELOAD", "ASAN_OPTIONS")}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


# --------------------------------------------------------------------------
# Interpreters and compilers


class Python:
    """A target interpreter: how to run it and how to compile against it."""

    def __init__(self, label, exe):
        self.label, self.exe = label, str(exe)
        self.version = self.ext_suffix = None
        self.include_dirs = []

    def query(self):
        """Ask the interpreter itself (not python3-config, which the trixie
        wrapper lacks) for its version, header dirs and extension suffix."""
        script = ("import sys, sysconfig\n"
                  "print('@@%d.%d.%d' % sys.version_info[:3])\n"
                  "print('@@' + sysconfig.get_config_var('EXT_SUFFIX'))\n"
                  "print('@@' + sysconfig.get_path('include'))\n"
                  "print('@@' + sysconfig.get_path('platinclude'))\n")
        res = run([self.exe, "-c", script], env=clean_env())
        # '@@' tells our lines from warnings a wrapper may print on stderr.
        lines = [l[2:] for l in res.output.splitlines() if l.startswith("@@")]
        if not res.ok or len(lines) < 4:
            raise StepFailed(f"cannot query Python {self.label} ({self.exe})", res.transcript())
        self.version, self.ext_suffix = lines[0], lines[1]
        self.include_dirs = list(dict.fromkeys(lines[2:4]))
        if not self.version.startswith(self.label + "."):
            raise StepFailed(f"{self.exe} is Python {self.version}, expected {self.label}")
        return self

    def compile_flags(self):
        """-I for the headers, plus -idirafter their parent when it is not a
        system dir: Debian's pyconfig.h includes <TRIPLET/python3.X/pyconfig.h>,
        which for the trixie 3.13 root is only under $ROOT/usr/include.  Putting
        it *after* the system dirs keeps the host's libc headers in front."""
        flags = [f"-I{d}" for d in self.include_dirs]
        parent = os.path.dirname(self.include_dirs[0])
        if parent not in ("/usr/include", "/usr/local/include"):
            flags.append(f"-idirafter{parent}")
        return flags


class Toolchain:
    """The host C and C++ compilers used for every build."""

    def __init__(self, cc, cxx):
        self.cc, self.cxx = cc, cxx

    @staticmethod
    def is_clang(compiler):
        res = run([compiler, "--version"])
        return "clang" in res.output.lower()

    def asan_runtime(self, compiler):
        """Path of the shared ASan runtime that `compiler` links against.

        Python itself is not instrumented, so the runtime must be LD_PRELOADed
        and must be the one matching the compiler (gcc's libasan vs clang's
        libclang_rt.asan)."""
        if self.is_clang(compiler):
            arch = platform.machine()
            names = [f"libclang_rt.asan-{arch}.so", "libclang_rt.asan.so"]
        else:
            names = ["libasan.so"]
        for name in names:
            res = run([compiler, f"-print-file-name={name}"])
            path = res.output.strip()
            if res.ok and os.path.isabs(path) and os.path.exists(path):
                return os.path.realpath(path)
        raise StepFailed(f"cannot find the ASan runtime of {compiler} (tried {', '.join(names)})")


# --------------------------------------------------------------------------
# The extension folder


def sources(tree):
    """The extension's C/C++ files (top level of the folder), sorted for stable commands."""
    return sorted(p.name for p in tree.iterdir()
                  if p.is_file() and p.suffix in SOURCE_LANGS)


def sources_by_lang(tree):
    """{'c': [...], 'c++': [...]}: the tools get one run per language, because
    compiler args such as -std=c++17 are rejected for C files."""
    groups = {}
    for name in sources(tree):
        groups.setdefault(SOURCE_LANGS[Path(name).suffix], []).append(name)
    return groups


def copy_tree(src, dst):
    """Fresh copy of src at dst, skipping build/bytecode litter."""
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.so", "*.o"))


def tree_files(tree):
    return sorted(str(p.relative_to(tree)) for p in tree.rglob("*") if p.is_file())


def diff_trees(a, b, label_a, label_b):
    """Names of files that differ between two trees, and a unified diff of them."""
    names = sorted(set(tree_files(a)) | set(tree_files(b)))
    changed, text = [], []
    for name in names:
        pa, pb = a / name, b / name
        da = pa.read_bytes() if pa.exists() else None
        db = pb.read_bytes() if pb.exists() else None
        if da == db:
            continue
        changed.append(name)
        la = (da or b"").decode(errors="replace").splitlines(True)
        lb = (db or b"").decode(errors="replace").splitlines(True)
        text.extend(difflib.unified_diff(la, lb, f"{label_a}/{name}", f"{label_b}/{name}"))
    return changed, "".join(text)


# --------------------------------------------------------------------------
# Steps


def build(tree, out_dir, module, python, tc, extra_flags=()):
    """Compile every source to an object and link one <module><EXT_SUFFIX>.

    Objects are compiled one by one because g++ would treat .c files as C++;
    the link uses the C++ driver when any C++ file is present so libstdc++
    comes along.  Returns (note, transcript)."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    names = sources(tree)
    if not names:
        raise StepFailed(f"no .c/.cpp files in {tree}")
    transcript, objects, has_cxx = [], [], False
    for name in names:
        is_cxx = SOURCE_LANGS[Path(name).suffix] == "c++"
        has_cxx |= is_cxx
        obj = out_dir / (name + ".o")
        cmd = [tc.cxx if is_cxx else tc.cc, *COMPILE_FLAGS, *(CXX_FLAGS if is_cxx else C_FLAGS),
               *extra_flags, *python.compile_flags(), "-c", tree / name, "-o", obj]
        res = run(cmd)
        transcript.append(res.transcript())
        if not res.ok:
            raise StepFailed(f"{name} does not compile", "".join(transcript))
        objects.append(obj)
    target = out_dir / (module + python.ext_suffix)
    res = run([tc.cxx if has_cxx else tc.cc, "-shared", *extra_flags, *objects, "-o", target])
    transcript.append(res.transcript())
    if not res.ok:
        raise StepFailed("link failed", "".join(transcript))
    return target.name, "".join(transcript)


def expect_build(tree, out_dir, module, python, tc, expect):
    """The legacy build against 3.13: by default it must fail (the removed APIs
    are really gone), so that 'after' passing means the migration fixed it."""
    try:
        note, transcript = build(tree, out_dir, module, python, tc)
        built, details = True, transcript
    except StepFailed as e:
        built, details = False, e.details
    if expect == "fail" and built:
        raise StepFailed("legacy code unexpectedly builds (use --before-313 ok|any)", details)
    if expect == "ok" and not built:
        raise StepFailed("legacy code does not build", details)
    return ("builds" if built else "fails to build") + f", as expected ({expect})", details


def import_and_test(python, build_dir, tree, module, test_file, env_extra=None, *,
                    stage="migrated"):
    """Import the module from build_dir (checking it is that copy that loads),
    then run the case's test file; any non-zero exit is a failure.

    PYCAPI_E2E_STAGE tells the test which code it runs against, for behaviour
    that legitimately differs: 'before' (the legacy code), 'migrated' (the
    tools' output as it is) or 'patched' (that output with --after-patch)."""
    env = clean_env(PYTHONPATH=str(build_dir), PYCAPI_E2E_STAGE=stage, **(env_extra or {}))
    res = run([python.exe, "-c", f"import {module}; print({module}.__file__)"],
              cwd=build_dir, env=env)
    transcript = res.transcript()
    loaded = res.output.strip().splitlines()[-1:] if res.ok else []
    if not res.ok:
        raise StepFailed(f"import {module} failed", transcript)
    if not loaded or not os.path.realpath(loaded[0]).startswith(os.path.realpath(build_dir)):
        raise StepFailed(f"imported {module} from the wrong place", transcript)
    res = run([python.exe, "-X", "faulthandler", tree / test_file], cwd=build_dir, env=env)
    transcript += res.transcript()
    if not res.ok:
        raise StepFailed(f"{test_file} failed", transcript)
    return "", transcript


def import_and_test_asan(python, build_dir, tree, module, test_file, tc, *, stage="migrated"):
    """import_and_test with the compiler's ASan runtime preloaded into the
    (uninstrumented) interpreter.  Leak detection is off: CPython does not free
    everything at exit."""
    cxx = "c++" in sources_by_lang(tree)
    linker = tc.cxx if cxx else tc.cc
    preload = [tc.asan_runtime(linker)]
    if cxx:
        # The interpreter does not load the C++ runtime, so at start-up ASan
        # finds no __cxa_throw to intercept and aborts at the first throw;
        # preloading libstdc++ after the ASan runtime gives it one.
        res = run([tc.cxx, "-print-file-name=libstdc++.so"])
        if res.ok and os.path.isabs(res.output.strip()):
            preload.append(os.path.realpath(res.output.strip()))
    env = {"LD_PRELOAD": " ".join(preload),
           "ASAN_OPTIONS": "detect_leaks=0:halt_on_error=1"}
    note, transcript = import_and_test(python, build_dir, tree, module, test_file, env,
                                       stage=stage)
    return f"LD_PRELOAD={env['LD_PRELOAD']}", transcript


def probe_headers(python, tc, scratch):
    """Compile a file that only includes Python.h, so that a broken include
    setup is reported as such rather than as an 'expected' 3.13 failure."""
    scratch.mkdir(parents=True, exist_ok=True)
    probe = scratch / f"probe-{python.label}.c"
    probe.write_text("#define PY_SSIZE_T_CLEAN\n#include <Python.h>\n"
                     "int probe(void) { return PY_MINOR_VERSION; }\n")
    res = run([tc.cc, *COMPILE_FLAGS, *C_FLAGS, *python.compile_flags(), "-fsyntax-only", probe])
    if not res.ok:
        raise StepFailed(f"cannot compile against Python {python.label} headers", res.transcript())
    return res.transcript()


class Migrator:
    """Builds the two tools' command lines from the same options, so the only
    difference between the CLI and plugin runs is the driver itself."""

    def __init__(self, args, py311):
        self.args, self.py311 = args, py311

    def compiler_args(self, lang):
        """The code is parsed as for the 3.11 build: the legacy APIs are still
        declared there, so the checks can match them."""
        return [*self.py311.compile_flags(), *(CXX_FLAGS if lang == "c++" else [])]

    def common(self):
        extra = list(self.args.migrate_arg)
        if self.args.config is not None:
            extra.append(f"--config={self.args.config}")
        return extra

    def cli(self, files, lang):
        return [self.args.pycapi_migrate, "--fix", *self.common(), *files,
                "--", *self.compiler_args(lang)]

    def tidy(self, files, lang):
        return [self.args.clang_tidy, f"--load={self.args.plugin}",
                f"--checks={self.args.tidy_checks}", "--fix", *self.common(), *files,
                "--", *self.compiler_args(lang)]

    def run(self, make_cmd, tree, printed=None):
        """Run one tool over tree in place (relative file names, cwd=tree).

        Appends what the tool printed to the list `printed`, if given."""
        transcript = []
        for lang, files in sources_by_lang(tree).items():
            res = run(make_cmd(files, lang), cwd=tree, env=clean_env())
            transcript.append(res.transcript())
            if printed is not None:
                printed.append(res.output)
            if not res.ok:
                raise StepFailed(f"exit status {res.returncode}", "".join(transcript))
        return "".join(transcript)


def migrate_with(migrator, which, src, dst, printed):
    """Copy src to dst and migrate it there with the CLI or the plugin;
    printed[which] gets what the tool printed, diagnostics as written."""
    copy_tree(src, dst)
    output = []
    transcript = migrator.run(migrator.cli if which == "cli" else migrator.tidy, dst, output)
    # Both tools name files by absolute path, and the two trees differ: strip
    # the tree so that both read `holder.c:36:5: note: ...`.
    printed[which] = "".join(output).replace(f"{dst}{os.sep}", "")
    changed, diff = diff_trees(src, dst, "before", "after")
    note = f"{len(changed)} file(s) changed" + (f": {', '.join(changed)}" if changed else "")
    return note, transcript + diff


def same_trees(a, b, what):
    changed, diff = diff_trees(a, b, a.name, b.name)
    if changed:
        raise StepFailed(f"{what}: {', '.join(changed)} differ", diff)
    return "byte-identical", ""


def expected_diagnostics(expect_file, printed):
    """Every line of expect_file (blank lines and '#' comments aside) must be
    part of a line that each tool printed: a note or warning the migration
    must give, with its location (file:line:col), checked for both drivers.
    A line that starts with "cli: " or "tidy: " is checked for that tool
    only (a note that names an option names the CLI's flag under the CLI
    and the option's key under clang-tidy)."""
    expected = [line.strip() for line in expect_file.read_text().splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    if not expected:
        raise StepFailed(f"{expect_file} expects nothing")
    missing = []
    for tool, output in sorted(printed.items()):
        lines = output.splitlines()
        for want in expected:
            only, sep, text = want.partition(": ")
            if sep and only in printed:
                if only != tool:
                    continue
                want = text
            if not any(want in line for line in lines):
                missing.append(f"{tool}: {want}")
    if missing:
        raise StepFailed(f"{len(missing)} expected diagnostic(s) not printed",
                         "missing:\n" + _indent("\n".join(missing)) +
                         "".join(f"{tool} printed:\n{_indent(output) if output else '    (nothing)'}"
                                 for tool, output in sorted(printed.items())))
    return f"{len(expected)} line(s), in the output of {' and '.join(sorted(printed))}", ""


def apply_patch(patch_file, migrated, patched):
    """Copy the migrated tree and apply the case's patch to the copy with
    every context line matching (--fuzz=0; a hunk may only move): a patch that
    does not apply means the tool's output is no longer what it was written for.
    A dry run first, so a failing hunk leaves no half-patched tree."""
    copy_tree(migrated, patched)
    cmd = ["patch", "-p1", "--batch", "--forward", "--fuzz=0", "--no-backup-if-mismatch",
           "-d", patched, "-i", patch_file]
    res = run([*cmd[:1], "--dry-run", *cmd[1:]])
    if not res.ok:
        raise StepFailed(f"{patch_file.name} does not apply to the migrated code",
                         res.transcript())
    res = run(cmd)
    if not res.ok:
        raise StepFailed("patch failed after a clean dry run", res.transcript())
    changed, diff = diff_trees(migrated, patched, "migrated", "patched")
    return f"{len(changed)} file(s) changed: {', '.join(changed)}", res.transcript() + diff


def idempotent(migrator, migrated, again):
    """A second CLI --fix over already-migrated code must be a no-op."""
    copy_tree(migrated, again)
    transcript = migrator.run(migrator.cli, again)
    changed, diff = diff_trees(migrated, again, "first-pass", "second-pass")
    if changed:
        raise StepFailed(f"second --fix changed {', '.join(changed)}", transcript + diff)
    return "second --fix changes nothing", transcript


# --------------------------------------------------------------------------
# Driver


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Build, migrate, rebuild and test one CPython extension end to end.",
        epilog="Example: %(prog)s test/e2e/cases/smoke --module smoke --test test_smoke.py "
               "--work /tmp/e2e-smoke")
    p.add_argument("ext_dir", type=Path, help="extension folder: C/C++ files and a Python test")
    p.add_argument("--module", help="extension module name (default: folder name)")
    p.add_argument("--test", help="test file, relative to ext_dir (default: test_<module>.py)")
    p.add_argument("--name", help="name used in the report (default: folder name)")
    p.add_argument("--work", type=Path, help="work folder, wiped first "
                   "(default: $TMPDIR/pycapi-e2e/<name>)")
    p.add_argument("--pycapi-migrate", default=str(REPO / "build/bin/pycapi-migrate"))
    p.add_argument("--plugin", default=str(REPO / "build/lib/pycapi-tidy.so"))
    p.add_argument("--clang-tidy", default=shutil.which("clang-tidy") or "clang-tidy")
    p.add_argument("--tidy-checks", help="clang-tidy --checks value (default: "
                   "pycapi-migrate's default set, without the opt-in checks)")
    p.add_argument("--python311", default="/usr/bin/python3")
    p.add_argument("--python313", help="default: the path printed by scripts/python313")
    p.add_argument("--cc", default=os.environ.get("CC", "cc"))
    p.add_argument("--cxx", default=os.environ.get("CXX", "c++"))
    p.add_argument("--before-313", choices=["fail", "ok", "any"], default="fail",
                   help="expected result of building the unmigrated code for 3.13")
    p.add_argument("--migrate-arg", action="append", default=[],
                   help="extra argument for both tools, before the files (repeatable; "
                        "use --migrate-arg=-x for values starting with '-')")
    p.add_argument("--config", help="YAML passed as --config to both tools")
    p.add_argument("--asan", action="store_true",
                   help="also build the migrated code with AddressSanitizer and test on 3.11")
    p.add_argument("--expect-diagnostics", type=Path, metavar="FILE",
                   help="file (relative to ext_dir) whose lines must each appear in the "
                        "output of both tools")
    p.add_argument("--after-patch", type=Path, metavar="FILE",
                   help="patch (-p1, relative to ext_dir) applied to the migrated tree "
                        "before the after/* steps; the unpatched tree is built and tested "
                        "on 3.13 too")
    args = p.parse_args(argv)
    # The tools run with cwd inside the work folder: make relative paths absolute.
    for attr in ("pycapi_migrate", "plugin", "clang_tidy", "python311", "python313", "cc", "cxx"):
        value = getattr(args, attr)
        if value and os.sep in value:
            setattr(args, attr, os.path.abspath(value))
    args.ext_dir = args.ext_dir.resolve()
    for attr in ("expect_diagnostics", "after_patch"):
        value = getattr(args, attr)
        if value is not None:
            setattr(args, attr, (args.ext_dir / value).resolve())
    args.name = args.name or args.ext_dir.name
    args.module = args.module or args.ext_dir.name
    args.test = args.test or f"test_{args.module}.py"
    if args.work is None:
        args.work = Path(os.environ.get("TMPDIR", "/tmp")) / "pycapi-e2e" / args.name
    args.work = args.work.resolve()
    return args


def prepare_work(work, ext_dir):
    """Wipe and recreate the work folder, refusing anything that does not look
    like one of ours (a typo in --work must not delete a source tree)."""
    if ext_dir == work or ext_dir.is_relative_to(work) or REPO.is_relative_to(work):
        raise SystemExit(f"harness: refusing to use {work} as work folder (it contains sources)")
    if work.exists() and any(work.iterdir()) and not (work / WORK_MARKER).exists():
        raise SystemExit(f"harness: {work} is not empty and has no {WORK_MARKER}; "
                         "not wiping it")
    if work.exists():
        shutil.rmtree(work)
    (work / "logs").mkdir(parents=True)
    (work / WORK_MARKER).write_text("created by test/e2e/harness.py; wiped on every run\n")


def find_python313():
    """Run scripts/python313 (installs trixie's 3.13 on first use); it prints
    the interpreter path as its last stdout line."""
    script = REPO / "scripts" / "python313"
    res = subprocess.run(["bash", str(script)], stdout=subprocess.PIPE, text=True)
    lines = [l for l in res.stdout.splitlines() if l.strip()]
    if res.returncode != 0 or not lines:
        raise StepFailed(f"{script} failed (exit status {res.returncode})")
    return lines[-1].strip()


def default_checks(args):
    """The checks pycapi-migrate runs with the case's configuration, as its
    --dump-config shows them: clang-tidy gets the same set, so that the two
    tools' results can be compared (clang-tidy's `pycapi-*` would add the
    opt-in checks that pycapi-migrate runs only when asked)."""
    config = [] if args.config is None else [f"--config={args.config}"]
    result = run([args.pycapi_migrate, "--dump-config", *config, args.ext_dir])
    match = re.search(r"^Checks:\s*'([^']*)'", result.output, re.MULTILINE)
    if not result.ok or not match:
        raise StepFailed("pycapi-migrate --dump-config printed no Checks:",
                         result.transcript())
    return match.group(1)


def setup(args, tc, found):
    """Check tools and interpreters up front, so later failures are about the code.

    Fills found['3.11'] and found['3.13'] with Python objects."""
    for label, path in (("--pycapi-migrate", args.pycapi_migrate), ("--plugin", args.plugin)):
        if not os.path.isfile(path):
            raise StepFailed(f"{label} {path} does not exist (build it with ninja -C build)")
    if not shutil.which(args.clang_tidy):
        raise StepFailed(f"--clang-tidy {args.clang_tidy} not found")
    if args.tidy_checks is None:
        args.tidy_checks = default_checks(args)
    if not (args.ext_dir / args.test).is_file():
        raise StepFailed(f"test file {args.ext_dir / args.test} does not exist")
    for label, path in (("--expect-diagnostics", args.expect_diagnostics),
                        ("--after-patch", args.after_patch)):
        if path is not None and not path.is_file():
            raise StepFailed(f"{label} {path} does not exist")
    if args.after_patch is not None and not shutil.which("patch"):
        raise StepFailed("--after-patch needs the `patch` program (apt-get install patch)")
    py311 = Python("3.11", args.python311).query()
    py313 = Python("3.13", args.python313 or find_python313()).query()
    scratch = args.work / "probe"
    details = probe_headers(py311, tc, scratch) + probe_headers(py313, tc, scratch)
    found.update({"3.11": py311, "3.13": py313})
    note = (f"3.11={py311.exe} ({py311.version}), 3.13={py313.exe} ({py313.version}), "
            f"cc={tc.cc}, cxx={tc.cxx}")
    return note, details


def main(argv=None):
    args = parse_args(argv)
    prepare_work(args.work, args.ext_dir)
    rep = Reporter(args.name, args.work / "logs")
    tc = Toolchain(args.cc, args.cxx)
    w, mod, test = args.work, args.module, args.test

    found = {}
    if not rep.step("setup", setup, args, tc, found):
        return rep.finish()
    py311, py313 = found["3.11"], found["3.13"]

    src = w / "src"
    copy_tree(args.ext_dir, src)

    # before: the legacy code works on 3.11 and (normally) cannot build on 3.13
    if rep.step("before/3.11 build", build, src, w / "build/before-3.11", mod, py311, tc):
        rep.step("before/3.11 import+test", import_and_test, py311, w / "build/before-3.11",
                 src, mod, test, stage="before")
    else:
        rep.skip("before/3.11 import+test", "build failed")
    built313 = rep.step("before/3.13 build", expect_build, src, w / "build/before-3.13",
                        mod, py313, tc, args.before_313)
    if built313 and args.before_313 == "ok":
        rep.step("before/3.13 import+test", import_and_test, py313, w / "build/before-3.13",
                 src, mod, test, stage="before")

    # migrate: CLI and plugin agree, and the CLI is idempotent
    migrator = Migrator(args, py311)
    cli_tree, tidy_tree = w / "migrated-cli", w / "migrated-clang-tidy"
    printed = {}
    cli_ok = rep.step("migrate/cli", migrate_with, migrator, "cli", src, cli_tree, printed)
    tidy_ok = rep.step("migrate/clang-tidy", migrate_with, migrator, "tidy", src, tidy_tree,
                       printed)
    if cli_ok and tidy_ok:
        rep.step("migrate/cli == clang-tidy", same_trees, cli_tree, tidy_tree,
                 "CLI and clang-tidy results differ")
    else:
        rep.skip("migrate/cli == clang-tidy", "a migration failed")
    if cli_ok:
        rep.step("migrate/idempotent", idempotent, migrator, cli_tree, w / "migrated-cli-again")
    else:
        rep.skip("migrate/idempotent", "CLI migration failed")

    if args.expect_diagnostics:
        if cli_ok and tidy_ok:
            rep.step("migrate/expected diagnostics", expected_diagnostics,
                     args.expect_diagnostics, printed)
        else:
            rep.skip("migrate/expected diagnostics", "a migration failed")

    def build_and_test(prefix, variants, tree, stage, missing):
        """`<prefix>/<label> build` and `<prefix>/<label> import+test` for each
        (label, python, asan) variant; SKIPs saying why when `missing` is set."""
        for label, py, asan in variants:
            build_step, test_step = f"{prefix}/{label} build", f"{prefix}/{label} import+test"
            if missing:
                rep.skip(build_step, missing)
                rep.skip(test_step, missing)
                continue
            out = w / f"build/{prefix}-{label}"
            if not rep.step(build_step, build, tree, out, mod, py, tc, ASAN_FLAGS if asan else []):
                rep.skip(test_step, "build failed")
            elif asan:
                rep.step(test_step, import_and_test_asan, py, out, tree, mod, test, tc, stage=stage)
            else:
                rep.step(test_step, import_and_test, py, out, tree, mod, test, stage=stage)

    # after: the migrated code builds and passes on both versions (and under
    # ASan). With a patch, the tools' own output must still build and pass on
    # 3.13 as it is, and the after/* steps build and test it patched.
    cli_missing = None if cli_ok else "CLI migration failed"
    after_tree, stage, after_missing = cli_tree, "migrated", cli_missing
    if args.after_patch:
        build_and_test("unpatched", [("3.13", py313, False)], cli_tree, "migrated", cli_missing)
        after_tree, stage = w / "patched", "patched"
        if cli_missing:
            rep.skip("patch/apply", cli_missing)
        elif not rep.step("patch/apply", apply_patch, args.after_patch, cli_tree, after_tree):
            after_missing = "the patch does not apply"
    variants = [("3.11", py311, False), ("3.13", py313, False)]
    if args.asan:
        variants.append(("3.11-asan", py311, True))
    build_and_test("after", variants, after_tree, stage, after_missing)

    return rep.finish()


if __name__ == "__main__":
    sys.exit(main())
