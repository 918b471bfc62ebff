// RUN: %check_pycapi -crlf -fix-errors %s pycapi-modernize-object-fields %t -- --config="{CheckOptions: [{key: pycapi-modernize-object-fields.FieldAccess, value: true}, {key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat

// upgrade_pythoncapi.py's tests of the file as a whole: a file that
// includes pythoncapi_compat.h already gets no second include, and line ends
// are kept (-crlf runs this file with CRLF ones too).

#include <Python.h>
#include "pythoncapi_compat.h"
// CHECK-FIXES:#include <Python.h>
// CHECK-FIXES-NEXT:#include "pythoncapi_compat.h"
// CHECK-FIXES-NOT:#include "pythoncapi_compat.h"

void set_type(PyObject *obj, PyTypeObject *type) {
  Py_TYPE(obj) = type;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'ob_type' is assigned through its getter, which current Pythons reject; use Py_SET_TYPE [pycapi-modernize-object-fields]
  // CHECK-NOTES: :[[@LINE-2]]:16: error: expression is not assignable [clang-diagnostic-error]
}
// CHECK-FIXES:  Py_SET_TYPE(obj, type);

Py_ssize_t get_size(PyVarObject *obj)

{ return obj->ob_size; }
// CHECK-NOTES: :[[@LINE-1]]:15: warning: 'ob_size' is read directly; use Py_SIZE [pycapi-modernize-object-fields]
// CHECK-FIXES:Py_ssize_t get_size(PyVarObject *obj)
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT:{ return Py_SIZE(obj); }
