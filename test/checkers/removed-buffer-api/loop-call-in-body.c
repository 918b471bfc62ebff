// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// A call in a loop body: the view is held for the rest of the iteration and
// released before a continue or break that leaves it. When the pointer is
// read before the call in the loop (it would be the previous iteration's) or
// after the loop, the view is released right after the copy, with a note.

#include <Python.h>

long in_for_body(PyObject **items, int n) {
  long total = 0;
  for (int i = 0; i < n; i++) {
    const char *data;
    Py_ssize_t len;
    if (PyObject_AsCharBuffer(items[i], &data, &len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      return -1;
    if (len == 0)
      continue;
    if (data[0] == 'q')
      break;
    total += data[0];
  }
  return total;
}
// The loop body releases before its continue and break, and at its end.
// CHECK-FIXES:long in_for_body(PyObject **items, int n) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    const char *data;
// CHECK-FIXES-C-NEXT:    Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:    Py_buffer data_view = {};
// CHECK-FIXES-NEXT:    Py_ssize_t len;
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(items[i], &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      return -1;
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:    if (len == 0) {
// CHECK-FIXES-LIFE-NEXT:      PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:    if (len == 0)
// CHECK-FIXES-NEXT:      continue;
// CHECK-FIXES-LIFE-NEXT:    }
// CHECK-FIXES-LIFE-NEXT:    if (data[0] == 'q') {
// CHECK-FIXES-LIFE-NEXT:      PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:    if (data[0] == 'q')
// CHECK-FIXES-NEXT:      break;
// CHECK-FIXES-LIFE-NEXT:    }
// CHECK-FIXES-NEXT:    total += data[0];
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

long declared_outside(PyObject **items, int n) {
  long total = 0;
  const char *data;
  Py_ssize_t len;
  int i = 0;
  while (i < n) {
    if (PyObject_AsCharBuffer(items[i++], &data, &len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      return -1;
    if (len > 0)
      total += data[0];
  }
  return total;
}
// Pointer declared outside the loop: the body still releases each time.
// CHECK-FIXES:long declared_outside(PyObject **items, int n) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  while (i < n) {
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(items[i++], &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      return -1;
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    if (len > 0)
// CHECK-FIXES-NEXT:      total += data[0];
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

long read_before_the_call(PyObject **items, int n) {
  long total = 0;
  const char *data = NULL;
  Py_ssize_t len = 0;
  for (int i = 0; i < n; i++) {
    if (data != NULL && len > 0)
      total += data[0];
    if (PyObject_AsCharBuffer(items[i], &data, &len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    // CHECK-NOTES-LIFE: :[[@LINE-4]]:9: note: 'data' outlives the view: it is read before the call, in the loop that repeats the call; the view is released right after the copy, as the removed function did, so 'data' is only valid while 'items[i]' keeps its buffer unchanged: review this use
      return -1;
  }
  return total;
}
// A read before the call in the loop: release right after the copies.
// CHECK-FIXES:long read_before_the_call(PyObject **items, int n) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  const char *data = NULL;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len = 0;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:      total += data[0];
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(items[i], &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      return -1;
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

long used_after_the_loop(PyObject **items, int n) {
  const char *data = NULL;
  Py_ssize_t len = 0;
  for (int i = 0; i < n; i++) {
    if (PyObject_AsCharBuffer(items[i], &data, &len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    // CHECK-NOTES-LIFE: :[[@LINE-3]]:3: note: 'data' outlives the view: it is still used after the loop that acquires it; the view is released right after the copy, as the removed function did, so 'data' is only valid while 'items[i]' keeps its buffer unchanged: review this use
      return -1;
  }
  return len ? data[0] : 0;
}
// A read after the loop: release right after the copies.
// CHECK-FIXES:long used_after_the_loop(PyObject **items, int n) {
// CHECK-FIXES-NEXT:  const char *data = NULL;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len = 0;
// CHECK-FIXES-NEXT:  for (int i = 0; i < n; i++) {
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(items[i], &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      return -1;
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

long do_while(PyObject *obj) {
  long total = 0;
  do {
    const char *data;
    Py_ssize_t len;
    if (PyObject_AsCharBuffer(obj, &data, &len) != 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      break;
    total = len ? data[0] : 0;
  } while (total < 0);
  return total;
}
// A do-while body releases at its end; the failure break releases nothing.
// CHECK-FIXES:long do_while(PyObject *obj) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    const char *data;
// CHECK-FIXES-C-NEXT:    Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:    Py_buffer data_view = {};
// CHECK-FIXES-NEXT:    Py_ssize_t len;
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) != 0)
// CHECK-FIXES-NEXT:      break;
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    total = len ? data[0] : 0;
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  } while (total < 0);
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}
