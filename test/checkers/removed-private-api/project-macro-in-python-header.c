// RUN: %check_pycapi %s pycapi-removed-private-api %t -- -- -I%S/Inputs/pyexpands

// The checks watch the tokens of the user's files only, and also those of a
// project macro that Python's headers expand (its body is the project's
// text): what they see there is what they saw when they watched every
// token. As before, the name in PROJECT_AS_INT's body is not reported: it
// was first expanded in Python's header, whose code is never reported, and
// each spelling is judged once (RemovedApiCheckBase::record).

#define PROJECT_AS_INT(o) _PyLong_AsInt(o)
#include <Python.h>

int uses(PyObject *o) { return PROJECT_AS_INT(o) + python_uses_project_macro(o); }

int direct(PyObject *o) { return _PyLong_AsInt(o); }
// CHECK-NOTES: :[[@LINE-1]]:34: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-2]]:34: note: no automatic fix: 'PyLong_AsInt' is new in Python 3.13 and MinimumPythonVersion is 3.8; set CompatHeader (for example to pythoncapi_compat.h) or raise MinimumPythonVersion
