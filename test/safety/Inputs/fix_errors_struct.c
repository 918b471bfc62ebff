#include <Python.h>

struct S { int a; }

int check(PyObject *obj) { return PyObject_CheckReadBuffer(obj); }
