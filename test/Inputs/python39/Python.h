/* Mock CPython 3.9 Python.h: only what the modernize checks need to see of
 * 3.9's object.h (test/checkers/modernize-object-fields). */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H
#include "patchlevel.h"
#include "object.h"
#endif
