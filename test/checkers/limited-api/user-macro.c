// A use inside the user's own macro is reported once, where it is written.
// RUN: %check_pycapi %s pycapi-limited-api %t -- '--config={CheckOptions: [{key: pycapi-limited-api.LimitedApiAudit, value: "3.13"}]}' -- %py313
#include <Python.h>

#define FIRST(t) PyTuple_GET_ITEM(t, 0)
// CHECK-NOTES: :[[@LINE-1]]:18: warning: 'PyTuple_GET_ITEM' is not part of the Limited API; use PyTuple_GetItem [pycapi-limited-api]

PyObject *first_two(PyObject *a, PyObject *b) {
  (void)FIRST(a);
  return FIRST(b);
}
