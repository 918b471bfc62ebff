// RUN: %check_pycapi %s pycapi-removed-private-api %t -- -- %py311

// Names that 3.13 moved to the internal C API, used by a project: against
// 3.11's headers they are public names that 3.13 removed (internal-api-313.c
// is the same project built against 3.13's internal C API).

#include <Python.h>

int set(PyObject *d, PyObject *k, PyObject *v) {
  PyObject *stack[_PY_FASTCALL_SMALL_STACK];
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: '_PY_FASTCALL_SMALL_STACK' was removed in Python 3.13 and has no public replacement; remove the use or reimplement it in the extension [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:19: note: moved to the internal C API (needs Py_BUILD_CORE); no public replacement documented
  stack[0] = v;
  return _PyDict_SetItem_KnownHash(d, k, stack[0], 0);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyDict_SetItem_KnownHash' was removed in Python 3.13 and has no public replacement; remove the use or reimplement it in the extension [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: moved to the internal C API (needs Py_BUILD_CORE); no public replacement documented
}
