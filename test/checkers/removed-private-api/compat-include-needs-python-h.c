// RUN: %check_pycapi %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat -I%S

// The compat header goes after the Python.h include of the file being
// fixed. A file that gets Python.h through a project header has no such
// line: no fix, and a note saying where the include is needed.

#include "Inputs/project.h"

int main_file(PyObject *o) { return _PyLong_AsInt(o); }
// CHECK-NOTES: :[[@LINE-1]]:37: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-2]]:37: note: no automatic fix: this file does not include Python.h, after which '#include "pythoncapi_compat.h"' would go; include pythoncapi_compat.h here
