// RUN: %check_pycapi -fix-errors %s pycapi-modernize-object-fields %t -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.9'}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -fix-errors %s pycapi-modernize-object-fields %t-cxx -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.9'}]}" -- %py311

// A field changed in place through its getter (`Py_SIZE(o)++`,
// `--Py_SIZE(o)`, `Py_SIZE(o) += n`): an error since 3.11, as the plain
// assignment is. A statement of its own becomes the setter of the new value;
// where the value is used, a comma expression sets, then yields what the
// operator yielded (the old value for a postfix step), so that the code
// around it stays. upgrade_pythoncapi.py leaves all of these (and they stay
// errors); zodbpickle's port restructured them by hand.

#include <Python.h>

typedef struct {
  PyObject_VAR_HEAD
  PyObject **data;
} Stack;

void steps(Stack *self, Py_ssize_t n) {
  Py_SIZE(self) += n * 2;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'ob_size' is modified through its getter, which current Pythons reject; use Py_SET_SIZE [pycapi-modernize-object-fields]
  // CHECK-NOTES: :[[@LINE-2]]:17: error: expression is not assignable [clang-diagnostic-error]
  Py_REFCNT(self)++;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'ob_refcnt' is modified through its getter, which current Pythons reject; use Py_SET_REFCNT [pycapi-modernize-object-fields]
  // CHECK-NOTES: :[[@LINE-2]]:18: error: expression is not assignable [clang-diagnostic-error]
  --Py_SIZE(self);
  // CHECK-NOTES: :[[@LINE-1]]:3: error: expression is not assignable [clang-diagnostic-error]
  // CHECK-NOTES: :[[@LINE-2]]:5: warning: 'ob_size' is modified through its getter, which current Pythons reject; use Py_SET_SIZE [pycapi-modernize-object-fields]
}
// CHECK-FIXES:  Py_SET_SIZE(self, Py_SIZE(self) + (n * 2));
// CHECK-FIXES:  Py_SET_REFCNT(self, Py_REFCNT(self) + 1);
// CHECK-FIXES:  Py_SET_SIZE(self, Py_SIZE(self) - 1);

PyObject *pop(Stack *self) { return self->data[--Py_SIZE(self)]; }
// CHECK-NOTES: :[[@LINE-1]]:48: error: expression is not assignable [clang-diagnostic-error]
// CHECK-NOTES: :[[@LINE-2]]:50: warning: 'ob_size' is modified through its getter, which current Pythons reject; use Py_SET_SIZE [pycapi-modernize-object-fields]
// CHECK-FIXES:PyObject *pop(Stack *self) { return self->data[(Py_SET_SIZE(self, Py_SIZE(self) - 1), Py_SIZE(self))]; }

void push(Stack *self, PyObject *obj) { self->data[Py_SIZE(self)++] = obj; }
// CHECK-NOTES: :[[@LINE-1]]:52: warning: 'ob_size' is modified through its getter, which current Pythons reject; use Py_SET_SIZE [pycapi-modernize-object-fields]
// CHECK-NOTES: :[[@LINE-2]]:65: error: expression is not assignable [clang-diagnostic-error]
// CHECK-FIXES:void push(Stack *self, PyObject *obj) { self->data[(Py_SET_SIZE(self, Py_SIZE(self) + 1), Py_SIZE(self) - 1)] = obj; }

// Comparisons through the getters are reads.
int small(Stack *self) { return Py_SIZE(self) <= 2 && Py_REFCNT(self) != 1; }
// CHECK-FIXES:int small(Stack *self) { return Py_SIZE(self) <= 2 && Py_REFCNT(self) != 1; }
