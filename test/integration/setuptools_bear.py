"""setuptools_bear.py --project DIR --cli EXE --python EXE

The setuptools recipe: in a copy of the project in DIR, `bear --
python setup.py build_ext --force` writes compile_commands.json, and `pycapi-migrate
-p` with that database finds the removed API (with the include path and
flags setuptools used, not guessed ones)."""
import argparse
import json
import os
import shutil
import sys

import itest
from itest import expect, run


def test(work, args):
    bear = shutil.which("bear")
    expect(bear is not None, "bear is installed (apt-get install bear; scripts/bootstrap does)")
    proj = os.path.join(work, "proj")
    shutil.copytree(args.project, proj)
    env = itest.clean_env()
    code, out = run([bear, "--", args.python, "setup.py", "build_ext", "--force",
                     "--build-temp", "build/tmp", "--build-lib", "build/lib"],
                    cwd=proj, env=env)
    expect(code == 0, "bear -- python setup.py build_ext succeeds", out)
    db_path = os.path.join(proj, "compile_commands.json")
    expect(os.path.exists(db_path), "bear wrote compile_commands.json", out)
    with open(db_path) as f:
        db = json.load(f)
    entries = [e for e in db if os.path.basename(e["file"]) == "legacybuf.c"]
    expect(len(entries) == 1, "the database lists legacybuf.c", json.dumps(db, indent=1))

    src = os.path.join(proj, "legacybuf.c")
    code, out = run([args.cli, "--check", "-p", proj, src], cwd=proj, env=env)
    expect(code == 1, "pycapi-migrate --check -p exits 1 on the finding", out)
    expect("legacybuf.c:13:28: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13"
           in out, "pycapi-migrate -p reports the removed API", out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--project", required=True)
    p.add_argument("--cli", required=True)
    p.add_argument("--python", required=True, help="Python with setuptools and headers")
    args = p.parse_args()
    return itest.main(lambda work: test(work, args))


if __name__ == "__main__":
    sys.exit(main())
