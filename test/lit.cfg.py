# lit configuration for pycapi-migrate's check tests.
import os
import lit.formats

config.name = "pycapi-migrate"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "e2e", "ecosystem", "integration", "check_pycapi.py", "lit.cfg.py", "CMakeLists.txt", "README.md"]
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
    "--clang-tidy=" + config.clang_tidy,
    "--filecheck=" + config.filecheck,
    "--cc=" + config.clang,
])
# -Dcrlf=1: every check test also runs on a CRLF copy of its file (see
# check_pycapi.py -crlf).
if lit_config.params.get("crlf"):
    check += " -crlf"
config.substitutions.append(("%check_pycapi", check))
config.substitutions.append(("%pycapi_migrate", config.pycapi_cli))
config.substitutions.append(("%pycapi_plugin", config.pycapi_plugin))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
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
config.available_features.add("llvm-" + config.llvm_major)

# Tests see a predictable environment: no colour, no user config.
config.environment["TERM"] = "dumb"
config.environment["HOME"] = config.test_exec_root
for var in ("LANG", "LC_ALL", "TMPDIR"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
# FileCheck, not and clang of the chosen LLVM come first on PATH.
config.environment["PATH"] = os.pathsep.join(
    [os.path.dirname(config.filecheck), os.environ.get("PATH", "")])
