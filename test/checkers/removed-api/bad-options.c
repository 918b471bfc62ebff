// RUN: %pycapi_migrate --checks=-*,pycapi-removed-api --config="{CheckOptions: [{key: pycapi-removed-api.TargetPythonVersion, value: 'next'}, {key: MinimumPythonVersion, value: '3.x'}]}" %s -- %py311 2>&1 | FileCheck %s
// RUN: %clang_tidy --load %pycapi_plugin --checks=-*,pycapi-removed-api --config="{CheckOptions: [{key: pycapi-removed-api.TargetPythonVersion, value: 'next'}, {key: MinimumPythonVersion, value: '3.x'}]}" %s -- %py311 2>&1 | FileCheck %s

// An invalid version is a configuration error; the check goes on with the
// defaults (3.13, 3.8), so PyCFunction_Call is still reported and fixable.

#include <Python.h>

PyObject *call(PyObject *f, PyObject *a) { return PyCFunction_Call(f, a, NULL); }

// CHECK-DAG: invalid TargetPythonVersion 'next' for pycapi-removed-api: expected a version such as 3.13; using 3.13
// CHECK-DAG: invalid MinimumPythonVersion '3.x' for pycapi-removed-api: expected a version such as 3.8; using 3.8
// CHECK-DAG: :9:51: warning: 'PyCFunction_Call' was removed in Python 3.13; use PyObject_Call [pycapi-removed-api]
