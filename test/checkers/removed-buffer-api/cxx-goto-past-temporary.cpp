// RUN: %check_pycapi -check-suffixes=,LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// In C++ a goto must not jump past the initialization of the temporary that
// a return reading the pointer needs: in a function with gotos the
// temporary gets a block of its own.

#include <Python.h>

int goto_past_temporary(PyObject *a, int flag) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(a, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  if (flag)
    goto done;
  if (len > 1)
    return data[1];
done:
  return data[0];
}
// With gotos in C++, each return's temporary gets a block.
// CHECK-FIXES:int goto_past_temporary(PyObject *a, int flag) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  if (flag)
// CHECK-FIXES-NEXT:    goto done;
// CHECK-FIXES-LIFE-NEXT:  if (len > 1) {
// CHECK-FIXES-LIFE-NEXT:    int result = data[1];
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:    return result;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-IMM-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES-IMM:    return data[1];
// CHECK-FIXES-NEXT:done:
// CHECK-FIXES-LIFE-NEXT:  {
// CHECK-FIXES-LIFE-NEXT:    int result2 = data[0];
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:    return result2;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-IMM-NEXT:  return data[0];
// CHECK-FIXES-NEXT:}
