/* Mock CPython 3.12 Python.h, for what the real 3.11 headers cannot show:
 * it still declares the buffer functions that 3.13 removed. Like the real
 * one, it includes patchlevel.h first. Unlike the real one, it does not
 * include tracemalloc.h (see test/checkers/removed-api/removed-header.c). */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H
#include "patchlevel.h"
#include "../python313/pymock_core.h"
#include "pymock_removed.h"
#endif
