// RUN: %check_pycapi -crlf -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: gcc -O2 -Wall -Werror -c -o /dev/null %py311 %t.c
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: gcc -O2 -Wall -Werror -c -o /dev/null %py313 %t.c
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: g++ -O2 -Wall -Werror -c -o /dev/null %py311 %t.cpp
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: gcc -O2 -Wall -Werror -c -o /dev/null %py311 %t.c
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// One release where the function already has one exit for all the paths
// that hold the view (Lifetime):
// - the err:/cleanup: shape, every exit after the call a goto and one final
//   return: one release, before that return;
// - `goto done` out of the block where the call succeeded, and the block
//   itself ends right at `done:`: one release after the label, none at the
//   end of the block;
// - a view declared in a nested block, with several gotos to a label after
//   that block: the view is declared at the top of the function instead, so
//   that the label sees it and releases it once, rather than once before
//   each goto (each wrapped in braces); in a loop body the block still
//   releases at its end on every iteration, and a label before the block
//   (a retry) releases right after it, before the view is filled again;
// - no label and several returns after the call: a release before each
//   return, as before (the returns are not turned into gotos).
// Every path that reaches a label before the acquisition, or after it
// failed, finds the view zeroed (PyObject_GetBuffer sets view->obj to NULL
// when it fails), and PyBuffer_Release does nothing for such a view.

#include <Python.h>

PyObject *err_then_cleanup(PyObject *self, PyObject *args) {
  PyObject *obj;
  PyObject *head = NULL;
  PyObject *result = NULL;
  const char *data;
  Py_ssize_t len;
  if (!PyArg_ParseTuple(args, "O", &obj))
    return NULL;
  if (PyObject_AsReadBuffer(obj, (const void **)&data, &len))
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    goto err;
  if (len < 4) {
    PyErr_SetString(PyExc_ValueError, "too short");
    goto err;
  }
  head = PyBytes_FromStringAndSize(data, 4);
  if (!head)
    goto err;
  result = Py_BuildValue("(Oy#)", head, data + 4, len - 4);
  goto cleanup;
err:
  Py_XDECREF(result);
  result = NULL;
cleanup:
  Py_XDECREF(head);
  return result;
}
// One release, before the final return; none before the gotos.
// CHECK-FIXES:PyObject *err_then_cleanup(PyObject *self, PyObject *args) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    return NULL;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE))
// CHECK-FIXES-NEXT:    goto err;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  if (len < 4) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  Py_XDECREF(head);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return result;
// CHECK-FIXES-NEXT:}

PyObject *done_label(PyObject *self, PyObject *obj) {
  PyObject *list = NULL, *item = NULL, *result = NULL;
  const char *data;
  Py_ssize_t len;
  list = PyList_New(0);
  if (!list)
    goto done;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    goto done;
  if (len == 0)
    goto done;
  item = PyBytes_FromStringAndSize(data, len);
  if (!item || PyList_Append(list, item) < 0)
    goto done;
  result = list;
  list = NULL;
done:
  Py_XDECREF(item);
  Py_XDECREF(list);
  return result;
}
// One release after the `done:` label; none before the gotos to it.
// CHECK-FIXES:PyObject *done_label(PyObject *self, PyObject *obj) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    goto done;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    goto done;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  if (len == 0)
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  Py_XDECREF(list);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return result;
// CHECK-FIXES-NEXT:}

PyObject *success_block_falls_into_label(PyObject *self, PyObject *obj) {
  PyObject *result = NULL;
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) == 0) {
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    if (len < 4) {
      PyErr_SetString(PyExc_ValueError, "too short");
      goto done;
    }
    if (data[0] != 'x')
      goto done;
    result = PyBytes_FromStringAndSize(data, len);
  }
done:
  return result;
}
// One release after the label the success block falls into.
// CHECK-FIXES:PyObject *success_block_falls_into_label(PyObject *self, PyObject *obj) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) == 0) {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    if (len < 4) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:done:
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return result;
// CHECK-FIXES-NEXT:}

