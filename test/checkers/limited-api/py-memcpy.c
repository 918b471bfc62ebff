// A name a lower target admits and a higher one does not: pyport.h defines
// Py_MEMCPY for limited targets below 0x030b0000 only.
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030A0000
// RUN: %check_pycapi -check-suffix=311 %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030B0000 -Wno-implicit-function-declaration
// RUN: %check_pycapi -check-suffix=313 %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030D0000 -Wno-implicit-function-declaration
// RUN: %check_pycapi -check-suffix=311 %s pycapi-limited-api %t -- -- %py311 -DPy_LIMITED_API=0x030B0000 -Wno-implicit-function-declaration
#include <Python.h>

void copy(char *to, const char *from) {
  Py_MEMCPY(to, from, 4);
  // CHECK-NOTES-311: :[[@LINE-1]]:3: warning: 'Py_MEMCPY' is not part of the Limited API since 3.11 [pycapi-limited-api]
  // CHECK-NOTES-313: :[[@LINE-2]]:3: warning: 'Py_MEMCPY' is not part of the Limited API since 3.11 [pycapi-limited-api]
}
