/* Mock CPython 3.14 Python.h, for what no installed header shows: the
 * structs without the members that 3.14 removed. Like the real one, it
 * includes patchlevel.h first. */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H
#include "patchlevel.h"
#include "../common/pymock_core.h"
#include "pymock_structs.h"
#endif
