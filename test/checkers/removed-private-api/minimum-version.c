// RUN: %check_pycapi %s pycapi-removed-private-api %t -- -- %py311
// RUN: %check_pycapi -check-suffix=MIN313 %s pycapi-removed-private-api %t-313 -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.13'}]}" -- %py311
// RUN: %check_pycapi -check-suffix=COMPAT %s pycapi-removed-private-api %t-compat -- --config="{CheckOptions: [{key: pycapi-removed-private-api.CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat

// Whether a replacement newer than MinimumPythonVersion is applied depends
// on CompatHeader; a replacement that exists in every supported version is
// always applied. (A replacement that pythoncapi_compat.h lacks gets a
// version guard or a shim instead: newer-replacements.c.)

#include <Python.h>

int uses(PyObject *o) {
  PyInterpreterState *interp = _PyInterpreterState_Get();
  // CHECK-NOTES: :[[@LINE-1]]:32: warning: '_PyInterpreterState_Get' was removed in Python 3.13; use PyInterpreterState_Get [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:32: note: no automatic fix: 'PyInterpreterState_Get' is new in Python 3.9 and MinimumPythonVersion is 3.8; set CompatHeader (for example to pythoncapi_compat.h) or raise MinimumPythonVersion
  // CHECK-NOTES-MIN313: :[[@LINE-3]]:32: warning: '_PyInterpreterState_Get' was removed in Python 3.13; use PyInterpreterState_Get [pycapi-removed-private-api]
  // CHECK-NOTES-COMPAT: :[[@LINE-4]]:32: warning: '_PyInterpreterState_Get' was removed in Python 3.13; use PyInterpreterState_Get [pycapi-removed-private-api]
  (void)interp;
  return 0;
}

// CHECK-FIXES-MIN313:#include <Python.h>
// CHECK-FIXES-MIN313-EMPTY:
// CHECK-FIXES-MIN313:  PyInterpreterState *interp = PyInterpreterState_Get();
// CHECK-FIXES-COMPAT:#include <Python.h>
// CHECK-FIXES-COMPAT-NEXT:#include "pythoncapi_compat.h"
// CHECK-FIXES-COMPAT:  PyInterpreterState *interp = PyInterpreterState_Get();
