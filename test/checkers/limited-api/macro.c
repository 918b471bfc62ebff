// A macro that 3.12 added to the Limited API: below, at and above 3.12.
// Below, the limited headers do not define it: the name is undeclared.
// RUN: %check_pycapi -check-suffix=BELOW -compile=fail %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030B0000
// RUN: %check_pycapi -check-suffix=AT %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030C0000
// RUN: %check_pycapi -check-suffix=ABOVE %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030D0000
#include <Python.h>

size_t offset(void) {
  return PY_VECTORCALL_ARGUMENTS_OFFSET;
  // CHECK-NOTES-BELOW-DAG: :[[@LINE-1]]:10: warning: 'PY_VECTORCALL_ARGUMENTS_OFFSET' is in the Limited API only since 3.12; raise Py_LIMITED_API to 0x030C0000 or avoid it [pycapi-limited-api]
  // CHECK-NOTES-BELOW-DAG: :[[@LINE-2]]:10: error: use of undeclared identifier 'PY_VECTORCALL_ARGUMENTS_OFFSET' [clang-diagnostic-error]
}
