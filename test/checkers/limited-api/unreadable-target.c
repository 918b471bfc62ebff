// A Py_LIMITED_API value that is not a number when Python's headers are read
// (PY_VERSION_HEX is defined only by them): said once, nothing is checked.
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313
#define Py_LIMITED_API PY_VERSION_HEX
// CHECK-NOTES: :[[@LINE-1]]:9: warning: cannot read the value of Py_LIMITED_API; define it to a number such as 0x030C0000 to have its uses checked [pycapi-limited-api]
#include <Python.h>

int audit(PyObject *args) { return PySys_AuditTuple("event", args); }
