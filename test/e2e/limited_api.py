#!/usr/bin/env python3
"""End-to-end test of pycapi-limited-api (stdlib only; reuses harness.py).

An abi3 extension whose Py_LIMITED_API target (3.12) is lower than what it
calls (the 3.13 additions to the Limited API). The steps prove that the
check's findings are real and that following them gives a working module:

  setup            find CPython 3.13 and its headers, the tools
  check/target     the CLI and the clang-tidy plugin, against the 3.13
                   headers, report exactly the expected names, all with
                   "raise Py_LIMITED_API to 0x030D0000", and identically
  before/3.13      the unraised code does not build against 3.13 (its
                   headers hide those functions from a 3.12 target)
  raise            rewrite the #define Py_LIMITED_API to what the check said
  check/raised     the check now reports nothing
  after/3.13       build <module>.abi3.so against 3.13 with the raised target
  after/abi        every Python symbol the module imports is in the Stable
                   ABI of the raised target (data/stable_abi-3.13.toml)
  after/import     import it on 3.13 and run the case's test

Usage: limited_api.py EXT_DIR --module M --test T --expect NAME... [options]
Exit status 0 only when every step passed.
"""

import argparse
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402  (the shared e2e machinery)
from harness import StepFailed, run  # noqa: E402

FINDING = re.compile(
    r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): warning: '(?P<name>\w+)' "
    r"is in the Limited API only since (?P<since>3\.\d+); raise Py_LIMITED_API "
    r"to (?P<hex>0x[0-9A-F]{8}) or avoid it \[pycapi-limited-api\]$", re.M)
ANY_LIMITED = re.compile(r"^.*\[pycapi-limited-api\]$", re.M)
DEFINE = re.compile(r"^(\s*#\s*define\s+Py_LIMITED_API\s+)(0x[0-9A-Fa-f]+)\s*$", re.M)


def relative_to(tree, line):
    """The diagnostic LINE with its file name relative to TREE."""
    file, sep, rest = line.partition(":")
    if os.path.isabs(file):
        file = os.path.relpath(file, tree)
    return file + sep + rest


def check_tools(args, tree, py313):
    """Run the check through the CLI and the plugin over every source; return
    the findings (the same for both) and the transcript."""
    flags = [*py313.compile_flags(), "-Wno-implicit-function-declaration"]
    outputs, transcript = {}, []
    for tool in ("cli", "plugin"):
        text = []
        for name in harness.sources(tree):
            if tool == "cli":
                # --root: its file names relative to the tree (the CLI names
                # files relative to the root it finds, here the repository's).
                cmd = [args.pycapi_migrate, "--color=never", "--root", str(tree), name,
                       "--", *flags]
            else:
                cmd = [args.clang_tidy, f"--load={args.plugin}", "--checks=-*,pycapi-*",
                       name, "--", *flags]
            res = run(cmd, cwd=tree, env=harness.clean_env())
            transcript.append(res.transcript())
            # The unraised code may not compile against 3.13 (exit 2 for the
            # CLI, 1 for clang-tidy); anything else is a failure of the tool.
            if res.returncode not in (0, 1, 2):
                raise StepFailed(f"{tool} exit status {res.returncode}", "".join(transcript))
            text.append(res.output)
        # clang-tidy names files absolutely: relative to the tree, as the CLI.
        outputs[tool] = sorted(relative_to(tree, line)
                               for line in ANY_LIMITED.findall("".join(text)))
    if outputs["cli"] != outputs["plugin"]:
        raise StepFailed("the CLI and the plugin report differently", "".join(transcript))
    return outputs["cli"], "".join(transcript)


def expect_findings(args, tree, py313):
    lines, transcript = check_tools(args, tree, py313)
    found = [FINDING.match(line) for line in lines]
    if not lines or not all(found):
        raise StepFailed("unexpected findings (or none)", transcript)
    names = sorted({m["name"] for m in found})
    if names != sorted(args.expect):
        raise StepFailed(f"reported {names}, expected {sorted(args.expect)}", transcript)
    targets = {m["hex"] for m in found}
    if len(targets) != 1:
        raise StepFailed(f"the findings disagree on the target: {sorted(targets)}", transcript)
    args.raised = targets.pop()
    return f"{len(found)} uses of {len(names)} names; raise to {args.raised}", transcript


def expect_no_build(tree, out, module, py313, tc):
    try:
        harness.build(tree, out, module, py313, tc)
    except StepFailed as e:
        return "does not build, as expected", e.details
    raise StepFailed("the code with the low target builds against 3.13; the findings "
                     "would not be needed")


def raise_target(args, src, dst):
    harness.copy_tree(src, dst)
    changed = []
    for name in harness.sources(dst):
        path = dst / name
        text = path.read_text()
        new, count = DEFINE.subn(lambda m: m.group(1) + args.raised, text)
        if count:
            path.write_text(new)
            changed.append(name)
    if not changed:
        raise StepFailed("no '#define Py_LIMITED_API 0x...' line to raise")
    return f"Py_LIMITED_API={args.raised} in {', '.join(changed)}", ""


