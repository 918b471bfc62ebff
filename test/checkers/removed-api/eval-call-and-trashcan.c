// RUN: %check_pycapi %s pycapi-removed-api %t -- -- %py311
// RUN: gcc -fsyntax-only -Wall -Werror %py311 %t.c
// RUN: gcc -fsyntax-only -Wall -Werror %py313 %t.c
// RUN: %clang -fsyntax-only -Wall -Werror %py313 %t.c

// PyEval_CallObject and PyEval_CallObjectWithKeywords without keywords
// become PyObject_CallObject, which treats NULL and non-tuple arguments
// alike; the PyEval_Call* renames; and the old trashcan macros, which take
// the enclosing tp_dealloc. The user's semicolons are kept. The fixed file
// compiles against 3.11 and 3.13, with clang and gcc.

#include <Python.h>

PyObject *call(PyObject *f, PyObject *args) {
  PyObject *r = PyEval_CallObject (f, args);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyEval_CallObject' was removed in Python 3.13; use PyObject_CallObject [pycapi-removed-api]
  Py_XDECREF(r);
  r = PyEval_CallObjectWithKeywords(f, args, NULL);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyEval_CallObjectWithKeywords' was removed in Python 3.13; use PyObject_Call [pycapi-removed-api]
  Py_XDECREF(r);
  r = PyEval_CallObjectWithKeywords(f,
                                    NULL,
                                    NULL);
  // CHECK-NOTES: :[[@LINE-3]]:7: warning: 'PyEval_CallObjectWithKeywords' was removed in Python 3.13; use PyObject_Call [pycapi-removed-api]
  Py_XDECREF(r);
  r = PyEval_CallFunction(f,
                          "(O)", args);
  // CHECK-NOTES: :[[@LINE-2]]:7: warning: 'PyEval_CallFunction' was removed in Python 3.13; use PyObject_CallFunction [pycapi-removed-api]
  Py_XDECREF(r);
  return PyEval_CallMethod (f, "method", "(i)", 1);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'PyEval_CallMethod' was removed in Python 3.13; use PyObject_CallMethod [pycapi-removed-api]
}

typedef struct {
  PyObject_HEAD
  PyObject *next;
} Node;

static void node_dealloc(Node *self) {
  PyObject_GC_UnTrack(self);
  Py_TRASHCAN_SAFE_BEGIN(self);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Py_TRASHCAN_SAFE_BEGIN' was removed in Python 3.13; use Py_TRASHCAN_BEGIN(op, dealloc_function) [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: Py_TRASHCAN_BEGIN uses the trashcan only when the object's tp_dealloc is the function named: an instance of a subclass with its own tp_dealloc is deallocated without it, which is what that subclass's deallocator expects
  Py_CLEAR(self->next);
  Py_TYPE(self)->tp_free((PyObject *)self);
  Py_TRASHCAN_SAFE_END(self)
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Py_TRASHCAN_SAFE_END' was removed in Python 3.13; use Py_TRASHCAN_END [pycapi-removed-api]
}

PyTypeObject NodeType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "Node",
    .tp_basicsize = sizeof(Node),
    .tp_dealloc = (destructor)node_dealloc,
};

// CHECK-FIXES:  PyObject *r = PyObject_CallObject (f, args);
// CHECK-FIXES:  r = PyObject_CallObject(f, args);
// CHECK-FIXES:  r = PyObject_CallObject(f, NULL);
// CHECK-FIXES:  r = PyObject_CallFunction(f,
// CHECK-FIXES-NEXT:                          "(O)", args);
// CHECK-FIXES:  return PyObject_CallMethod (f, "method", "(i)", 1);
// CHECK-FIXES:  Py_TRASHCAN_BEGIN(self, node_dealloc);
// CHECK-FIXES:  Py_TRASHCAN_END
