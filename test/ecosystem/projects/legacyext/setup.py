from setuptools import Extension, setup

setup(
    name="legacyext",
    version="1.0",
    ext_modules=[Extension("legacyext", ["legacyext.c"])],
)
