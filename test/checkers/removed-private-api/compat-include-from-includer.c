// RUN: %check_pycapi -crlf -header=%S/Inputs/pyuse.h %s pycapi-removed-private-api %t/main -- --config="{HeaderFilterRegex: '.*', CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat

// A header that relies on the file including it for Python.h (pyuse.h) gets
// the compat header from there too: the #include goes after this file's
// #include of Python.h, once for the fixes of both files. (HeaderFilterRegex:
// clang-tidy before 19 reports nothing in headers by default.)

#include <Python.h>
#include "pyuse.h"

int twice(PyObject *o) { return 2 * pyuse_as_int(o) + _Py_IsFinalizing(); }
// CHECK-NOTES: :[[@LINE-1]]:55: warning: '_Py_IsFinalizing' was removed in Python 3.13; use Py_IsFinalizing [pycapi-removed-private-api]
// The header's finding comes after this file's (the tools sort by file).
// CHECK-NOTES: pyuse.h:3:54: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]

// CHECK-FIXES:#include <Python.h>
// CHECK-FIXES-NEXT:#include "pythoncapi_compat.h"
// CHECK-FIXES-NEXT:#include "pyuse.h"
// CHECK-FIXES-NOT:{{^}}#include "pythoncapi_compat.h"
// CHECK-FIXES:int twice(PyObject *o) { return 2 * pyuse_as_int(o) + Py_IsFinalizing(); }

// CHECK-HEADER: {{^}}static inline int pyuse_as_int(PyObject *o) { return PyLong_AsInt(o); }{{$}}
// CHECK-HEADER-NOT: pythoncapi_compat.h
