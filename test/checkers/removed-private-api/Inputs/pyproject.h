/* A project header that includes Python.h for the files that include it. */
#ifndef PYPROJECT_H
#define PYPROJECT_H
#include <Python.h>
#include <stddef.h>

int pyproject_ready(PyObject *module);
#endif
