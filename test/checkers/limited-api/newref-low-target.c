// What the headers accept at a target is not reported, whatever the manifest
// says: 3.13's (and 3.11's) headers offer Py_NewRef and Py_XNewRef at every
// target, as macros over static inline functions (CPython builds its
// xxlimited_35 module that way), although the manifest lists them as
// functions added in 3.10; _PyCFunction_CAST is a cast macro of the limited
// headers (xxlimited.c uses it), private by name but needing no symbol.
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x03050000
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py311 -DPy_LIMITED_API=0x03050000
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=3
// The ABI-only names the same macros expand to elsewhere stay reported.
// RUN: %check_pycapi -check-suffix=ABI %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x03050000 -DUSE_ABI_ONLY
#include <Python.h>

static PyObject *meth(PyObject *self, PyObject *arg) {
  PyObject *result = Py_NewRef(arg);
  Py_XDECREF(Py_XNewRef(self));
  return result;
}

static PyMethodDef methods[] = {
    {"meth", _PyCFunction_CAST(meth), METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PyMethodDef *module_methods(void) { return methods; }

#ifdef USE_ABI_ONLY
void drop(PyObject *op) {
  _Py_Dealloc(op);
  // CHECK-NOTES-ABI: :[[@LINE-1]]:3: warning: '_Py_Dealloc' is not part of the Limited API [pycapi-limited-api]
}
#endif
