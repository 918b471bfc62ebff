// METH_METHOD: the manifest says 3.7, but the headers define it only from
// 0x03090000 (methodobject.h), and the headers decide. Real 3.13 and 3.11.
// RUN: %check_pycapi -check-suffix=38 -compile=fail %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x03080000
// RUN: %check_pycapi -check-suffix=38 -compile=fail %s pycapi-limited-api %t -- -- %py311 -DPy_LIMITED_API=0x03080000
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x03090000
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py311 -DPy_LIMITED_API=0x03090000
#include <Python.h>

int flags(void) {
  return METH_METHOD | METH_KEYWORDS;
  // CHECK-NOTES-38-DAG: :[[@LINE-1]]:10: warning: 'METH_METHOD' is in the Limited API only since 3.9; raise Py_LIMITED_API to 0x03090000 or avoid it [pycapi-limited-api]
  // CHECK-NOTES-38-DAG: :[[@LINE-2]]:10: error: use of undeclared identifier 'METH_METHOD' [clang-diagnostic-error]
}
