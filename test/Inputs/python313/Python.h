/* Mock CPython 3.13 Python.h: the old buffer functions are gone. */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H
#include "patchlevel.h"
#include "pymock_core.h"
#include "pymock_api313.h"
#endif