PyObject *nested_block_shared_label(PyObject *self, PyObject *obj) {
  PyObject *result = NULL;
  if (obj != Py_None) {
    const char *data;
    Py_ssize_t len;
    if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      goto fail;
    if (len < 4)
      goto fail;
    if (data[0] != 'x')
      goto fail;
    result = PyBytes_FromStringAndSize(data, len);
  }
  return result;
fail:
  Py_XDECREF(result);
  return NULL;
}
// The view moves to the top; one release at the label, none per goto.
// CHECK-FIXES:PyObject *nested_block_shared_label(PyObject *self, PyObject *obj) {
// CHECK-FIXES-C-LIFE-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-LIFE-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  PyObject *result = NULL;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    const char *data;
// CHECK-FIXES-C-IMM-NEXT:    Py_buffer data_view = {0};
// CHECK-FIXES-CXX-IMM-NEXT:    Py_buffer data_view = {};
// CHECK-FIXES-NEXT:    Py_ssize_t len;
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      goto fail;
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    if (len < 4)
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    result = PyBytes_FromStringAndSize(data, len);
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:fail:
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  Py_XDECREF(result);
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

PyObject *many_returns_no_label(PyObject *self, PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) == -1)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return NULL;
  if (len < 3)
    return PyErr_Format(PyExc_ValueError, "too short");
  if (data[0] != 'x')
    return PyErr_Format(PyExc_ValueError, "no x");
  if (data[1] != 'y')
    return PyErr_Format(PyExc_ValueError, "no y");
  return PyBytes_FromStringAndSize(data + 2, len - 2);
}
// Without a label, a release before each return after the call.
// CHECK-FIXES:PyObject *many_returns_no_label(PyObject *self, PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) == -1)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  if (len < 3) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:  if (len < 3)
// CHECK-FIXES-NEXT:    return PyErr_Format(PyExc_ValueError, "too short");
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  if (data[0] != 'x') {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:  if (data[0] != 'x')
// CHECK-FIXES-NEXT:    return PyErr_Format(PyExc_ValueError, "no x");
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  if (data[1] != 'y') {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:  if (data[1] != 'y')
// CHECK-FIXES-NEXT:    return PyErr_Format(PyExc_ValueError, "no y");
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  PyObject *result = PyBytes_FromStringAndSize(data + 2, len - 2);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return PyBytes_FromStringAndSize(data + 2, len - 2);
// CHECK-FIXES-NEXT:}

PyObject *loop_body_shared_label(PyObject *self, PyObject *seq) {
  long total = 0;
  Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
  for (Py_ssize_t i = 0; i < n; i++) {
    const char *data;
    Py_ssize_t len;
    PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
    if (PyObject_AsCharBuffer(item, &data, &len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      goto fail;
    if (len == 0)
      goto fail;
    if (data[0] == '!')
      goto fail;
    total += data[0];
  }
  return PyLong_FromLong(total);
fail:
  PyErr_SetString(PyExc_ValueError, "bad item");
  return NULL;
}
// A loop body releases at its end each time and once at the label.
// CHECK-FIXES:PyObject *loop_body_shared_label(PyObject *self, PyObject *seq) {
// CHECK-FIXES-C-LIFE-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-LIFE-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  long total = 0;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    const char *data;
// CHECK-FIXES-C-IMM-NEXT:    Py_buffer data_view = {0};
// CHECK-FIXES-CXX-IMM-NEXT:    Py_buffer data_view = {};
// CHECK-FIXES-NEXT:    Py_ssize_t len;
// CHECK-FIXES-NEXT:    PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(item, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      goto fail;
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    if (len == 0)
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    total += data[0];
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:fail:
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  PyErr_SetString(PyExc_ValueError, "bad item");
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

int retry_label_before_the_block(PyObject *obj, int tries) {
again:
  {
    const char *data;
    Py_ssize_t len;
    if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      return -1;
    if (len == 0 && tries-- > 0)
      goto again;
    if (len == 1 && tries-- > 0)
      goto again;
    int first = len ? data[0] : 0;
    return first;
  }
}
// A retry label before the block releases before the view is refilled.
// CHECK-FIXES:int retry_label_before_the_block(PyObject *obj, int tries) {
// CHECK-FIXES-C-LIFE-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-LIFE-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:again:
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  {
// CHECK-FIXES-NEXT:    const char *data;
// CHECK-FIXES-C-IMM-NEXT:    Py_buffer data_view = {0};
// CHECK-FIXES-CXX-IMM-NEXT:    Py_buffer data_view = {};
// CHECK-FIXES-NEXT:    Py_ssize_t len;
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      return -1;
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    if (len == 0 && tries-- > 0)
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    int first = len ? data[0] : 0;
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    return first;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}
