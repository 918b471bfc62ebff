// C++: names the limited headers leave undeclared are compiler errors, and
// still reported (the CLI passes -fno-spell-checking; here both tools get it).
// RUN: %check_pycapi -compile=fail %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030C0000 -fno-spell-checking
#include <Python.h>

int audit(PyObject *args) {
  PyObject *first = PyTuple_GET_ITEM(args, 0);
  // CHECK-NOTES-DAG: :[[@LINE-1]]:21: warning: 'PyTuple_GET_ITEM' is not part of the Limited API; use PyTuple_GetItem [pycapi-limited-api]
  // CHECK-NOTES-DAG: :[[@LINE-2]]:21: error: use of undeclared identifier 'PyTuple_GET_ITEM' [clang-diagnostic-error]
  Py_DECREF(first);
  return PySys_AuditTuple("event", args);
  // CHECK-NOTES-DAG: :[[@LINE-1]]:10: warning: 'PySys_AuditTuple' is in the Limited API only since 3.13; raise Py_LIMITED_API to 0x030D0000 or avoid it [pycapi-limited-api]
  // CHECK-NOTES-DAG: :[[@LINE-2]]:10: error: use of undeclared identifier 'PySys_AuditTuple' [clang-diagnostic-error]
}
