// RUN: %check_pycapi %s pycapi-modernize-refcount-idioms %t -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.10'}]}" -- %py311

// The old-variable form with the new value's reference taken between the
// assignment and the release: one Py_XSETREF with Py_XNewRef, in one pass
// (rewriting the pair `x = y; Py_XINCREF(x);` alone would leave a form that
// a second run rewrites again).

#include <Python.h>

static PyObject *cached = NULL;

void swap_cached(PyObject *value) {
  PyObject *old = cached;
  cached = value;
  Py_XINCREF(cached);
  Py_XDECREF(old);
}
// CHECK-NOTES: :[[@LINE-2]]:3: warning: 'Py_XDECREF' of the old value after the assignment; use Py_XSETREF [pycapi-modernize-refcount-idioms]
// CHECK-FIXES:void swap_cached(PyObject *value) {
// CHECK-FIXES-NEXT:  Py_XSETREF(cached, Py_XNewRef(value));
// CHECK-FIXES-NEXT:}
