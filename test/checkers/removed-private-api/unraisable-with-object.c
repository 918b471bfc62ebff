// RUN: %check_pycapi %s pycapi-removed-private-api %t -- -- %py311

// PyErr_FormatUnraisable cannot pass an object to sys.unraisablehook, as
// _PyErr_WriteUnraisableMsg's second argument did: only a NULL one is fixed.

#include <Python.h>

// An object for sys.unraisablehook: PyErr_FormatUnraisable cannot pass one.
void report_obj(PyObject *obj) {
  _PyErr_WriteUnraisableMsg("in a callback", obj);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: '_PyErr_WriteUnraisableMsg' was removed in Python 3.13; use PyErr_FormatUnraisable [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: no automatic fix: argument 2 ('obj') is not NULL
  // CHECK-NOTES: :[[@LINE-3]]:3: note: call PyErr_FormatUnraisable("Exception ignored %s", err_msg) instead: it gives sys.unraisablehook the same message. It cannot pass an object to the hook; when the second argument is not NULL, write the object into the message, as in PyErr_FormatUnraisable("Exception ignored %s: %R", err_msg, obj), and the hook sees it only in the text
}
// CHECK-FIXES:  _PyErr_WriteUnraisableMsg("in a callback", obj);

