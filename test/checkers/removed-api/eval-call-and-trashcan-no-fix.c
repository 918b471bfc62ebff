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
}

static void node_dealloc(Node *self) {
  PyObject_GC_UnTrack(self);
  Py_TRASHCAN_SAFE_BEGIN(self);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Py_TRASHCAN_SAFE_BEGIN' was removed in Python 3.13; use Py_TRASHCAN_BEGIN(op, dealloc_function) [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: no automatic fix: 'node_dealloc' does not use 'Py_TRASHCAN_SAFE_END' as often as 'Py_TRASHCAN_SAFE_BEGIN'; fix both together by hand
  node_body(self);
}

#define TRASH_BEGIN(op) Py_TRASHCAN_SAFE_BEGIN(op)
// CHECK-NOTES: :[[@LINE-1]]:25: warning: 'Py_TRASHCAN_SAFE_BEGIN' was removed in Python 3.13; use Py_TRASHCAN_BEGIN(op, dealloc_function) [pycapi-removed-api]
// CHECK-NOTES: :[[@LINE-2]]:25: note: no automatic fix: the call is in a macro's definition, where the function it ends up in is not known
#define TRASH_END(op) Py_TRASHCAN_SAFE_END(op)
// CHECK-NOTES: :[[@LINE-1]]:23: warning: 'Py_TRASHCAN_SAFE_END' was removed in Python 3.13; use Py_TRASHCAN_END [pycapi-removed-api]
// CHECK-NOTES: :[[@LINE-2]]:23: note: no automatic fix: the call is in a macro's definition, where the function it ends up in is not known

static void other_dealloc(Node *self) {
  TRASH_BEGIN(self);
  Py_CLEAR(self->next);
  TRASH_END(self);
}

static void conditional_dealloc(Node *self) {
  Py_TRASHCAN_BEGIN_CONDITION(self, self->next != NULL);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Py_TRASHCAN_BEGIN_CONDITION' was removed in Python 3.13; use Py_TRASHCAN_BEGIN(op, dealloc_function) [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: no automatic fix: 3.11 Include/cpython/object.h: the building block of Py_TRASHCAN_BEGIN with an arbitrary condition; 3.13 Py_TRASHCAN_BEGIN hard-codes Py_TYPE(op)->tp_dealloc == dealloc, so a custom condition has no public equivalent
  Py_CLEAR(self->next);
}

void use(void) { (void)other_dealloc; (void)conditional_dealloc; (void)node_dealloc; }
