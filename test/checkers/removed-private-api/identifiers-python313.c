// RUN: %check_pycapi -fix-errors %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: MinimumPythonVersion, value: '3.13'}]}" -- %py313 -Wno-implicit-function-declaration -Wno-int-conversion
// RUN: gcc -fsyntax-only -Wall -Werror %py313 %t.c

// Against the real 3.13 headers, which no longer declare the removed
// functions but still define _Py_IDENTIFIER: the calls are found by name
// and fixed, the declarations found from the macro and removed, and the
// fixed file compiles against 3.13 with -Wall -Werror, with clang and gcc.
// (Before the fix, the calls return the int of an implicit declaration.)

#include <Python.h>

_Py_IDENTIFIER(append);
_Py_static_string(PyId_text, "text");

PyObject *use(PyObject *list, PyObject *d, PyObject *item) {
  PyObject *value;
  if (_PyObject_LookupAttrId(list, &PyId_append, &value) <= 0)
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: '_PyObject_LookupAttrId' was removed in Python 3.13; use PyObject_GetOptionalAttrString [pycapi-removed-private-api]
    return NULL;
  Py_DECREF(value);
  if (_PyDict_SetItemId(d, &PyId_text, item) < 0 ||
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: '_PyDict_SetItemId' was removed in Python 3.13; use PyDict_SetItemString [pycapi-removed-private-api]
      _PyDict_ContainsId(d, &PyId_text) != 1 ||
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: '_PyDict_ContainsId' was removed in Python 3.13; use PyDict_ContainsString [pycapi-removed-private-api]
      !_PyUnicode_EqualToASCIIId(item, &PyId_text))
      // CHECK-NOTES: :[[@LINE-1]]:8: warning: '_PyUnicode_EqualToASCIIId' was removed in Python 3.13; use PyUnicode_EqualToUTF8 [pycapi-removed-private-api]
    return NULL;
  return _PyObject_CallMethodIdOneArg(list, &PyId_append, item);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyObject_CallMethodIdOneArg' was removed in Python 3.13; use PyObject_CallMethod [pycapi-removed-private-api]
}

// CHECK-FIXES:#include <Python.h>
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT:PyObject *use(PyObject *list, PyObject *d, PyObject *item) {
// CHECK-FIXES:  if (PyObject_GetOptionalAttrString(list, "append", &value) <= 0)
// CHECK-FIXES:  if (PyDict_SetItemString(d, "text", item) < 0 ||
// CHECK-FIXES:      PyDict_ContainsString(d, "text") != 1 ||
// CHECK-FIXES:      !PyUnicode_EqualToUTF8(item, "text"))
// CHECK-FIXES:  return PyObject_CallMethod(list, "append", "(O)", item);
