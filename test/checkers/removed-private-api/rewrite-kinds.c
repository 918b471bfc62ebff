// RUN: %check_pycapi %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat

// One use for each rewrite kind: rename, a mechanical signature change (the
// arguments are copied as written, nested commas included), a signature
// change that is not mechanical, and no replacement.

#include <Python.h>

static PyObject *pair(PyObject *a, PyObject *b) { return a ? a : b; }

PyObject *call(PyObject *f, PyObject *const *args, Py_ssize_t n) {
  PyObject *r = _PyObject_FastCall(f, args, n);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: '_PyObject_FastCall' was removed in Python 3.13; use PyObject_Vectorcall(func, args, nargs, NULL) [pycapi-removed-private-api]
  if (!r)
    r = _PyObject_FastCall(pair(f, f), args + (n > 1 ? 1 : 0), (n - 1) * 1);
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: '_PyObject_FastCall' was removed in Python 3.13; use PyObject_Vectorcall(func, args, nargs, NULL) [pycapi-removed-private-api]
  if (!r)
    r = _PyObject_FastCall(f,
                           args, /* the rest */
                           n);
    // CHECK-NOTES: :[[@LINE-3]]:9: warning: '_PyObject_FastCall' was removed in Python 3.13; use PyObject_Vectorcall(func, args, nargs, NULL) [pycapi-removed-private-api]
  return r;
}

#define CALL_NO_ARGS(f) _PyObject_FastCall((f), NULL, 0)
// CHECK-NOTES: :[[@LINE-1]]:25: warning: '_PyObject_FastCall' was removed in Python 3.13; use PyObject_Vectorcall(func, args, nargs, NULL) [pycapi-removed-private-api]
PyObject *call_no_args(PyObject *f) { return CALL_NO_ARGS(f); }

PyObject *(*call_fn)(PyObject *, PyObject *const *, Py_ssize_t) = _PyObject_FastCall;
// CHECK-NOTES: :[[@LINE-1]]:67: warning: '_PyObject_FastCall' was removed in Python 3.13; use PyObject_Vectorcall(func, args, nargs, NULL) [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-2]]:67: note: no automatic fix: the function is referenced, not called

int extend(PyListObject *list, PyObject *items) {
  PyObject *none = _PyList_Extend(list, items);
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: '_PyList_Extend' was removed in Python 3.13; use PyList_Extend [pycapi-removed-private-api]
  return none ? 0 : -1;
}

struct record {
  _PyObject_HEAD_EXTRA
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: '_PyObject_HEAD_EXTRA' was removed in Python 3.13 and has no drop-in replacement; see the note for what to write instead [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: delete it: PyObject_HEAD already declares everything the object header needs
  int value;
};

// CHECK-FIXES:#include <Python.h>
// CHECK-FIXES-NEXT:#include "pythoncapi_compat.h"
// CHECK-FIXES:  PyObject *r = PyObject_Vectorcall(f, args, n, NULL);
// CHECK-FIXES:    r = PyObject_Vectorcall(pair(f, f), args + (n > 1 ? 1 : 0), (n - 1) * 1, NULL);
// CHECK-FIXES:    r = PyObject_Vectorcall(f,
// CHECK-FIXES-NEXT:                           args, /* the rest */
// CHECK-FIXES-NEXT:                           n, NULL);
// CHECK-FIXES:#define CALL_NO_ARGS(f) PyObject_Vectorcall((f), NULL, 0, NULL)
// CHECK-FIXES:PyObject *(*call_fn)(PyObject *, PyObject *const *, Py_ssize_t) = _PyObject_FastCall;
// CHECK-FIXES:  PyObject *none = (PyList_Extend((PyObject *)list, items) < 0 ? NULL : Py_NewRef(Py_None));
// CHECK-FIXES:  _PyObject_HEAD_EXTRA
