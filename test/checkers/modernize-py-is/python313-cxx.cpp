// RUN: %check_pycapi %s pycapi-modernize-py-is %t -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.10'}]}" -- %py313

// shapes.c as C++ against the real 3.13 headers, where Py_IsNone is a
// function: the fixed file compiles as C++.

#include <Python.h>

typedef struct {
  PyObject_HEAD
  PyObject *data;
} MyObject;

// pythoncapi-compat issue 86: the regex takes `data` for the operand and
// writes `((PyObject*)obj)->Py_IsNone(data)`. The operand is the whole
// member access.
int data_is_none(PyObject *obj) { return ((MyObject *)obj)->data == Py_None; }
// CHECK-NOTES: :[[@LINE-1]]:66: warning: 'Py_None' compared by pointer; use Py_IsNone [pycapi-modernize-py-is]
// CHECK-FIXES:int data_is_none(PyObject *obj) { return Py_IsNone(((MyObject *)obj)->data); }

// The operand order the regex misses, and a call as the operand.
PyObject *get(void);
int reversed(PyObject *x) { return Py_None == x || Py_True != get(); }
// CHECK-NOTES: :[[@LINE-1]]:44: warning: 'Py_None' compared by pointer; use Py_IsNone [pycapi-modernize-py-is]
// CHECK-NOTES: :[[@LINE-2]]:60: warning: 'Py_True' compared by pointer; use Py_IsTrue [pycapi-modernize-py-is]
// CHECK-FIXES:int reversed(PyObject *x) { return Py_IsNone(x) || !Py_IsTrue(get()); }

// Comments, strings and macro bodies are left alone, and so is a pointer
// that is not a PyObject * (Py_IsNone takes one).
/* if (x == Py_None) */
const char *text = "x == Py_None";
#define IS_NONE(o) ((o) == Py_None)
int in_macro(PyObject *x) { return IS_NONE(x); }
int other_pointer(void *p) { return p == (void *)Py_None; }
// CHECK-FIXES:/* if (x == Py_None) */
// CHECK-FIXES-NEXT:const char *text = "x == Py_None";
// CHECK-FIXES-NEXT:#define IS_NONE(o) ((o) == Py_None)
// CHECK-FIXES-NEXT:int in_macro(PyObject *x) { return IS_NONE(x); }
// CHECK-FIXES-NEXT:int other_pointer(void *p) { return p == (void *)Py_None; }
