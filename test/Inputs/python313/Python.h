/* Mock CPython 3.13 Python.h: the old buffer functions are gone. Like the
 * real one, it includes patchlevel.h first. */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H
#include "patchlevel.h"
#include "../common/pymock_core.h"
#endif
