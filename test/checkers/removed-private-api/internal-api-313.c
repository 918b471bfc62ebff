// RUN: %check_pycapi %s pycapi-removed-private-api %t -- -- %py313 -DPy_BUILD_CORE

// A project that uses the internal C API (Py_BUILD_CORE), where 3.13 moved
// the names: parsed against 3.13, they are still declared, so nothing is
// reported (internal-api.c: the same names against 3.11's public headers).
// The headers' version comes from evaluating CPython's PY_VERSION_HEX, an
// expression of PY_MAJOR_VERSION and the others.

#include <Python.h>
#include "internal/pycore_call.h"
#include "internal/pycore_dict.h"

int set(PyObject *d, PyObject *k, PyObject *v) {
  PyObject *stack[_PY_FASTCALL_SMALL_STACK];
  stack[0] = v;
  return _PyDict_SetItem_KnownHash(d, k, stack[0], 0);
}
// No expected diagnostics: the run must print nothing.
