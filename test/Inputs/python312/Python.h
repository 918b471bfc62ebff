/* Mock CPython 3.12 Python.h: still declares what 3.13 removed. */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H
#include "patchlevel.h"
#include "../python313/pymock_core.h"
#include "pymock_removed.h"
#include "pymock_removed_api.h"
#endif
