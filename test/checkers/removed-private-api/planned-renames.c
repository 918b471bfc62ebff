// The 3.18 removals that are renames are fixed only when the target reaches
// 3.18; real 3.13 headers declare both names, so the fixed file compiles.
// RUN: %check_pycapi -check-suffix=318 %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: pycapi-removed-private-api.TargetPythonVersion, value: '3.18'}, {key: MinimumPythonVersion, value: '3.13'}]}" -- %py313
// RUN: gcc -fsyntax-only -Wall -Werror %py313 %t.c
// RUN: %check_pycapi %s pycapi-removed-private-api %t-313 -- -- %py313
#include <Python.h>

PyThreadState *current(void) { return _PyThreadState_UncheckedGet(); }
// CHECK-NOTES-318: :[[@LINE-1]]:39: warning: '_PyThreadState_UncheckedGet' is deprecated and will be removed in Python 3.18; use PyThreadState_GetUnchecked [pycapi-removed-private-api]
// CHECK-FIXES-318:PyThreadState *current(void) { return PyThreadState_GetUnchecked(); }

const char *utf8(PyObject *s) { return _PyUnicode_AsString(s); }
// CHECK-NOTES-318: :[[@LINE-1]]:40: warning: '_PyUnicode_AsString' is deprecated and will be removed in Python 3.18; use PyUnicode_AsUTF8 [pycapi-removed-private-api]
// CHECK-FIXES-318:const char *utf8(PyObject *s) { return PyUnicode_AsUTF8(s); }

Py_hash_t hash(const void *p) { return _Py_HashPointer(p); }
// CHECK-NOTES-318: :[[@LINE-1]]:40: warning: '_Py_HashPointer' is deprecated and will be removed in Python 3.18; use Py_HashPointer [pycapi-removed-private-api]
// CHECK-FIXES-318:Py_hash_t hash(const void *p) { return Py_HashPointer(p); }
