// A type that 3.11 added to the Limited API: below, at and above 3.11.
// RUN: %check_pycapi -check-suffix=BELOW -compile=fail %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030A0000
// RUN: %check_pycapi -check-suffix=AT %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030B0000
// RUN: %check_pycapi -check-suffix=ABOVE %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030C0000
#include <Python.h>

Py_ssize_t length(Py_buffer *view) {
  // CHECK-NOTES-BELOW-DAG: :[[@LINE-1]]:19: warning: 'Py_buffer' is in the Limited API only since 3.11; raise Py_LIMITED_API to 0x030B0000 or avoid it [pycapi-limited-api]
  // CHECK-NOTES-BELOW-DAG: :[[@LINE-2]]:19: error: unknown type name 'Py_buffer' [clang-diagnostic-error]
  return view->len;
}
