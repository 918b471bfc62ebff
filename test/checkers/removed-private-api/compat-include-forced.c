// RUN: %check_pycapi %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat -include Python.h

// Python.h comes from the command line (-include), not through any file on
// the way from this one: there is no #include to put the compat header's
// after, so no fix, and a note says to include it here.

int as_int(PyObject *o) { return _PyLong_AsInt(o); }
// CHECK-NOTES: :[[@LINE-1]]:34: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-2]]:34: note: no automatic fix: no file on the way from this file to Python.h can take '#include "pythoncapi_compat.h"'; include pythoncapi_compat.h in this file after Python.h
