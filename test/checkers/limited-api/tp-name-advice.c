// Each member of an opaque struct gets its own alternative: tp_name is not a
// slot (PyType_GetSlot has no Py_tp_name), its name is PyType_GetName (3.11);
// tp_flags is PyType_GetFlags; the members with a slot ID are read with
// PyType_GetSlot; a member with no alternative gets none. Below the
// alternative's version the warning says it, as for names.
// RUN: %check_pycapi -check-suffix=310 %s pycapi-limited-api %t -- '--config={CheckOptions: [{key: pycapi-limited-api.LimitedApiAudit, value: "3.10"}]}' -- %py313
// RUN: %check_pycapi -check-suffix=312 %s pycapi-limited-api %t -- '--config={CheckOptions: [{key: pycapi-limited-api.LimitedApiAudit, value: "3.12"}]}' -- %py313
// The 3.11 headers declare the same members.
// RUN: %check_pycapi -check-suffix=310 %s pycapi-limited-api %t -- '--config={CheckOptions: [{key: pycapi-limited-api.LimitedApiAudit, value: "3.10"}]}' -- %py311
#include <Python.h>

const char *name_of(PyObject *o) {
  return Py_TYPE(o)->tp_name;
  // CHECK-NOTES-310: :[[@LINE-1]]:22: warning: 'PyTypeObject.tp_name' is not part of the Limited API; use PyType_GetName (in the Limited API since 3.11) [pycapi-limited-api]
  // CHECK-NOTES-312: :[[@LINE-2]]:22: warning: 'PyTypeObject.tp_name' is not part of the Limited API; use PyType_GetName [pycapi-limited-api]
}

int is_subclassable(PyTypeObject *type) {
  return (type->tp_flags & Py_TPFLAGS_BASETYPE) != 0;
  // CHECK-NOTES-310: :[[@LINE-1]]:17: warning: 'PyTypeObject.tp_flags' is not part of the Limited API; use PyType_GetFlags [pycapi-limited-api]
  // CHECK-NOTES-312: :[[@LINE-2]]:17: warning: 'PyTypeObject.tp_flags' is not part of the Limited API; use PyType_GetFlags [pycapi-limited-api]
}

PyObject *make(PyTypeObject *type) {
  return type->tp_alloc(type, 0);
  // CHECK-NOTES-310: :[[@LINE-1]]:16: warning: 'PyTypeObject.tp_alloc' is not part of the Limited API; use PyType_GetSlot [pycapi-limited-api]
  // CHECK-NOTES-312: :[[@LINE-2]]:16: warning: 'PyTypeObject.tp_alloc' is not part of the Limited API; use PyType_GetSlot [pycapi-limited-api]
}

int has_add(PyTypeObject *type) {
  return type->tp_as_number != NULL;
  // CHECK-NOTES-310: :[[@LINE-1]]:16: warning: 'PyTypeObject.tp_as_number' is not part of the Limited API; use PyType_GetSlot [pycapi-limited-api]
  // CHECK-NOTES-312: :[[@LINE-2]]:16: warning: 'PyTypeObject.tp_as_number' is not part of the Limited API; use PyType_GetSlot [pycapi-limited-api]
}

Py_ssize_t size_of(PyTypeObject *type) {
  return type->tp_basicsize;
  // CHECK-NOTES-310: :[[@LINE-1]]:16: warning: 'PyTypeObject.tp_basicsize' is not part of the Limited API [pycapi-limited-api]
  // CHECK-NOTES-312: :[[@LINE-2]]:16: warning: 'PyTypeObject.tp_basicsize' is not part of the Limited API [pycapi-limited-api]
}

PyInterpreterState *interpreter_of(PyThreadState *tstate) {
  return tstate->interp;
  // CHECK-NOTES-310: :[[@LINE-1]]:18: warning: 'PyThreadState.interp' is not part of the Limited API; use PyThreadState_GetInterpreter [pycapi-limited-api]
  // CHECK-NOTES-312: :[[@LINE-2]]:18: warning: 'PyThreadState.interp' is not part of the Limited API; use PyThreadState_GetInterpreter [pycapi-limited-api]
}
