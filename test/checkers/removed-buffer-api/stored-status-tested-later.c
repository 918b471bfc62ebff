// RUN: %check_pycapi -crlf -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %gcc -O2 -Wall -Werror -c -o /dev/null %py311 %t.c
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %gcc -O2 -Wall -Werror -c -o /dev/null %py313 %t.c
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %gcc -O2 -Wall -Werror -c -o /dev/null %py311 %t.cpp
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %gcc -O2 -Wall -Werror -c -o /dev/null %py311 %t.c
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %gcc -O2 -Wall -Werror -c -o /dev/null %py311 %t.cpp

// A status stored in a local and tested a few statements later, as a
// maintainer writes it: the call becomes PyObject_GetBuffer in place, the
// test stays exactly as written (no braces, no release in its failure
// branch, where nothing was acquired), and the copies go where the test says
// the call succeeded: right after it, or at the start of its success branch.
// Statements between the store and the test may do anything but read the
// pointer or the length, write the status, jump or carry a label. The fixed
// file is also compiled by gcc -O2, whose -Wmaybe-uninitialized clang lacks.

#include <Python.h>

#define PYCAIRO_BEGIN_IGNORE_DEPRECATED                                        \
  _Pragma("GCC diagnostic push")                                               \
  _Pragma("GCC diagnostic ignored \"-Wdeprecated-declarations\"")
#define PYCAIRO_END_IGNORE_DEPRECATED _Pragma("GCC diagnostic pop")

static int consume(const char *p, Py_ssize_t n) { return n ? p[n - 1] : 0; }

// pycairo's shape: `== -1` and a failure branch without braces.
PyObject *equals_minus_one(PyObject *self, PyObject *obj) {
  unsigned char *buf;
  Py_ssize_t len;
  int res;
  res = PyObject_AsWriteBuffer(obj, (void **)&buf, &len);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:9: note: PyObject_GetBuffer raises BufferError where PyObject_AsWriteBuffer raised TypeError for a read-only buffer; set PreserveWriteBufferTypeError to keep TypeError
  if (res == -1)
    return NULL;
  buf[0] = (unsigned char)len;
  Py_RETURN_NONE;
}
// The test stays as written; the copies follow its failure branch.
// CHECK-FIXES:PyObject *equals_minus_one(PyObject *self, PyObject *obj) {
// CHECK-FIXES-NEXT:  unsigned char *buf;
// CHECK-FIXES-C-NEXT:  Py_buffer buf_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer buf_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int res;
// CHECK-FIXES-NEXT:  res = PyObject_GetBuffer(obj, &buf_view, PyBUF_WRITABLE);
// CHECK-FIXES-NEXT:  if (res == -1)
// CHECK-FIXES-NEXT:    return NULL;
// CHECK-FIXES-NEXT:  buf = (unsigned char *)buf_view.buf;
// CHECK-FIXES-NEXT:  len = buf_view.len;
// CHECK-FIXES-IMM-NEXT:  PyBuffer_Release(&buf_view);
// CHECK-FIXES-NEXT:  buf[0] = (unsigned char)len;
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&buf_view);
// CHECK-FIXES-NEXT:  Py_RETURN_NONE;
// CHECK-FIXES-NEXT:}

int less_than_zero(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int rc = PyObject_AsCharBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  if (rc < 0) {
    PyErr_Clear();
    return -1;
  }
  return consume(data, len);
}
// A braced failure branch gets no release; the copies follow it.
// CHECK-FIXES:int less_than_zero(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int rc = PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE);
// CHECK-FIXES-NEXT:  if (rc < 0) {
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  }
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = consume(data, len);
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return consume(data, len);
// CHECK-FIXES-NEXT:}

int not_zero(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int rc;
  rc = PyObject_AsCharBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  if (rc != 0) return -1;
  return consume(data, len);
}
// A failure branch on the test's line: the copies go on the next line.
// CHECK-FIXES:int not_zero(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int rc;
// CHECK-FIXES-NEXT:  rc = PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE);
// CHECK-FIXES-NEXT:  if (rc != 0) return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = consume(data, len);
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return consume(data, len);
// CHECK-FIXES-NEXT:}

// `!= -1` is true on success: the copies open its branch, which holds the
// view; the path where the call failed releases nothing.
int not_minus_one(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int rc = PyObject_AsCharBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  if (rc != -1) {
    return consume(data, len);
  }
  return -1;
}
// `!= -1` opens the success branch: the copies start it.
// CHECK-FIXES:int not_minus_one(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int rc = PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE);
// CHECK-FIXES-NEXT:  if (rc != -1) {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:    int result = consume(data, len);
// CHECK-FIXES-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:    return result;
// CHECK-FIXES-IMM-NEXT:    return consume(data, len);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

int truthy(PyObject *obj) {
  const void *data;
  Py_ssize_t len;
  int rc = PyObject_AsReadBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  if (rc)
    return -1;
  return consume((const char *)data, len);
}
// A true status is the failure: the copies follow its branch.
// CHECK-FIXES:int truthy(PyObject *obj) {
// CHECK-FIXES-NEXT:  const void *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int rc = PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE);
// CHECK-FIXES-NEXT:  if (rc)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = consume((const char *)data, len);
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return consume((const char *)data, len);
// CHECK-FIXES-NEXT:}

