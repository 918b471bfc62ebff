# lit configuration for pycapi-migrate's check tests.
import os
import lit.formats

config.name = "pycapi-migrate"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "e2e", "integration", "check_pycapi.py", "lit.cfg.py", "CMakeLists.txt", "README.md"]
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
config.substitutions.append(("%check_pycapi", check))
config.substitutions.append(("%pycapi_migrate", config.pycapi_cli))
config.substitutions.append(("%pycapi_plugin", config.pycapi_plugin))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%python", config.python_executable))
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
