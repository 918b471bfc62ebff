// RUN: %check_pycapi -compile=none -fix-errors %s pycapi-removed-api %t -- -- %py313 -Wno-implicit-function-declaration -Wno-int-conversion

// What stays manual, with the reason: a call with keywords, the trashcan
// pair split across functions or used in a macro, and a custom trashcan
// condition. Parsed against 3.13, where the unbalanced macros are unknown
// functions.

#include <Python.h>

PyObject *call(PyObject *f, PyObject *args, PyObject *kw) {
  return PyEval_CallObjectWithKeywords(f, args, kw);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyEval_CallObjectWithKeywords' was removed in Python 3.13; use PyObject_Call [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: no automatic fix: argument 3 ('kw') is not NULL
  // CHECK-NOTES: :[[@LINE-3]]:10: note: with keyword arguments, call PyObject_Call(callable, args, kwargs) instead; it needs a tuple, so pass an empty tuple (PyTuple_New(0), released after the call) where args may be NULL
}

typedef struct {
  PyObject_HEAD
  PyObject *next;
} Node;

static void node_body(Node *self) {
  Py_CLEAR(self->next);
  Py_TYPE(self)->tp_free((PyObject *)self);
  Py_TRASHCAN_SAFE_END(self);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Py_TRASHCAN_SAFE_END' was removed in Python 3.13; use Py_TRASHCAN_END [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: no automatic fix: 'node_body' does not use 'Py_TRASHCAN_SAFE_BEGIN' as often as 'Py_TRASHCAN_SAFE_END'; fix both together by hand
  // CHECK-NOTES: :[[@LINE-3]]:3: note: Py_TRASHCAN_END takes no argument and closes the block Py_TRASHCAN_BEGIN(op, dealloc) opens; change both in the same function
}

static void node_dealloc(Node *self) {
  PyObject_GC_UnTrack(self);
  Py_TRASHCAN_SAFE_BEGIN(self);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Py_TRASHCAN_SAFE_BEGIN' was removed in Python 3.13; use Py_TRASHCAN_BEGIN(op, dealloc_function) [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: no automatic fix: 'node_dealloc' does not use 'Py_TRASHCAN_SAFE_END' as often as 'Py_TRASHCAN_SAFE_BEGIN'; fix both together by hand
  // CHECK-NOTES: :[[@LINE-3]]:3: note: use Py_TRASHCAN_BEGIN(op, dealloc) in the type's tp_dealloc, naming that function, and change Py_TRASHCAN_SAFE_END in the same function to Py_TRASHCAN_END
  // CHECK-NOTES: :[[@LINE-4]]:3: note: Py_TRASHCAN_BEGIN uses the trashcan only when the object's tp_dealloc is the function named: an instance of a subclass with its own tp_dealloc is deallocated without it, which is what that subclass's deallocator expects
  node_body(self);
}

#define TRASH_BEGIN(op) Py_TRASHCAN_SAFE_BEGIN(op)
// CHECK-NOTES: :[[@LINE-1]]:25: warning: 'Py_TRASHCAN_SAFE_BEGIN' was removed in Python 3.13; use Py_TRASHCAN_BEGIN(op, dealloc_function) [pycapi-removed-api]
// CHECK-NOTES: :[[@LINE-2]]:25: note: no automatic fix: the call is in a macro's definition, where the function it ends up in is not known
// CHECK-NOTES: :[[@LINE-3]]:25: note: use Py_TRASHCAN_BEGIN(op, dealloc) in the type's tp_dealloc, naming that function, and change Py_TRASHCAN_SAFE_END in the same function to Py_TRASHCAN_END
// CHECK-NOTES: :[[@LINE-4]]:25: note: Py_TRASHCAN_BEGIN uses the trashcan only when the object's tp_dealloc is the function named: an instance of a subclass with its own tp_dealloc is deallocated without it, which is what that subclass's deallocator expects
#define TRASH_END(op) Py_TRASHCAN_SAFE_END(op)
// CHECK-NOTES: :[[@LINE-1]]:23: warning: 'Py_TRASHCAN_SAFE_END' was removed in Python 3.13; use Py_TRASHCAN_END [pycapi-removed-api]
// CHECK-NOTES: :[[@LINE-2]]:23: note: no automatic fix: the call is in a macro's definition, where the function it ends up in is not known
// CHECK-NOTES: :[[@LINE-3]]:23: note: Py_TRASHCAN_END takes no argument and closes the block Py_TRASHCAN_BEGIN(op, dealloc) opens; change both in the same function

static void other_dealloc(Node *self) {
  TRASH_BEGIN(self);
  Py_CLEAR(self->next);
  TRASH_END(self);
}

static void conditional_dealloc(Node *self) {
  Py_TRASHCAN_BEGIN_CONDITION(self, self->next != NULL);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Py_TRASHCAN_BEGIN_CONDITION' was removed in Python 3.13; use Py_TRASHCAN_BEGIN(op, dealloc_function) [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: use Py_TRASHCAN_BEGIN(op, dealloc) with the type's tp_dealloc function and Py_TRASHCAN_END; a condition other than "the object's tp_dealloc is this function" cannot be expressed any more
  Py_CLEAR(self->next);
}

void use(void) { (void)other_dealloc; (void)conditional_dealloc; (void)node_dealloc; }
