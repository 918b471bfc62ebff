// RUN: %check_pycapi %s pycapi-removed-private-api %t -- -- %py311
// RUN: %check_pycapi -check-suffix=314 %s pycapi-removed-private-api %t-314 -- --config="{CheckOptions: [{key: pycapi-removed-private-api.TargetPythonVersion, value: '3.14'}]}" -- %py311
// RUN: %check_pycapi -check-suffix=315 %s pycapi-removed-private-api %t-315 -- --config="{CheckOptions: [{key: pycapi-removed-private-api.TargetPythonVersion, value: '3.15'}]}" -- %py311

// TargetPythonVersion reports what was removed up to that release: nothing
// here with the default (3.13); _PyTrash_begin and _Py_InitializeMain with
// 3.14; with 3.15 _Py_TYPE too, but no longer _Py_InitializeMain, which
// 3.15 declares again.

#include <Python.h>

/* _Py_TYPE, the function behind Py_TYPE in 3.14's headers, is not in
 * 3.11's: a project that calls it has its own, which 3.15 still reports. */
PyTypeObject *_Py_TYPE(PyObject *ob) { return Py_TYPE(ob); }

int trash(PyObject *o) {
  PyThreadState *tstate = PyThreadState_Get();
  return _PyTrash_begin(tstate, o);
  // CHECK-NOTES-314: :[[@LINE-1]]:10: warning: '_PyTrash_begin' was removed in Python 3.14; use Py_TRASHCAN_BEGIN [pycapi-removed-private-api]
  // CHECK-NOTES-314: :[[@LINE-2]]:10: note: put the Py_TRASHCAN_BEGIN(op, dealloc) and Py_TRASHCAN_END macros around the body of tp_dealloc instead of calling the helper yourself
  // CHECK-NOTES-315: :[[@LINE-3]]:10: warning: '_PyTrash_begin' was removed in Python 3.14; use Py_TRASHCAN_BEGIN [pycapi-removed-private-api]
  // CHECK-NOTES-315: :[[@LINE-4]]:10: note: put the Py_TRASHCAN_BEGIN(op, dealloc) and Py_TRASHCAN_END macros around the body of tp_dealloc instead of calling the helper yourself
}

PyStatus init(void) { return _Py_InitializeMain(); }
// CHECK-NOTES-314: :[[@LINE-1]]:30: warning: '_Py_InitializeMain' was removed in Python 3.14 and has no drop-in replacement; see the note for what to write instead [pycapi-removed-private-api]
// CHECK-NOTES-314: :[[@LINE-2]]:30: note: only Python 3.14 lacks it (3.15 declares it again): guard the call with a version check, or initialize in one step with Py_InitializeFromConfig()

PyTypeObject *type_of(PyObject *o) { return _Py_TYPE(o); }
// CHECK-NOTES-315: :[[@LINE-1]]:45: warning: '_Py_TYPE' was removed in Python 3.15; use Py_TYPE [pycapi-removed-private-api]

// CHECK-FIXES-315:PyTypeObject *type_of(PyObject *o) { return Py_TYPE(o); }
