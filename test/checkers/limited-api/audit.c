// Audit mode, for code that does not define Py_LIMITED_API: every use that
// the Limited API of the audited version does not admit, with the lowest
// version that would. The option takes "3.N" or a PY_VERSION_HEX.
// RUN: %check_pycapi -check-suffix=39 %s pycapi-limited-api %t -- '--config={CheckOptions: [{key: pycapi-limited-api.LimitedApiAudit, value: "3.9"}]}' -- %py313
// RUN: %check_pycapi -check-suffix=312 %s pycapi-limited-api %t -- '--config={CheckOptions: [{key: pycapi-limited-api.LimitedApiAudit, value: "0x030C0000"}]}' -- %py313
// Without the option, code that does not define Py_LIMITED_API is not checked.
// RUN: %check_pycapi -check-suffix=OFF %s pycapi-limited-api %t -- -- %py313
#include <Python.h>

int use(PyObject *mod, PyObject *t, Py_buffer *view) {
  // CHECK-NOTES-39: :[[@LINE-1]]:37: warning: 'Py_buffer' is in the Limited API only since 3.11; raise Py_LIMITED_API to 0x030B0000 or avoid it [pycapi-limited-api]
  PyErr_SetString(PyExc_EncodingWarning, "x");
  // CHECK-NOTES-39: :[[@LINE-1]]:19: warning: 'PyExc_EncodingWarning' is in the Limited API only since 3.10; raise Py_LIMITED_API to 0x030A0000 or avoid it [pycapi-limited-api]
  size_t offset = PY_VECTORCALL_ARGUMENTS_OFFSET;
  // CHECK-NOTES-39: :[[@LINE-1]]:19: warning: 'PY_VECTORCALL_ARGUMENTS_OFFSET' is in the Limited API only since 3.12; raise Py_LIMITED_API to 0x030C0000 or avoid it [pycapi-limited-api]
  PyObject *m = PyType_GetModuleByDef(Py_TYPE(mod), 0);
  // CHECK-NOTES-39: :[[@LINE-1]]:17: warning: 'PyType_GetModuleByDef' is in the Limited API only since 3.13; raise Py_LIMITED_API to 0x030D0000 or avoid it [pycapi-limited-api]
  // CHECK-NOTES-312: :[[@LINE-2]]:17: warning: 'PyType_GetModuleByDef' is in the Limited API only since 3.13; raise Py_LIMITED_API to 0x030D0000 or avoid it [pycapi-limited-api]
  PyObject *item = PyTuple_GET_ITEM(t, 0);
  // CHECK-NOTES-39: :[[@LINE-1]]:20: warning: 'PyTuple_GET_ITEM' is not part of the Limited API; use PyTuple_GetItem [pycapi-limited-api]
  // CHECK-NOTES-312: :[[@LINE-2]]:20: warning: 'PyTuple_GET_ITEM' is not part of the Limited API; use PyTuple_GetItem [pycapi-limited-api]
  return m == item && offset && view->len;
}
