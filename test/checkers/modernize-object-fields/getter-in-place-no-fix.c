// RUN: %check_pycapi -compile=fail -fix-errors %s pycapi-modernize-object-fields %t -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.9'}]}" -- %py311

// getter-in-place.c, where the rewrite cannot be made: the fixed file still
// does not compile against 3.11 (-compile=fail), and the note says why.

#include <Python.h>

typedef struct {
  PyObject_VAR_HEAD
} Stack;

// The object read twice by the rewrite: not when reading it has effects.
Stack *next_stack(void);
void grow_next(void) { Py_SIZE(next_stack())++; }
// CHECK-NOTES: :[[@LINE-1]]:24: warning: 'ob_size' is modified through its getter, which current Pythons reject; use Py_SET_SIZE [pycapi-modernize-object-fields]
// CHECK-NOTES: :[[@LINE-2]]:24: note: no automatic fix: the object's expression has side effects, and the rewrite reads it twice
// CHECK-NOTES: :[[@LINE-3]]:45: error: expression is not assignable [clang-diagnostic-error]
// CHECK-FIXES:void grow_next(void) { Py_SIZE(next_stack())++; }
