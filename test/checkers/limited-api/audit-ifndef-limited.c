// Audit mode parses the code as a build without Py_LIMITED_API does; what
// it reports is what a build with Py_LIMITED_API set to the audited version
// compiles: not the code under #ifndef Py_LIMITED_API (the project's full-API
// path), but the code under #ifdef Py_LIMITED_API, which the parse skips
// (read from its text), and a test of the value sees the audited version.
// RUN: %check_pycapi -check-suffix=312 %s pycapi-limited-api %t -- '--config={CheckOptions: [{key: pycapi-limited-api.LimitedApiAudit, value: "3.12"}]}' -- %py313
// RUN: %check_pycapi -check-suffix=312 %s pycapi-limited-api %t -- '--config={CheckOptions: [{key: pycapi-limited-api.LimitedApiAudit, value: "3.12"}]}' -- %py311
// RUN: %check_pycapi -check-suffix=313 %s pycapi-limited-api %t -- '--config={CheckOptions: [{key: pycapi-limited-api.LimitedApiAudit, value: "3.13"}]}' -- %py313
#include <Python.h>

#ifndef Py_LIMITED_API
#  define FIRST(t) PyTuple_GET_ITEM(t, 0)
#else
#  define FIRST(t) PyTuple_GetItem(t, 0)
#endif

PyObject *first(PyObject *t) {
#ifndef Py_LIMITED_API
  return PyTuple_GET_ITEM(t, 0);
#else
  return PyTuple_GetItem(t, 0);
#endif
}

PyObject *first_again(PyObject *t) { return FIRST(t); }

Py_ssize_t size(PyObject *t) {
#if !defined(Py_LIMITED_API)
  return PyTuple_GET_SIZE(t);
#elif Py_LIMITED_API+0 >= 0x030D0000
  return PyTuple_Size(t);
#else
  return PyList_GET_SIZE(t);
  // CHECK-NOTES-312: :[[@LINE-1]]:10: warning: 'PyList_GET_SIZE' is not part of the Limited API; use PyList_Size [pycapi-limited-api]
#endif
}

PyObject *module_of(PyObject *self, PyModuleDef *def) {
#ifdef Py_LIMITED_API
  return PyType_GetModuleByDef(Py_TYPE(self), def);
  // CHECK-NOTES-312: :[[@LINE-1]]:10: warning: 'PyType_GetModuleByDef' is in the Limited API only since 3.13; raise Py_LIMITED_API to 0x030D0000 or avoid it [pycapi-limited-api]
#else
  return PyState_FindModule(def);
#endif
}

// Outside any branch: reported as before.
PyObject *item(PyObject *l) { return PyList_GET_ITEM(l, 0); }
// CHECK-NOTES-312: :[[@LINE-1]]:38: warning: 'PyList_GET_ITEM' is not part of the Limited API; use PyList_GetItem [pycapi-limited-api]
// CHECK-NOTES-313: :[[@LINE-2]]:38: warning: 'PyList_GET_ITEM' is not part of the Limited API; use PyList_GetItem [pycapi-limited-api]
