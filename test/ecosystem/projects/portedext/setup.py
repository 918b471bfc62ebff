from setuptools import Extension, setup

setup(
    name="portedext",
    version="1.0",
    ext_modules=[Extension("portedext", ["src/portedext.c", "src/checksum.cpp"])],
)
