// RUN: %check_pycapi -header=%S/Inputs/pyproject.h %s pycapi-removed-private-api %t/found/main -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat
// RUN: mkdir -p %t/beside && cp %inputs/compat/pythoncapi_compat.h %t/beside/
// RUN: %check_pycapi -header=%S/Inputs/pyproject.h %s pycapi-removed-private-api %t/beside/main -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311
// RUN: %check_pycapi -check-suffixes=,NF -compile=fail -header=%S/Inputs/pyproject.h %s pycapi-removed-private-api %t/missing/main -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311
// RUN: %clang -fsyntax-only -Wall -Werror %py311 -I%inputs/compat %t/missing/main.c

// This file gets Python.h through a project header: the compat header's
// #include goes into that header, right after its #include of Python.h,
// once however many fixes need it. It is found on the include path (-I),
// or next to the header; when it is not found, the fix is made all the same
// (the file then compiles once the header is there) and a note says where
// to get it and where to put it.

#include "pyproject.h"

int as_int(PyObject *o) { return _PyLong_AsInt(o); }
// CHECK-NOTES: :[[@LINE-1]]:34: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
// CHECK-NOTES-NF: pyproject.h:4:10: note: 'pythoncapi_compat.h' is not on the include path; get it from the python/pythoncapi-compat project on GitHub and put it next to pyproject.h or in a folder on the include path

int finalizing(void) { return _Py_IsFinalizing(); }
// CHECK-NOTES: :[[@LINE-1]]:31: warning: '_Py_IsFinalizing' was removed in Python 3.13; use Py_IsFinalizing [pycapi-removed-private-api]

// CHECK-FIXES-NOT:{{^}}#include "pythoncapi_compat.h"
// CHECK-FIXES:#include "pyproject.h"
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT:int as_int(PyObject *o) { return PyLong_AsInt(o); }
// CHECK-FIXES:int finalizing(void) { return Py_IsFinalizing(); }
// CHECK-FIXES-NOT:{{^}}#include "pythoncapi_compat.h"

// CHECK-HEADER: {{^}}#define PYPROJECT_H{{$}}
// CHECK-HEADER-NEXT: {{^}}#include <Python.h>{{$}}
// CHECK-HEADER-NEXT: {{^}}#include "pythoncapi_compat.h"{{$}}
// CHECK-HEADER-NEXT: {{^}}#include <stddef.h>{{$}}
// CHECK-HEADER-NOT: pythoncapi_compat.h
