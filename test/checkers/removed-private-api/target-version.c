// RUN: %check_pycapi %s pycapi-removed-private-api %t -- -- -I%inputs/python312
// RUN: %check_pycapi -check-suffix=314 %s pycapi-removed-private-api %t-314 -- --config="{CheckOptions: [{key: pycapi-removed-private-api.TargetPythonVersion, value: '3.14'}]}" -- -I%inputs/python312
// RUN: %check_pycapi -check-suffix=315 %s pycapi-removed-private-api %t-315 -- --config="{CheckOptions: [{key: pycapi-removed-private-api.TargetPythonVersion, value: '3.15'}]}" -- -I%inputs/python312

// TargetPythonVersion reports what was removed up to that release: nothing
// here with the default (3.13); _PyTrash_begin and _Py_InitializeMain with
// 3.14; with 3.15 _Py_TYPE too, but no longer _Py_InitializeMain, which
// 3.15 declares again.

#include <Python.h>

int trash(PyObject *o) {
  PyThreadState *tstate = PyThreadState_Get();
  return _PyTrash_begin(tstate, o);
  // CHECK-MESSAGES-314: :[[@LINE-1]]:10: warning: '_PyTrash_begin' was removed in Python 3.14; use Py_TRASHCAN_BEGIN [pycapi-removed-private-api]
  // CHECK-MESSAGES-314: :[[@LINE-2]]:10: note: no automatic fix: the replacement is not a drop-in substitute; review the call
  // CHECK-MESSAGES-315: :[[@LINE-3]]:10: warning: '_PyTrash_begin' was removed in Python 3.14; use Py_TRASHCAN_BEGIN [pycapi-removed-private-api]
  // CHECK-MESSAGES-315: :[[@LINE-4]]:10: note: no automatic fix: the replacement is not a drop-in substitute; review the call
}

int init(void) { return _Py_InitializeMain(); }
// CHECK-MESSAGES-314: :[[@LINE-1]]:25: warning: '_Py_InitializeMain' was removed in Python 3.14 and has no public replacement; remove the use or reimplement it in the extension [pycapi-removed-private-api]
// CHECK-MESSAGES-314: :[[@LINE-2]]:25: note: RESTORED in 3.15 (whatsnew 3.15 gh-142417): only missing from 3.14

PyTypeObject *type_of(PyObject *o) { return _Py_TYPE(o); }
// CHECK-MESSAGES-315: :[[@LINE-1]]:45: warning: '_Py_TYPE' was removed in Python 3.15; use Py_TYPE [pycapi-removed-private-api]

// CHECK-FIXES-315: {{^}}PyTypeObject *type_of(PyObject *o) { return Py_TYPE(o); }{{$}}
