// The user's headers are read like the main file: uses and guards in them.
// RUN: %check_pycapi %s pycapi-limited-api %t -- '--config={HeaderFilterRegex: ".*limited_helpers.*", CheckOptions: [{key: pycapi-limited-api.LimitedApiAudit, value: "3.13"}]}' -- %py313 -I%S/Inputs
#include <Python.h>
#include "limited_helpers.h"
// CHECK-NOTES-DAG: limited_helpers.h:4:2: warning: this guard refuses Py_LIMITED_API with Py_TRACE_REFS, which the Limited API supports since Python 3.13; limit it to older versions (PY_VERSION_HEX < 0x030D0000) or remove it [pycapi-limited-api]
// CHECK-NOTES-DAG: limited_helpers.h:8:10: warning: 'PyTuple_GET_ITEM' is not part of the Limited API; use PyTuple_GetItem [pycapi-limited-api]

PyObject *second(PyObject *t) { return PyTuple_GetItem(t, 1); }
PyObject *first(PyObject *t) { return first_item(t); }
