# A tiny setuptools extension; `bear -- python3 setup.py build_ext` records
# its compile command in compile_commands.json (see ../setuptools_bear.py).
from setuptools import Extension, setup

setup(
    name="legacybuf",
    version="0.1",
    ext_modules=[Extension("legacybuf", ["legacybuf.c"])],
)
