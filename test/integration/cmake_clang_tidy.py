"""cmake_clang_tidy.py --project DIR --clang-tidy EXE --plugin SO --python EXE

Configures and builds the CMake project in DIR (an extension that uses a
removed buffer API) with CMAKE_C_CLANG_TIDY set to clang-tidy loading the
pycapi plugin, and checks that the normal build prints the pycapi warning and
still succeeds (clang-tidy findings are warnings, not errors), and that with
--warnings-as-errors=pycapi-* the build fails."""
import argparse
import os
import sys

import itest
from itest import expect, run


def test(work, args):
    build = os.path.join(work, "build")
    tidy = ";".join([args.clang_tidy, "--load=" + args.plugin, "--checks=-*,pycapi-*"])
    env = itest.clean_env()
    code, out = run(["cmake", "-S", args.project, "-B", build, "-G", "Ninja",
                     "-DCMAKE_C_CLANG_TIDY=" + tidy,
                     "-DPython3_EXECUTABLE=" + args.python], env=env)
    expect(code == 0, "the project configures", out)
    code, out = run(["cmake", "--build", build], env=env)
    expect(code == 0, "the project builds", out)
    expect("ext.c:16:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13" in out
           and "[pycapi-removed-buffer-api]" in out,
           "the build output shows the pycapi warning", out)

    # With --warnings-as-errors the same finding fails the build.
    build2 = os.path.join(work, "build-werror")
    code, out = run(["cmake", "-S", args.project, "-B", build2, "-G", "Ninja",
                     "-DCMAKE_C_CLANG_TIDY=" + tidy + ";--warnings-as-errors=pycapi-*",
                     "-DPython3_EXECUTABLE=" + args.python], env=env)
    expect(code == 0, "the project configures with --warnings-as-errors", out)
    code, out = run(["cmake", "--build", build2], env=env)
    expect(code != 0 and "error: 'PyObject_AsCharBuffer' was removed" in out,
           "with --warnings-as-errors=pycapi-* the finding fails the build", out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--project", required=True)
    p.add_argument("--clang-tidy", required=True)
    p.add_argument("--plugin", required=True)
    p.add_argument("--python", required=True, help="Python with headers to build for")
    args = p.parse_args()
    return itest.main(lambda work: test(work, args))


if __name__ == "__main__":
    sys.exit(main())