def expect_clean(args, tree, py313):
    lines, transcript = check_tools(args, tree, py313)
    if lines:
        raise StepFailed(f"{len(lines)} findings remain", transcript)
    return "no findings", transcript


def stable_abi_symbols(target):
    """Names of functions and data in the Stable ABI of `target` ('3.13')."""
    with open(harness.REPO / "data" / "stable_abi-3.13.toml", "rb") as f:
        manifest = tomllib.load(f)
    minor = int(target.split(".")[1])
    symbols = set()
    for kind in ("function", "data"):
        for name, item in manifest.get(kind, {}).items():
            if int(item["added"].split(".")[1]) <= minor:
                symbols.add(name)
    return symbols


def expect_stable_abi(built, target):
    res = run(["nm", "-D", "--undefined-only", built])
    if not res.ok:
        raise StepFailed("nm failed", res.transcript())
    imported = {line.split()[-1] for line in res.output.splitlines() if line.strip()}
    python = sorted(s for s in imported if s.startswith(("Py", "_Py")))
    outside = [s for s in python if s not in stable_abi_symbols(target)]
    if outside:
        raise StepFailed(f"imports outside the Stable ABI of {target}: {', '.join(outside)}",
                         res.transcript())
    return f"{len(python)} Python symbols, all in the Stable ABI of {target}", res.transcript()


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("ext_dir", type=Path)
    p.add_argument("--module", required=True)
    p.add_argument("--test", required=True)
    p.add_argument("--expect", nargs="+", required=True,
                   help="the names the check must report for the low target")
    p.add_argument("--name", default="limited_api")
    p.add_argument("--work", type=Path, required=True)
    p.add_argument("--pycapi-migrate", default=str(harness.REPO / "build/bin/pycapi-migrate"))
    p.add_argument("--plugin", default=str(harness.REPO / "build/lib/pycapi-tidy.so"))
    p.add_argument("--clang-tidy", default="clang-tidy")
    p.add_argument("--python313")
    p.add_argument("--cc", default=os.environ.get("CC", "cc"))
    p.add_argument("--cxx", default=os.environ.get("CXX", "c++"))
    args = p.parse_args(argv)
    for attr in ("pycapi_migrate", "plugin", "clang_tidy", "python313", "cc", "cxx"):
        value = getattr(args, attr)
        if value and os.sep in value:
            setattr(args, attr, os.path.abspath(value))
    args.ext_dir, args.work = args.ext_dir.resolve(), args.work.resolve()
    return args


def setup(args, tc, found):
    for label, path in (("--pycapi-migrate", args.pycapi_migrate), ("--plugin", args.plugin)):
        if not os.path.isfile(path):
            raise StepFailed(f"{label} {path} does not exist (build it with ninja -C build)")
    py313 = harness.Python("3.13", args.python313 or harness.find_python313()).query()
    found["3.13"] = py313
    return f"3.13={py313.exe} ({py313.version})", harness.probe_headers(
        py313, tc, args.work / "probe")


def main(argv=None):
    args = parse_args(argv)
    harness.prepare_work(args.work, args.ext_dir)
    rep = harness.Reporter(args.name, args.work / "logs")
    tc = harness.Toolchain(args.cc, args.cxx)
    found = {}
    if not rep.step("setup", setup, args, tc, found):
        return rep.finish()
    py313 = found["3.13"]
    src, raised = args.work / "src", args.work / "raised"
    harness.copy_tree(args.ext_dir, src)

    if not rep.step("check/target", expect_findings, args, src, py313):
        return rep.finish()
    rep.step("before/3.13 build", expect_no_build, src, args.work / "build/before-3.13",
             args.module, py313, tc)
    if not rep.step("raise", raise_target, args, src, raised):
        return rep.finish()
    rep.step("check/raised", expect_clean, args, raised, py313)

    # An abi3 module: the name any 3.x from the target on imports.
    abi3 = harness.Python("3.13", py313.exe)
    abi3.version, abi3.include_dirs, abi3.ext_suffix = py313.version, py313.include_dirs, ".abi3.so"
    out = args.work / "build/after-3.13"
    if rep.step("after/3.13 build", harness.build, raised, out, args.module, abi3, tc):
        target = "3.%d" % int(args.raised[4:6], 16)
        rep.step("after/abi", expect_stable_abi, out / (args.module + ".abi3.so"), target)
        rep.step("after/3.13 import+test", harness.import_and_test, py313, out, raised,
                 args.module, args.test)
    else:
        rep.skip("after/3.13 import+test", "build failed")
    return rep.finish()


if __name__ == "__main__":
    sys.exit(main())
