// RUN: %check_pycapi -crlf -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311 -Wno-deprecated-declarations
// RUN: %gcc -O2 -Wall -Werror -Wno-deprecated-declarations -c -o /dev/null %py311 %t.c
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %gcc -O2 -Wall -Werror -Wno-implicit-function-declaration -c -o /dev/null %py313 %t.c
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311 -Wno-deprecated-declarations
// RUN: %gcc -O2 -Wall -Werror -Wno-deprecated-declarations -c -o /dev/null %py311 %t.cpp
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311 -Wno-deprecated-declarations
// RUN: %gcc -O2 -Wall -Werror -Wno-deprecated-declarations -c -o /dev/null %py311 %t.c
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311 -Wno-deprecated-declarations
// RUN: %gcc -O2 -Wall -Werror -Wno-deprecated-declarations -c -o /dev/null %py311 %t.cpp

// A test that reads the pointer only where the call failed is most likely
// inverted (the removed functions return 0 on success): the old code read an
// unset pointer there, and a rewrite would copy from a view that was never
// filled and release it on paths that never acquired it. No fix; a note at
// the test says why. A test that uses the pointer where the call succeeded
// is fixed as usual. The calls left in place need
// -Wno-deprecated-declarations against 3.11 (and, in C,
// -Wno-implicit-function-declaration against 3.13).

#include <Python.h>
#include <string.h>

// python-ldap's LDAPberval_from_object: `!CALL` is true on success, so the
// function returns failure when the call worked and copies from an unset
// pointer when it failed.
int berval_from_object(PyObject *obj, char **out, Py_ssize_t *out_len) {
  const void *data;
  char *datacp;
  Py_ssize_t len;
  if (!PyObject_AsReadBuffer(obj, &data, &len))
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: no automatic fix: the pointer is used only where the call failed; the test looks inverted (PyObject_AsReadBuffer returns 0 on success)
    return 0;
  datacp = (char *)PyMem_Malloc(len ? len : 1);
  if (!datacp) {
    PyErr_NoMemory();
    return 0;
  }
  memcpy(datacp, data, len);
  *out = datacp;
  *out_len = len;
  return 1;
}
// An inverted `!CALL` test: no fix, the function stays as written.
// CHECK-FIXES:int berval_from_object(PyObject *obj, char **out, Py_ssize_t *out_len) {
// CHECK-FIXES-NEXT:  const void *data;
// CHECK-FIXES-NEXT:  char *datacp;
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (!PyObject_AsReadBuffer(obj, &data, &len))
// CHECK-FIXES-NEXT:    return 0;
// CHECK-FIXES-NEXT:  datacp = (char *)PyMem_Malloc(len ? len : 1);
// CHECK-FIXES-NEXT:  if (!datacp) {
// CHECK-FIXES-NEXT:    PyErr_NoMemory();
// CHECK-FIXES-NEXT:    return 0;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  memcpy(datacp, data, len);
// CHECK-FIXES-NEXT:  *out = datacp;
// CHECK-FIXES-NEXT:  *out_len = len;
// CHECK-FIXES-NEXT:  return 1;
// CHECK-FIXES-NEXT:}

// A failure test whose branch is the only place that reads the pointer.
int read_in_failure_branch(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0) {
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: no automatic fix: the pointer is used only where the call failed; the test looks inverted (PyObject_AsCharBuffer returns 0 on success)
    int c = len ? data[0] : 0;
    return c;
  }
  return 0;
}
// The pointer read only in the failure branch: no fix.
// CHECK-FIXES:int read_in_failure_branch(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_AsCharBuffer(obj, &data, &len) < 0) {
// CHECK-FIXES-NEXT:    int c = len ? data[0] : 0;
// CHECK-FIXES-NEXT:    return c;
// CHECK-FIXES-NEXT:  }
// CHECK-FIXES-NEXT:  return 0;
// CHECK-FIXES-NEXT:}

// The same through a stored status: the note goes to the test of the status.
int stored_inverted(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int rc = PyObject_AsCharBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  if (rc == 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: note: no automatic fix: the pointer is used only where the call failed; the test looks inverted (PyObject_AsCharBuffer returns 0 on success)
    return -1;
  return len ? data[0] : 0;
}
// An inverted test of a stored status: no fix.
// CHECK-FIXES:int stored_inverted(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  int rc = PyObject_AsCharBuffer(obj, &data, &len);
// CHECK-FIXES-NEXT:  if (rc == 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  return len ? data[0] : 0;
// CHECK-FIXES-NEXT:}

// Negative: the pointer is used in the branch where the call succeeded.
int negated_with_use(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (!PyObject_AsCharBuffer(obj, &data, &len)) {
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    int c = len ? data[0] : 0;
    return 1 + c;
  }
  return 0;
}
// The pointer used where the call succeeded: fixed as usual.
// CHECK-FIXES:int negated_with_use(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-C-NEXT:  Py_buffer data_view = {0};
// CHECK-FIXES-CXX-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (!PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE)) {
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    len = data_view.len;
// CHECK-FIXES-IMM-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    int c = len ? data[0] : 0;
// CHECK-FIXES-LIFE-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:    return 1 + c;
// CHECK-FIXES-NOT:{{PyBuffer_Release|_view}}
// CHECK-FIXES:}
