// A function that 3.13 added to the Limited API: below, at and above 3.13.
// Below, the limited headers leave it undeclared and C declares it implicitly.
// RUN: %check_pycapi -check-suffix=BELOW %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030C0000 -Wno-implicit-function-declaration
// RUN: %check_pycapi -check-suffix=AT %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030D0000
// RUN: %check_pycapi -check-suffix=ABOVE %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030E0000
#include <Python.h>

int audit(PyObject *args) {
  PyMem_RawFree(PyMem_Malloc(1));
  // CHECK-NOTES-BELOW: :[[@LINE-1]]:3: warning: 'PyMem_RawFree' is in the Limited API only since 3.13; raise Py_LIMITED_API to 0x030D0000 or avoid it [pycapi-limited-api]
  (void)PyTuple_GetItem(args, 0);
  return PySys_AuditTuple("event", args);
  // CHECK-NOTES-BELOW: :[[@LINE-1]]:10: warning: 'PySys_AuditTuple' is in the Limited API only since 3.13; raise Py_LIMITED_API to 0x030D0000 or avoid it [pycapi-limited-api]
}
