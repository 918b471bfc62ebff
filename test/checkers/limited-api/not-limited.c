// Names outside the Limited API, of each kind, with the Limited alternative
// where one is obvious. The limited headers declare none of them. Without
// -fno-spell-checking (which the CLI passes), clang would correct
// PyTupleObject to PyTypeObject.
// RUN: %check_pycapi -compile=fail %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030D0000 -Wno-implicit-function-declaration -fno-spell-checking
#include <Python.h>

void use(PyObject *t, PyObject *s, PyTupleObject *raw) {
  // CHECK-NOTES-DAG: :[[@LINE-1]]:36: warning: 'PyTupleObject' is not part of the Limited API [pycapi-limited-api]
  // CHECK-NOTES-DAG: :[[@LINE-2]]:36: error: unknown type name 'PyTupleObject' [clang-diagnostic-error]
  (void)PyTuple_GET_ITEM(t, 0);
  // CHECK-NOTES-DAG: :[[@LINE-1]]:9: warning: 'PyTuple_GET_ITEM' is not part of the Limited API; use PyTuple_GetItem [pycapi-limited-api]
  (void)PyUnicode_AsUTF8(s);
  // CHECK-NOTES-DAG: :[[@LINE-1]]:9: warning: 'PyUnicode_AsUTF8' is not part of the Limited API; use PyUnicode_AsUTF8AndSize [pycapi-limited-api]
  (void)_PyBytes_Resize(&s, 0);
  // CHECK-NOTES-DAG: :[[@LINE-1]]:9: warning: '_PyBytes_Resize' is not part of the Limited API [pycapi-limited-api]
  (void)&PyCell_Type;
  // CHECK-NOTES-DAG: :[[@LINE-1]]:10: warning: 'PyCell_Type' is not part of the Limited API [pycapi-limited-api]
  // CHECK-NOTES-DAG: :[[@LINE-2]]:10: error: use of undeclared identifier 'PyCell_Type' [clang-diagnostic-error]
}
