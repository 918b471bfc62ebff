// A macro that the headers define at a target but whose expansion needs a
// symbol older runtimes lack: PyModule_FromDefAndSpec calls
// PyModule_FromDefAndSpec2, declared at 3.5 but exported only from 3.7. The
// file builds; the extension would fail to import on 3.5 and 3.6.
// RUN: %check_pycapi -check-suffix=36 %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x03060000
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x03070000
#include <Python.h>

PyObject *create(PyModuleDef *def, PyObject *spec) {
  return PyModule_FromDefAndSpec(def, spec);
  // CHECK-NOTES-36: :[[@LINE-1]]:10: warning: 'PyModule_FromDefAndSpec' is in the Limited API only since 3.7; raise Py_LIMITED_API to 0x03070000 or avoid it [pycapi-limited-api]
}
