// Data that 3.10 added to the Limited API: below, at and above 3.10. The
// headers declare it whatever the target (3.9's stable ABI lacks the symbol).
// RUN: %check_pycapi -check-suffix=BELOW %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x03090000
// RUN: %check_pycapi -check-suffix=AT %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030A0000
// RUN: %check_pycapi -check-suffix=ABOVE %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030B0000
#include <Python.h>

void warn(void) {
  PyErr_SetString(PyExc_EncodingWarning, "no encoding given");
  // CHECK-NOTES-BELOW: :[[@LINE-1]]:19: warning: 'PyExc_EncodingWarning' is in the Limited API only since 3.10; raise Py_LIMITED_API to 0x030A0000 or avoid it [pycapi-limited-api]
  PyErr_SetString(PyExc_TypeError, "always there");
}
