// Py_LIMITED_API defined in the file before Python.h, as a hex number with
// a suffix and parentheses, or as 3 (meaning 3.2).
// RUN: %check_pycapi -check-suffix=HEX %s pycapi-limited-api %t -- -- %py313 -DTARGET_HEX -Wno-implicit-function-declaration
// RUN: %check_pycapi -check-suffix=THREE %s pycapi-limited-api %t -- -- %py313 -DTARGET_THREE -Wno-implicit-function-declaration
#ifdef TARGET_HEX
#define Py_LIMITED_API (0x030B0000UL)
#else
#define Py_LIMITED_API 3
#endif
#include <Python.h>

int audit(PyObject *args) {
  (void)PyUnicode_AsUTF8AndSize(args, 0);
  // CHECK-NOTES-THREE: :[[@LINE-1]]:9: warning: 'PyUnicode_AsUTF8AndSize' is in the Limited API only since 3.10; raise Py_LIMITED_API to 0x030A0000 or avoid it [pycapi-limited-api]
  return PySys_Audit("event", "O", args);
  // CHECK-NOTES-HEX: :[[@LINE-1]]:10: warning: 'PySys_Audit' is in the Limited API only since 3.13; raise Py_LIMITED_API to 0x030D0000 or avoid it [pycapi-limited-api]
  // CHECK-NOTES-THREE: :[[@LINE-2]]:10: warning: 'PySys_Audit' is in the Limited API only since 3.13; raise Py_LIMITED_API to 0x030D0000 or avoid it [pycapi-limited-api]
}
