// RUN: cp %s %t.c
// RUN: not %clang_tidy --load %pycapi_plugin --checks=-*,pycapi-removed-buffer-api --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Later}]}" --fix %t.c -- %py311 > %t.out 2>&1
// RUN: FileCheck --input-file=%t.out %s
// RUN: cmp %s %t.c
// RUN: not %clang_tidy --load %pycapi_plugin --checks=-*,pycapi-removed-buffer-api --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: immediate}]}" %t.c -- %py311 2>&1 | FileCheck --check-prefix=CASE %s

// ReleaseStrategy is Lifetime or Immediate, spelled so. Under clang-tidy any
// other value is an error-level configuration diagnostic: clang-tidy exits
// with 1 and, without --fix-errors, applies no fix. (Before, any value but
// Immediate silently meant Lifetime.)

#include <Python.h>

int first(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
    return -1;
  return len ? data[0] : 0;
}

// CHECK: error: invalid ReleaseStrategy 'Later' for pycapi-removed-buffer-api: expected Lifetime or Immediate [clang-tidy-config]
// CHECK: Fixes have NOT been applied.
// CASE: error: invalid ReleaseStrategy 'immediate' for pycapi-removed-buffer-api: expected Lifetime or Immediate [clang-tidy-config]
