// RUN: %check_pycapi -crlf %s pycapi-removed-private-api %t -- -- %py311
// RUN: gcc -fsyntax-only -Wall -Werror %py311 %t.c
// RUN: %clang -fsyntax-only -Wall -Werror %py313 %t.c
// RUN: gcc -fsyntax-only -Wall -Werror %py313 %t.c
// RUN: cp %t.c %t.again.c && %pycapi_migrate --checks=-*,pycapi-removed-private-api --fix %t.again.c -- %py311 && diff %t.c %t.again.c
// RUN: cp %t.c %t.again313.c && %pycapi_migrate --checks=-*,pycapi-removed-private-api --fix %t.again313.c -- %py313 && diff %t.c %t.again313.c
// RUN: %check_pycapi -fix-errors %s pycapi-removed-private-api %t313 -- -- %py313 -Wno-implicit-function-declaration -Wno-int-conversion
// RUN: diff --strip-trailing-cr %t.c %t313.c

// Replacements newer than MinimumPythonVersion (3.8) that
// pythoncapi_compat.h does not provide. PyErr_FormatUnraisable came with the
// removal (3.13): the statement goes under a version guard. The replacement of
// _PyImport_GetModuleAttrString came a release after the removal (3.14): a
// shim, written once per file, above the first function that uses it.

#include <Python.h>

// cffi's form: the message, no object.
void report(PyObject *s) {
  if (s != NULL) {
    _PyErr_WriteUnraisableMsg(PyUnicode_AsUTF8(s), NULL);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: '_PyErr_WriteUnraisableMsg' was removed in Python 3.13; use PyErr_FormatUnraisable [pycapi-removed-private-api]
    Py_DECREF(s);
  }
}
// CHECK-FIXES:  if (s != NULL) {
// CHECK-FIXES-NEXT:#if PY_VERSION_HEX >= 0x030D0000
// CHECK-FIXES-NEXT:    PyErr_FormatUnraisable("Exception ignored %s", PyUnicode_AsUTF8(s));
// CHECK-FIXES-NEXT:#else
// CHECK-FIXES-NEXT:    _PyErr_WriteUnraisableMsg(PyUnicode_AsUTF8(s), NULL);
// CHECK-FIXES-NEXT:#endif
// CHECK-FIXES-NEXT:    Py_DECREF(s);

// A body of an if without braces, spread over two lines.
void report_if(int failed, const char *where) {
  if (failed)
    _PyErr_WriteUnraisableMsg(where,
                              NULL);
  // CHECK-NOTES: :[[@LINE-2]]:5: warning: '_PyErr_WriteUnraisableMsg' was removed in Python 3.13; use PyErr_FormatUnraisable [pycapi-removed-private-api]
}
// CHECK-FIXES:  if (failed)
// CHECK-FIXES-NEXT:#if PY_VERSION_HEX >= 0x030D0000
// CHECK-FIXES-NEXT:    PyErr_FormatUnraisable("Exception ignored %s", where);
// CHECK-FIXES-NEXT:#else
// CHECK-FIXES-NEXT:    _PyErr_WriteUnraisableMsg(where,
// CHECK-FIXES-NEXT:                              NULL);
// CHECK-FIXES-NEXT:#endif

// Two uses of the string form in a file, one of the object form: each
// shim is written once, above the function of its first use.
// CHECK-FIXES:#if PY_VERSION_HEX < 0x030E0000
// CHECK-FIXES-NEXT:/* PyImport_ImportModuleAttrString() is new in Python 3.14. */
// CHECK-FIXES-NEXT:static inline PyObject *
// CHECK-FIXES-NEXT:PyImport_ImportModuleAttrString(const char *mod_name, const char *attr_name)
// CHECK-FIXES-NEXT:{
// CHECK-FIXES-NEXT:    PyObject *module = PyImport_ImportModule(mod_name);
// CHECK-FIXES-NEXT:    if (module == NULL) {
// CHECK-FIXES-NEXT:        return NULL;
// CHECK-FIXES-NEXT:    }
// CHECK-FIXES-NEXT:    PyObject *attr = PyObject_GetAttrString(module, attr_name);
// CHECK-FIXES-NEXT:    Py_DECREF(module);
// CHECK-FIXES-NEXT:    return attr;
// CHECK-FIXES-NEXT:}
// CHECK-FIXES-NEXT:#endif
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT:/* The dumps function of the json module,
// CHECK-FIXES-NEXT:   imported on each call. */
// CHECK-FIXES-NEXT:PyObject *json_dumps(void) {
// CHECK-FIXES-NEXT:  return PyImport_ImportModuleAttrString("json", "dumps");
// The shim goes above the comment of the function.

/* The dumps function of the json module,
   imported on each call. */
PyObject *json_dumps(void) {
  return _PyImport_GetModuleAttrString("json", "dumps");
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyImport_GetModuleAttrString' was removed in Python 3.13; use PyImport_ImportModuleAttrString [pycapi-removed-private-api]
}

PyObject *json_loads(void) {
  return _PyImport_GetModuleAttrString("json", "loads");
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyImport_GetModuleAttrString' was removed in Python 3.13; use PyImport_ImportModuleAttrString [pycapi-removed-private-api]
}
// CHECK-FIXES:PyObject *json_loads(void) {
// CHECK-FIXES-NEXT:  return PyImport_ImportModuleAttrString("json", "loads");

// CHECK-FIXES:#if PY_VERSION_HEX < 0x030E0000
// CHECK-FIXES-NEXT:/* PyImport_ImportModuleAttr() is new in Python 3.14. */
// CHECK-FIXES-NEXT:static inline PyObject *
// CHECK-FIXES-NEXT:PyImport_ImportModuleAttr(PyObject *mod_name, PyObject *attr_name)
// CHECK-FIXES:#endif
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT:// Any attribute of any module.
// CHECK-FIXES-NEXT:PyObject *module_attr(PyObject *module, PyObject *name) {
// CHECK-FIXES-NEXT:  return PyImport_ImportModuleAttr(module, name);

// Any attribute of any module.
PyObject *module_attr(PyObject *module, PyObject *name) {
  return _PyImport_GetModuleAttr(module, name);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyImport_GetModuleAttr' was removed in Python 3.13; use PyImport_ImportModuleAttr [pycapi-removed-private-api]
}
