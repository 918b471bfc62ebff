// RUN: %check_pycapi -header=%S/Inputs/pyouter.h %s pycapi-removed-private-api %t/outer/main -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat -isystem %S/Inputs/isystem
// RUN: %check_pycapi -check-suffix=DIRECT -header=%S/Inputs/pyouter.h %s pycapi-removed-private-api %t/direct/main -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat -isystem %S/Inputs/isystem -DDIRECT

// Python.h comes through a header that is not the project's (a system
// header, found through -isystem): the compat header's #include goes after
// the #include of that header, in the last file on the way to it that the
// project owns: the project's header pyouter.h, or this file when it
// includes the system header itself (-DDIRECT). The system header is never
// changed.

#ifdef DIRECT
#include <pysys.h>
#else
#include "pyouter.h"
#endif

int as_int(PyObject *o) { return _PyLong_AsInt(o); }
// CHECK-NOTES: :[[@LINE-1]]:34: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
// CHECK-NOTES-DIRECT: :[[@LINE-2]]:34: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]

// CHECK-FIXES-NOT:{{^}}#include "pythoncapi_compat.h"
// CHECK-FIXES:#include "pyouter.h"
// CHECK-FIXES-NOT:{{^}}#include "pythoncapi_compat.h"
// CHECK-FIXES:int as_int(PyObject *o) { return PyLong_AsInt(o); }

// CHECK-FIXES-DIRECT:#ifdef DIRECT
// CHECK-FIXES-DIRECT-NEXT:#include <pysys.h>
// CHECK-FIXES-DIRECT-NEXT:#include "pythoncapi_compat.h"
// CHECK-FIXES-DIRECT-NEXT:#else
// CHECK-FIXES-DIRECT-NOT:{{^}}#include "pythoncapi_compat.h"
// CHECK-FIXES-DIRECT:int as_int(PyObject *o) { return PyLong_AsInt(o); }

// CHECK-HEADER: {{^}}#define PYOUTER_H{{$}}
// CHECK-HEADER-NEXT: {{^}}#include <pysys.h>{{$}}
// CHECK-HEADER-NEXT: {{^}}#include "pythoncapi_compat.h"{{$}}
// CHECK-HEADER-NEXT: {{^}}#include <stddef.h>{{$}}
// CHECK-HEADER-NOT: pythoncapi_compat.h
