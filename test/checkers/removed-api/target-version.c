// RUN: %check_pycapi %s pycapi-removed-api %t -- -- %py313 -Wno-deprecated-declarations
// RUN: %check_pycapi -check-suffix=314 %s pycapi-removed-api %t-314 -- --config="{CheckOptions: [{key: pycapi-removed-api.TargetPythonVersion, value: '3.14'}]}" -- %py313 -Wno-deprecated-declarations
// RUN: %check_pycapi -check-suffix=315 %s pycapi-removed-api %t-315 -- --config="{CheckOptions: [{key: pycapi-removed-api.TargetPythonVersion, value: '3.15'}]}" -- %py313 -Wno-deprecated-declarations

// The names left unfixed are deprecated in 3.13's headers, hence
// -Wno-deprecated-declarations for the -Werror compile of the fixed file.

// Public names removed in 3.14 and 3.15 are reported only with a
// TargetPythonVersion that late: a macro with no replacement (3.14), a rename
// and a signature change that is not mechanical (3.15).

#include <Python.h>

PyObject *import(const char *name) {
  PyObject *mod = PyImport_ImportModuleNoBlock(name);
  // CHECK-NOTES-315: :[[@LINE-1]]:19: warning: 'PyImport_ImportModuleNoBlock' was removed in Python 3.15; use PyImport_ImportModule [pycapi-removed-api]
  return mod ? PyWeakref_GetObject(mod) : NULL;
  // CHECK-NOTES-315: :[[@LINE-1]]:16: warning: 'PyWeakref_GetObject' was removed in Python 3.15; use PyWeakref_GetRef [pycapi-removed-api]
  // CHECK-NOTES-315: :[[@LINE-2]]:16: note: call PyWeakref_GetRef(ref, &obj) instead: it returns 1 with a new reference in obj, 0 when the object is gone (obj set to NULL, where the old call returned a borrowed Py_None) and -1 on error; release obj when you are done with it
}

int watchers(void) { return TYPE_MAX_WATCHERS; }
// CHECK-NOTES-314: :[[@LINE-1]]:29: warning: 'TYPE_MAX_WATCHERS' was removed in Python 3.14 and has no public replacement; remove the use or reimplement it in the extension [pycapi-removed-api]
// CHECK-NOTES-315: :[[@LINE-2]]:29: warning: 'TYPE_MAX_WATCHERS' was removed in Python 3.14 and has no public replacement; remove the use or reimplement it in the extension [pycapi-removed-api]

// CHECK-FIXES-315:  PyObject *mod = PyImport_ImportModule(name);
