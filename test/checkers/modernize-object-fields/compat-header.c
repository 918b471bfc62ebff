// RUN: %check_pycapi -fix-errors %s pycapi-modernize-object-fields %t -- --config="{CheckOptions: [{key: pycapi-modernize-object-fields.FieldAccess, value: true}]}" -- %py311

// Py_SET_TYPE is new in 3.9 and MinimumPythonVersion is 3.8 (the default):
// without CompatHeader the setters are not written, and the note says what
// to set. The getters are in every Python 3 and are.

#include <Python.h>

void set_type(PyObject *obj, PyTypeObject *type) {
  obj->ob_type = type;
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'ob_type' is assigned directly; use Py_SET_TYPE [pycapi-modernize-object-fields]
  // CHECK-NOTES: :[[@LINE-2]]:8: note: no automatic fix: 'Py_SET_TYPE' is new in Python 3.9 and MinimumPythonVersion is 3.8; set CompatHeader (for example to pythoncapi_compat.h) or raise MinimumPythonVersion
  if (obj->ob_type != type)
    abort();
  // CHECK-NOTES: :[[@LINE-2]]:12: warning: 'ob_type' is read directly; use Py_TYPE [pycapi-modernize-object-fields]
}
// CHECK-FIXES:  obj->ob_type = type;
// CHECK-FIXES-NEXT:  if (Py_TYPE(obj) != type)
