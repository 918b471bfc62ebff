// RUN: %check_pycapi %s pycapi-removed-private-api %t -- -- %py311

// Names that 3.13 moved to the internal C API, used by a project: against
// 3.11's headers they are public names that 3.13 removed (internal-api-313.c
// is the same project built against 3.13's internal C API).

#include <Python.h>

int set(PyObject *d, PyObject *k, PyObject *v) {
  PyObject *stack[_PY_FASTCALL_SMALL_STACK];
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: '_PY_FASTCALL_SMALL_STACK' was removed in Python 3.13 and has no public replacement; remove the use or reimplement it in the extension [pycapi-removed-private-api]
  stack[0] = v;
  return _PyDict_SetItem_KnownHash(d, k, stack[0], 0);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyDict_SetItem_KnownHash' was removed in Python 3.13 and has no drop-in replacement; see the note for what to write instead [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: call PyDict_SetItem(dict, key, value) instead: it computes the key's hash itself, which for a str key is cached and for other keys calls their __hash__ again
}
