// A function that a later manifest took out of the Limited API (abi_only since
// 3.15): admitted up to 3.14, not from 3.15 on.
// RUN: %check_pycapi -check-suffix=314 %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030E0000 -Wno-deprecated-declarations
// RUN: %check_pycapi -check-suffix=315 %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030F0000 -Wno-deprecated-declarations
// 3.13 deprecates it: -Wno-deprecated-declarations for the -Werror compile.
#include <Python.h>

PyObject *referent(PyObject *ref) {
  return PyWeakref_GetObject(ref);
  // CHECK-NOTES-315: :[[@LINE-1]]:10: warning: 'PyWeakref_GetObject' is not part of the Limited API since 3.15 [pycapi-limited-api]
}
