// Data that 3.10 added to the Limited API: below, at and above 3.10.
// RUN: %check_pycapi -check-suffix=BELOW -compile=fail %s pycapi-limited-api %t -- -- -I%inputs/python313-limited -DPy_LIMITED_API=0x03090000
// RUN: %check_pycapi -check-suffix=AT %s pycapi-limited-api %t -- -- -I%inputs/python313-limited -DPy_LIMITED_API=0x030A0000
// RUN: %check_pycapi -check-suffix=ABOVE %s pycapi-limited-api %t -- -- -I%inputs/python313-limited -DPy_LIMITED_API=0x030B0000
#include <Python.h>

void warn(void) {
  PyErr_SetString(PyExc_EncodingWarning, "no encoding given");
  // CHECK-NOTES-BELOW-DAG: :[[@LINE-1]]:19: warning: 'PyExc_EncodingWarning' is in the Limited API only since 3.10; raise Py_LIMITED_API to 0x030A0000 or avoid it [pycapi-limited-api]
  // CHECK-NOTES-BELOW-DAG: :[[@LINE-2]]:19: error: use of undeclared identifier 'PyExc_EncodingWarning' [clang-diagnostic-error]
  PyErr_SetString(PyExc_TypeError, "always there");
}
