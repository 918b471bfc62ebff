// RUN: %check_pycapi %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.13'}]}" -- %py313 -Wno-implicit-function-declaration

// A removed name in the branch of a version test that the 3.13 headers
// take is not code for old Pythons: reported and fixed (negative.c has the
// branches for old Pythons).
// The headers' version comes from evaluating CPython's PY_VERSION_HEX, an
// expression of PY_MAJOR_VERSION and the others.

#include <Python.h>

int as_int(PyObject *o) {
#if PY_VERSION_HEX >= 0x030D0000
  return _PyLong_AsInt(o);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
#else
  return (int)PyLong_AsLong(o);
#endif
}

// CHECK-FIXES:  return PyLong_AsInt(o);
