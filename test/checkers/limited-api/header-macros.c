// Python's own macros expand to names outside the Limited API (_PyObject_CAST;
// _Py_NoneStruct, which Py_None is without Py_LIMITED_API, in audit mode):
// only what the user wrote counts.
// RUN: %check_pycapi -check-suffix=LIMITED %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030D0000
// RUN: %check_pycapi -check-suffix=AUDIT313 %s pycapi-limited-api %t -- '--config={CheckOptions: [{key: pycapi-limited-api.LimitedApiAudit, value: "3.13"}]}' -- %py313
// RUN: %check_pycapi -check-suffix=AUDIT312 %s pycapi-limited-api %t -- '--config={CheckOptions: [{key: pycapi-limited-api.LimitedApiAudit, value: "3.12"}]}' -- %py313
#include <Python.h>

static PyObject *noop(PyObject *self, PyObject *args) {
  Py_INCREF(self);
  Py_DECREF(self);
  (void)Py_TYPE(args);
  Py_RETURN_NONE;
}

void *gil_slot(void) {
  return Py_MOD_GIL_NOT_USED;
  // CHECK-NOTES-AUDIT312: :[[@LINE-1]]:10: warning: 'Py_MOD_GIL_NOT_USED' is in the Limited API only since 3.13; raise Py_LIMITED_API to 0x030D0000 or avoid it [pycapi-limited-api]
}

PyMODINIT_FUNC PyInit_mod(void) {
  PyCFunction f = noop;
  (void)f;
  return Py_None;
}
