// _Py_AtExit (3.12 only in the public headers) -> PyUnstable_AtExit (3.13),
// which pythoncapi_compat.h lacks: the whole statement goes under a version
// guard, the old one kept for the Pythons before 3.13. Parsed against real
// 3.13 headers, where the old name is undeclared; the fixed file compiles
// there (3.11 never declared _Py_AtExit, so its branch is not compiled here).
// RUN: %check_pycapi -fix-errors %s pycapi-removed-private-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %clang -fsyntax-only -Wall -Werror %py313 %t.c
// RUN: gcc -fsyntax-only -Wall -Werror %py313 %t.c
#include <Python.h>

static void on_exit_cb(void *data) { (void)data; }

int install(void) {
  if (_Py_AtExit(PyInterpreterState_Get(), on_exit_cb, NULL) < 0)
    return -1;
  // CHECK-NOTES: :[[@LINE-2]]:7: warning: '_Py_AtExit' was removed in Python 3.13; use PyUnstable_AtExit [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-3]]:7: note: PyUnstable_AtExit() belongs to the unstable API tier: it may change in any minor release without a deprecation period
  // CHECK-FIXES:#if PY_VERSION_HEX >= 0x030D0000
  // CHECK-FIXES-NEXT:  if (PyUnstable_AtExit(PyInterpreterState_Get(), on_exit_cb, NULL) < 0)
  // CHECK-FIXES-NEXT:    return -1;
  // CHECK-FIXES-NEXT:#else
  // CHECK-FIXES-NEXT:  if (_Py_AtExit(PyInterpreterState_Get(), on_exit_cb, NULL) < 0)
  // CHECK-FIXES-NEXT:    return -1;
  // CHECK-FIXES-NEXT:#endif
  return 0;
}