int negated_success_first(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int rc = PyObject_AsCharBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  if (!rc) {
    int c = consume(data, len);
    return c;
  } else
    return -1;
}
// `!rc` opens the success branch; the else branch releases nothing.
// CHECK-FIXES:int negated_success_first(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int rc = PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE);
// CHECK-FIXES-NEXT:  if (!rc) {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    int c = consume(data, len);
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    return c;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}

// The success branch is an else without braces: the copies need them.
int failure_first_with_else(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int rc = PyObject_AsCharBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  if (rc < 0)
    return -1;
  else
    return consume(data, len);
}
// An unbraced else as the success branch gets braces for the copies.
// CHECK-FIXES:int failure_first_with_else(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int rc = PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE);
// CHECK-FIXES-NEXT:  if (rc < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  else {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:    int result = consume(data, len);
// CHECK-FIXES-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:    return result;
// CHECK-FIXES-IMM-NEXT:    return consume(data, len);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:}

int tested_two_statements_later(PyObject *obj, int *calls) {
  const char *data;
  Py_ssize_t len;
  int rc = PyObject_AsCharBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  *calls += 1;
  ;
  if (rc == -1)
    return -1;
  return consume(data, len);
}
// Statements before the test stay; the copies still follow the test.
// CHECK-FIXES:int tested_two_statements_later(PyObject *obj, int *calls) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int rc = PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE);
// CHECK-FIXES-NEXT:  *calls += 1;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-LIFE-NEXT:  int result = consume(data, len);
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return consume(data, len);
// CHECK-FIXES-NEXT:}

// pycairo's surface_set_mime_data: a macro that only expands to a pragma
// sits between the store and the test.
PyObject *pragma_macro_between(PyObject *self, PyObject *obj) {
  const char *buffer;
  Py_ssize_t buffer_len;
  int res;
  PYCAIRO_BEGIN_IGNORE_DEPRECATED
  res = PyObject_AsReadBuffer(obj, (const void **)&buffer, &buffer_len);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  PYCAIRO_END_IGNORE_DEPRECATED
  if (res == -1)
    return NULL;
  return PyLong_FromLong(consume(buffer, buffer_len));
}
// A pragma-only macro between the store and the test stays in place.
// CHECK-FIXES:PyObject *pragma_macro_between(PyObject *self, PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *buffer;
// CHECK-FIXES-C-NEXT:  Py_buffer buffer_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer buffer_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t buffer_len;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:  PYCAIRO_BEGIN_IGNORE_DEPRECATED
// CHECK-FIXES-NEXT:  res = PyObject_GetBuffer(obj, &buffer_view, PyBUF_SIMPLE);
// CHECK-FIXES-NEXT:  PYCAIRO_END_IGNORE_DEPRECATED
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:    return NULL;
// CHECK-FIXES-NEXT:  buffer = (const char *)buffer_view.buf;
// CHECK-FIXES-NEXT:  buffer_len = buffer_view.len;
// CHECK-FIXES-LIFE-NEXT:  PyObject *result = PyLong_FromLong(consume(buffer, buffer_len));
// CHECK-FIXES-NEXT:  PyBuffer_Release(&buffer_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return PyLong_FromLong(consume(buffer, buffer_len));
// CHECK-FIXES-NEXT:}

// Negative: the length is read before the test, so the copies stay right
// after the store, under the success form of the later test.
int read_before_the_test(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int rc = PyObject_AsCharBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  Py_ssize_t n = rc == 0 ? len : 0;
  if (rc < 0)
    return -1;
  return consume(data, n);
}
// A read before the test: the copies follow the store, under `rc >= 0`.
// CHECK-FIXES:int read_before_the_test(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int rc = PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE);
// CHECK-FIXES-NEXT:  if (rc >= 0) {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  Py_ssize_t n = rc == 0 ? len : 0;
// CHECK-FIXES-LIFE-NEXT:  if (rc < 0) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:  if (rc < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  int result = consume(data, n);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return consume(data, n);
// CHECK-FIXES-NEXT:}

// Negative: a return between the store and the test; it needs a release,
// since the call may have succeeded, and the copies stay after the store.
int exit_between(PyObject *obj, int flag) {
  const char *data;
  Py_ssize_t len;
  int rc = PyObject_AsCharBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  if (flag)
    return 0;
  if (rc < 0)
    return -1;
  return consume(data, len);
}
// A return before the test releases (Lifetime); the copies follow the store.
// CHECK-FIXES:int exit_between(PyObject *obj, int flag) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int rc = PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE);
// CHECK-FIXES-NEXT:  if (rc >= 0) {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  if (flag) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:  if (flag)
// CHECK-FIXES-NEXT:    return 0;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  if (rc < 0) {
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-IMM-NEXT:  if (rc < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-LIFE-NEXT:  }
// CHECK-FIXES-LIFE-NEXT:  int result = consume(data, len);
// CHECK-FIXES-LIFE-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-LIFE-NEXT:  return result;
// CHECK-FIXES-IMM-NEXT:  return consume(data, len);
// CHECK-FIXES-NEXT:}
