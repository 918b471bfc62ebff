// RUN: %check_pycapi %s pycapi-removed-buffer-api %t -- -- %py311 -Wno-deprecated-declarations

// Shapes the check cannot rewrite safely: a warning, a note that says why,
// and no change.
// 3.11 declares the removed functions deprecated: the calls left in place
// would fail the -Werror compile of the unchanged file without
// -Wno-deprecated-declarations.

#include <Python.h>

int status_returned(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  return PyObject_AsCharBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: no automatic fix: the status is used in a way this check cannot follow
}

int status_in_a_conditional(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int ok = PyObject_AsCharBuffer(obj, &data, &len) == 0 ? 1 : 0;
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:12: note: no automatic fix: the status is used in a way this check cannot follow
  return ok && len ? data[0] : 0;
}

int compared_with_a_variable(PyObject *obj, int limit) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < limit)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: no automatic fix: the status is compared with something that is not a constant
    return -1;
  return len ? data[0] : 0;
}

int failure_branch_falls_through(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: no automatic fix: the failure branch does not leave, so the success path cannot be told apart
    PyErr_Clear();
  return 0;
}

int test_that_does_not_tell(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) > 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: no automatic fix: the status test does not tell success from failure
    return -1;
  return len ? data[0] : 0;
}

int status_as_a_loop_condition(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  while (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: no automatic fix: the status is used in a way this check cannot follow
    return -1;
  return len ? data[0] : 0;
}

static int last_status;

int status_in_a_global(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  last_status = PyObject_AsCharBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:17: note: no automatic fix: the status is stored somewhere other than a local variable
  if (last_status < 0)
    return -1;
  return len ? data[0] : 0;
}

int status_in_a_multiple_declaration(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int a = 0, rc = PyObject_AsCharBuffer(obj, &data, &len);
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:19: note: no automatic fix: the status initializes a declaration this check cannot follow
  if (rc < 0)
    return a;
  return len ? data[0] : 0;
}

int test_after_the_call_in_an_or_chain(PyObject *obj, PyObject *other) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0 || PyLong_AsLong(other) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: no automatic fix: another test follows the call in the same condition
    return -1;
  return len ? data[0] : 0;
}

int test_reading_the_length_after_the_call(PyObject *obj, PyObject *other) {
  const char *data;
  Py_ssize_t len;
  if (other == NULL || PyObject_AsCharBuffer(obj, &data, &len) < 0 || len == 0)
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:24: note: no automatic fix: another test follows the call in the same condition
    return -1;
  return data[0];
}

int test_after_the_call_in_an_and_chain(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  int c = -1;
  if (PyObject_AsCharBuffer(obj, &data, &len) == 0 && len > 0) {
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: no automatic fix: another test follows the call in the same condition
    c = data[0];
  }
  return c;
}

int consume(int status);

int status_passed_to_a_function(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (consume(PyObject_AsCharBuffer(obj, &data, &len)))
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: no automatic fix: the status is used in a way this check cannot follow
    return -1;
  return len ? data[0] : 0;
}
