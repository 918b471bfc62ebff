# lit configuration for pycapi-migrate's check tests.
import os
import lit.formats

config.name = "pycapi-migrate"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "e2e", "ecosystem", "integration", "check_pycapi.py", "sanitized_lit.py", "lit.cfg.py", "CMakeLists.txt", "README.md"]
# The file-safety tests (test/safety) are their own ctest entry, label
# "safety": lit runs them only when asked with -Dsuite=safety.
if lit_config.params.get("suite") != "safety":
    config.excludes.append("safety")
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.pycapi_obj_root, "test")

check = " ".join([
    config.python_executable,
    os.path.join(config.test_source_root, "check_pycapi.py"),
    "--plugin=" + config.pycapi_plugin,
    "--cli=" + config.pycapi_cli,
    "--clang-tidy=" + config.clang_tidy_command,
    "--filecheck=" + config.filecheck,
    "--cc=" + config.clang,
])
# -Dcrlf=1: every check test also runs on a CRLF copy of its file (see
# check_pycapi.py -crlf).
if lit_config.params.get("crlf"):
    check += " -crlf"
# A sanitized build runs the check tests through the CLI only. Both tools run
# the same objects of checks/, so the CLI's runs sanitize all of that code;
# running it again inside clang-tidy, with the runtime preloaded into a
# binary that is not instrumented, doubled the sanitized suite's time and
# made CI overlong. The tests that load the plugin themselves (%clang_tidy)
# still run it sanitized, and the unsanitized builds compare the plugin
# with the CLI on every check test.
if config.pycapi_sanitize:
    check += " --tools=cli"
config.substitutions.append(("%check_pycapi", check))
config.substitutions.append(("%pycapi_migrate", config.pycapi_cli))
config.substitutions.append(("%pycapi_plugin", config.pycapi_plugin))
config.substitutions.append(("%clang_tidy", config.clang_tidy_command))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%python", config.python_executable))
# Real CPython headers: Debian 12's 3.11 and the real 3.13 that
# scripts/python313 installs (a Debian trixie root; never an interpreter from
# PATH, so that every machine tests the same headers). %py311 and %py313 are
# the compiler flags a project would pass (-I, as setuptools does, so the
# headers are not system headers); %py313_include is the folder itself.
import subprocess
py311_include = "/usr/include/python3.11"
if not os.path.isfile(os.path.join(py311_include, "Python.h")):
    lit_config.fatal("no Python.h in %s: apt-get install python3-dev" % py311_include)
python313_script = os.path.join(os.path.dirname(config.test_source_root), "scripts", "python313")
python313 = subprocess.run(["bash", python313_script], stdout=subprocess.PIPE,
                           universal_newlines=True,
                           env=dict(os.environ, PYCAPI_PYTHON313_NO_PATH="1"))
if python313.returncode or not python313.stdout.strip():
    lit_config.fatal("scripts/python313 failed: the tests need the real CPython 3.13 headers")
py313_root = os.path.join(os.path.dirname(python313.stdout.strip()), "root")
py313_include = os.path.join(py313_root, "usr", "include", "python3.13")
config.substitutions.append(("%py311_include", py311_include))
config.substitutions.append(("%py313_include", py313_include))
config.substitutions.append(("%py311", "-I" + py311_include))
config.substitutions.append(("%py313", "-I%s -idirafter %s" % (
    py313_include, os.path.join(py313_root, "usr", "include"))))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
# The mock header of the removed names that the build generates from the
# table (data/gen_mock_headers.py), and the folder of the table and its
# generators.
config.substitutions.append(("%generated_mock", os.path.join(
    config.pycapi_obj_root, "generated", "mock")))
config.substitutions.append(("%data", os.path.join(
    os.path.dirname(config.test_source_root), "data")))
# gcc, for tests that compile a fixed file with it too: at -O2 its
# -Wmaybe-uninitialized fires on paths where clang's -Wall sees nothing.
import shutil
gcc = shutil.which("gcc")
if not gcc:
    lit_config.fatal("no gcc on PATH: apt-get install gcc")
config.substitutions.append(("%gcc", gcc))
config.available_features.add("llvm-" + config.llvm_major)

# Tests see a predictable environment: no colour, no user config.
config.environment["TERM"] = "dumb"
config.environment["HOME"] = config.test_exec_root
for var in ("LANG", "LC_ALL", "TMPDIR"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
# A sanitized build (-DPYCAPI_SANITIZE; docs/architecture.md, "Sanitized
# build"): the options of its runtime, for the CLI and for clang-tidy with
# the plugin (sanitized-clang-tidy preloads the runtime).
if config.pycapi_sanitize:
    reports = os.path.join(config.sanitizer_reports, "report")
    common = [
        # Into files that sanitized_lit.py looks at, so that no report goes
        # unseen: a test that expects a failure (`not`) would take a
        # sanitizer's exit for the failure it expects.
        "log_path=" + reports,
        # An exit code no tool of ours uses (they exit 0 to 3), so that
        # expect_exit.py and check_pycapi.py fail at once on a report.
        "exitcode=86",
        "symbolize=1",
    ]
    config.environment["ASAN_OPTIONS"] = ":".join(common + [
        # Our code is instrumented, LLVM's libraries (Debian's) are not, and
        # both work on the same objects. LLVM's headers see
        # -fsanitize=address and compile the inline parts of
        # BumpPtrAllocator in our code with manual poisoning of its slabs,
        # which libLLVM's own copy then hands out without unpoisoning: reads
        # of that memory would be reported as use-after-poison. Container
        # annotations likewise hold only when every piece of code that
        # touches a container is instrumented. Neither has fired on this
        # suite (Debian 12, LLVM 14: it passes with both left on), but a
        # false report in CI would say nothing about our code, so both are
        # off.
        "allow_user_poisoning=0",
        "detect_container_overflow=0",
        # Leaks of the CLI are checked. clang-tidy runs without (see
        # test/sanitized-clang-tidy.in).
        "detect_leaks=1",
    ])
    config.environment["UBSAN_OPTIONS"] = ":".join(common + [
        "halt_on_error=1", "print_stacktrace=1"])
    config.environment["ASAN_SYMBOLIZER_PATH"] = os.path.join(
        os.path.dirname(config.filecheck), "llvm-symbolizer")
    config.available_features.add("sanitized")
    lit_config.note("sanitized build (%s): sanitizer reports go to %s.*; "
                    "test/sanitized_lit.py fails the run on any"
                    % (config.pycapi_sanitize, reports))

# FileCheck, not and clang of the chosen LLVM come first on PATH.
config.environment["PATH"] = os.pathsep.join(
    [os.path.dirname(config.filecheck), os.environ.get("PATH", "")])
