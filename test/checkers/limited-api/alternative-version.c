// The alternative is named with its own version when the target is lower.
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x03090000 -Wno-implicit-function-declaration
#include <Python.h>

void use(PyObject *s) {
  (void)PyUnicode_AsUTF8(s);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyUnicode_AsUTF8' is not part of the Limited API; use PyUnicode_AsUTF8AndSize (in the Limited API since 3.10) [pycapi-limited-api]
}
