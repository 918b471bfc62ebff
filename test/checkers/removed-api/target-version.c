// RUN: %check_pycapi %s pycapi-removed-api %t -- -- -I%inputs/python312
// RUN: %check_pycapi -check-suffix=315 %s pycapi-removed-api %t-315 -- --config="{CheckOptions: [{key: pycapi-removed-api.TargetPythonVersion, value: '3.15'}]}" -- -I%inputs/python312

// Public names removed in 3.15 are reported only with TargetPythonVersion
// 3.15 (or later): a rename and a signature change that is not mechanical.

#include <Python.h>

PyObject *import(const char *name) {
  PyObject *mod = PyImport_ImportModuleNoBlock(name);
  // CHECK-MESSAGES-315: :[[@LINE-1]]:19: warning: 'PyImport_ImportModuleNoBlock' was removed in Python 3.15; use PyImport_ImportModule [pycapi-removed-api]
  return mod ? PyWeakref_GetObject(mod) : NULL;
  // CHECK-MESSAGES-315: :[[@LINE-1]]:16: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-MESSAGES-315: :[[@LINE-2]]:16: note: no automatic fix: PyWeakref_GetRef(ref, &obj) returns int (-1/0/1) and a strong reference instead of a borrowed reference / Py_None
}

// CHECK-FIXES-315: {{^}}  PyObject *mod = PyImport_ImportModule(name);{{$}}
