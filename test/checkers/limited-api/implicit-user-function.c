// C declares a function called before its declaration implicitly: a user's
// own Py-prefixed function is still the user's, a name CPython has is not.
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030D0000 -Wno-implicit-function-declaration
#include <Python.h>

int use(PyObject *t) {
  (void)PyTuple_GET_SIZE(t);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyTuple_GET_SIZE' is not part of the Limited API; use PyTuple_Size [pycapi-limited-api]
  return PyMy_Count(t);
}

int PyMy_Count(PyObject *t) { return (int)PyTuple_Size(t); }
