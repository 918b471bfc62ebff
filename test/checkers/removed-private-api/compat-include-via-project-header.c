// RUN: %check_pycapi -header=%S/Inputs/pyproject_compat.h %s pycapi-removed-private-api %t/main -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat

// The project's header already includes the compat header: the names are
// renamed and no #include is added, neither here nor in the header.

#include "pyproject_compat.h"

int as_int(PyObject *o) { return _PyLong_AsInt(o); }
// CHECK-NOTES: :[[@LINE-1]]:34: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]

// CHECK-FIXES-NOT:{{^}}#include "pythoncapi_compat.h"
// CHECK-FIXES:#include "pyproject_compat.h"
// CHECK-FIXES-NOT:{{^}}#include "pythoncapi_compat.h"
// CHECK-FIXES:int as_int(PyObject *o) { return PyLong_AsInt(o); }
