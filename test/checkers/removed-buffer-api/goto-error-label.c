// RUN: %check_pycapi -crlf -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// Gotos to a shared error label: a label after the view's declaration
// releases once for every goto (paths from before the acquisition reach it
// with a zeroed view, which PyBuffer_Release leaves alone); a label the view
// cannot see gets its release before each goto.

#include <Python.h>

int label_in_holding_block(PyObject *a, PyObject *b) {
  int ret = -1;
  PyObject *tmp = NULL;
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(a, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    goto error;
  tmp = PyLong_FromSsize_t(len);
  if (tmp == NULL)
    goto error;
  if (PyLong_AsLong(b) < 0)
    goto error;
  ret = data[0];
error:
  if (tmp != NULL)
    Py_DECREF(tmp);
  return ret;
}
// One release at the error label's return; none before the gotos.
// CHECK-FIXES:int label_in_holding_block(PyObject *a, PyObject *b) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    goto error;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  tmp = PyLong_FromSsize_t(len);
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    Py_DECREF(tmp);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return ret;
// CHECK-FIXES-NEXT:}

int label_after_holding_block(PyObject *a) {
  const char *data;
  Py_ssize_t len;
  int ret = -1;
  if (PyObject_AsCharBuffer(a, &data, &len) == 0) {
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    if (len == 0)
      goto error;
    ret = data[0];
  }
  return ret;
error:
  PyErr_Clear();
  return -1;
}
// The block releases at its end, the error label once more.
// CHECK-FIXES:int label_after_holding_block(PyObject *a) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int ret = -1;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &data_view, PyBUF_SIMPLE) == 0) {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    if (len == 0)
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    ret = data[0];
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:error:
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  PyErr_Clear();
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

int goto_before_the_call(PyObject *a, PyObject *b) {
  const char *data;
  Py_ssize_t len;
  int ret = -1;
  if (PyLong_AsLong(b) < 0)
    goto error;
  if (PyObject_AsCharBuffer(a, &data, &len) == 0) {
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    if (len == 0)
      goto error;
    ret = data[0];
  }
  return ret;
error:
  PyErr_Clear();
  return -1;
}
// A goto before the call still reaches a zeroed view at the label.
// CHECK-FIXES:int goto_before_the_call(PyObject *a, PyObject *b) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    goto error;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &data_view, PyBUF_SIMPLE) == 0) {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    if (len == 0)
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    ret = data[0];
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:error:
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  PyErr_Clear();
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

int label_outside_the_view_scope(PyObject *a, PyObject *b) {
  int ret = -1;
  if (b != NULL) {
    const char *data;
    Py_ssize_t len;
    if (PyObject_AsCharBuffer(a, &data, &len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      goto fail;
    if (len == 0)
      goto fail;
    ret = data[0];
  }
  return ret;
fail:
  PyErr_Clear();
  return -1;
}
// A label the view cannot see: a release before each goto.
// CHECK-FIXES:int label_outside_the_view_scope(PyObject *a, PyObject *b) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    const char *data;
// CHECK-FIXES-C-NEXT:    Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:    Py_buffer data_view = {};
// CHECK-FIXES-NEXT:    Py_ssize_t len;
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(a, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      goto fail;
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:    if (len == 0) {
// CHECK-FIXES-LIFE-NEXT:      PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:    if (len == 0)
// CHECK-FIXES-NEXT:      goto fail;
// CHECK-FIXES-LIFE-NEXT:    }
// CHECK-FIXES-NEXT:    ret = data[0];
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

int goto_jumps_over_the_declaration(PyObject *a) {
  int ret = -1;
  if (PyLong_AsLong(a) < 0)
    goto done;
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(a, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    goto done;
  ret = len > 0 ? data[0] : 0;
done:
  PyErr_Clear();
  return ret;
}
// A goto past the declaration: one release before the return.
// CHECK-FIXES:int goto_jumps_over_the_declaration(PyObject *a) {
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  int ret = -1;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(a, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    goto done;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  ret = len > 0 ? data[0] : 0;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  PyErr_Clear();
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return ret;
// CHECK-FIXES-NEXT:}
