// RUN: %check_pycapi %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat -isystem %S/Inputs
// RUN: %check_pycapi %s pycapi-removed-private-api %t-313 -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py313 -I%inputs/compat -isystem %S/Inputs -DPY313
// RUN: %check_pycapi %s pycapi-removed-private-api %t-315 -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}, {key: pycapi-removed-private-api.TargetPythonVersion, value: '3.15'}]}" -- %py311 -I%inputs/compat -isystem %S/Inputs
// RUN: %check_pycapi %s pycapi-removed-private-api %t-313-315 -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}, {key: pycapi-removed-private-api.TargetPythonVersion, value: '3.15'}]}" -- %py313 -I%inputs/compat -isystem %S/Inputs -DPY313

// Nothing to report, on 3.11 and on 3.13 headers:
// - private names that Python's own macros expand to: 3.11's
//   Py_TRASHCAN_BEGIN -> _PyTrash_cond (removed in 3.13) and _PyTrash_begin
//   (removed in 3.14), also with TargetPythonVersion 3.15;
// - a system header and a vendored pythoncapi_compat.h that use removed
//   names, and a system macro expanded here;
// - names removed after the target release or restored before it
//   (_Py_InitializeMain: removed in 3.14, back in 3.15);
// - code for old Pythons under a PY_VERSION_HEX test;
// - removed names in comments and strings, and names that merely share a
//   prefix or a suffix with them.

#include <Python.h>
#include "pythoncapi_compat.h"
#include <sys_private.h>

/* _PyLong_AsInt(o) in a comment. */
static const char *doc = "_PyObject_LookupAttr(o, name, &r)";
int _PyLong_AsIntEx(PyObject *o);
int my_PyLong_AsInt(PyObject *o);

int python_macros(PyObject *o) {
  PyTypeObject *type = Py_TYPE(o);
  Py_INCREF(o);
  Py_TRASHCAN_BEGIN(o, 0)
  Py_DECREF(o);
  Py_TRASHCAN_END
  return type != NULL;
}

#ifndef PY313 // the system macro would not compile
int system_header(PyObject *o, PyObject *name) {
  PyObject *r;
  return sys_as_int(o) + SYS_LOOKUP(o, name, &r);
}
#endif

int later_or_restored(void) {
  PyObject *d = _PyDict_NewPresized(4);
  PyStatus status = _Py_InitializeMain();
  return PyStatus_Exception(status) + (d != NULL) + (doc != NULL);
}

int old_pythons(PyObject *o) {
#if PY_VERSION_HEX < 0x030D0000
  return _PyLong_AsInt(o);
#else
  return PyLong_AsInt(o);
#endif
}

int new_pythons_first(PyObject *o) {
#if PY_VERSION_HEX >= 0x030D0000
  return Py_IsFinalizing() + PyLong_AsInt(o);
#else
  return _Py_IsFinalizing() + _PyLong_AsInt(o);
#endif
}

int prefix_and_suffix(PyObject *o) {
  return _PyLong_AsIntEx(o) + my_PyLong_AsInt(o);
}
