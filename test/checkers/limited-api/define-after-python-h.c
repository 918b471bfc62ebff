// Py_LIMITED_API defined after Python.h has no effect on the headers: the
// check says so, and checks nothing against it.
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313
#include <Python.h>
#define Py_LIMITED_API 0x030C0000
// CHECK-NOTES: :[[@LINE-1]]:9: warning: Py_LIMITED_API is defined after Python.h, which ignores it; define it before the first #include of Python.h [pycapi-limited-api]

int audit(PyObject *args) {
  return PySys_Audit("event", "O", args);
}
