// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// Two acquisitions that share one error label: both views are released after
// the label, once; a view whose acquisition did not run is still zeroed.

#include <Python.h>

int shared_label_two_views(PyObject *a, PyObject *b) {
  int ret = -1;
  const char *x, *y;
  Py_ssize_t xl, yl;
  if (PyObject_AsCharBuffer(a, &x, &xl) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    goto error;
  if (PyObject_AsCharBuffer(b, &y, &yl) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: rewritten by the fix of the call on line 16
    goto error;
  ret = x[0] + y[0] + (int)(xl + yl);
error:
  return ret;
}
// Both views released once, after the shared label.
// CHECK-FIXES:int shared_label_two_views(PyObject *a, PyObject *b) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  const char *x, *y;
// CHECK-FIXES-C-NEXT:  Py_buffer x_view = {0};
// CHECK-FIXES-C-NEXT:  Py_buffer y_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer x_view = {};
// CHECK-FIXES-CXX-NEXT:  Py_buffer y_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t xl, yl;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &x_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    goto error;
// CHECK-FIXES-NEXT:  x = (const char *)x_view.buf;
// CHECK-FIXES-NEXT:  xl = x_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&x_view);
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(b, &y_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    goto error;
// CHECK-FIXES-NEXT:  y = (const char *)y_view.buf;
// CHECK-FIXES-NEXT:  yl = y_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&y_view);
// CHECK-FIXES-NEXT:  ret = x[0] + y[0] + (int)(xl + yl);
// CHECK-FIXES-NEXT:error:
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&x_view);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&y_view);
// CHECK-FIXES-NEXT:  return ret;
// CHECK-FIXES-NEXT:}
