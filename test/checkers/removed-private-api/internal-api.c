// RUN: %check_pycapi %s pycapi-removed-private-api %t -- -- -I%inputs/python312
// RUN: %check_pycapi -check-suffix=313 %s pycapi-removed-private-api %t-313 -- -- -I%inputs/python313 -DPy_BUILD_CORE -DINTERNAL

// A project that uses the internal C API (Py_BUILD_CORE) where 3.13 moved
// the names: parsed against 3.13, they are still declared, so nothing is
// reported; against 3.12 they are public names that 3.13 removed.

#include <Python.h>
#ifdef INTERNAL
#include "internal/pycore_mock.h"
#endif

int set(PyObject *d, PyObject *k, PyObject *v) {
  PyObject *stack[_PY_FASTCALL_SMALL_STACK];
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: '_PY_FASTCALL_SMALL_STACK' was removed in Python 3.13 and has no public replacement; remove the use or reimplement it in the extension [pycapi-removed-private-api]
  stack[0] = v;
  return _PyDict_SetItem_KnownHash(d, k, stack[0], 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: '_PyDict_SetItem_KnownHash' was removed in Python 3.13 and has no public replacement; remove the use or reimplement it in the extension [pycapi-removed-private-api]
}
// The 3.13 run has no expected messages: it must print nothing.
