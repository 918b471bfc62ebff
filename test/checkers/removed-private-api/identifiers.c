// RUN: %check_pycapi %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat
// RUN: gcc -fsyntax-only -Wall -Werror %py311 -I%inputs/compat %t.c

// The _Py_IDENTIFIER family: a call that passes `&PyId_x` (or the variable
// of a _Py_static_string) becomes the public function that takes the string
// itself. A declaration goes when a fix rewrites its last use in the file,
// and stays while any use remains: one without a fix, one under a version
// guard, one in a macro. Each fixed file compiles with -Wall -Werror (an
// unused static identifier would not), with clang and with gcc.

#define PY_SSIZE_T_CLEAN
#include <Python.h>

_Py_IDENTIFIER(write);
_Py_IDENTIFIER(name);
_Py_IDENTIFIER(flush);
_Py_static_string(PyId_key, "the key");
_Py_IDENTIFIER(kept_by_guard);
_Py_IDENTIFIER(kept_by_macro);
   _Py_IDENTIFIER(shared_line); static int after_it = 1;

int attributes(PyObject *o, PyObject *value) {
  PyObject *found;
  int rc = _PyObject_LookupAttrId(o, &PyId_name, &found);
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: '_PyObject_LookupAttrId' was removed in Python 3.13; use PyObject_GetOptionalAttrString [pycapi-removed-private-api]
  Py_XDECREF(found);
  if (rc < 0)
    return -1;
  return _PyObject_SetAttrId(o, &PyId_name, value) + after_it;
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyObject_SetAttrId' was removed in Python 3.13; use PyObject_SetAttrString [pycapi-removed-private-api]
}

int dictionaries(PyObject *d, PyObject *value) {
  if (_PyDict_SetItemId(d, &PyId_key, value) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: '_PyDict_SetItemId' was removed in Python 3.13; use PyDict_SetItemString [pycapi-removed-private-api]
    return -1;
  if (_PyDict_ContainsId(d, &PyId_key) != 1)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: '_PyDict_ContainsId' was removed in Python 3.13; use PyDict_ContainsString [pycapi-removed-private-api]
    return -1;
  return _PyDict_DelItemId(d, &PyId_key);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyDict_DelItemId' was removed in Python 3.13; use PyDict_DelItemString [pycapi-removed-private-api]
}

int equal(PyObject *s) {
  return _PyUnicode_EqualToASCIIId(s, &PyId_flush);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyUnicode_EqualToASCIIId' was removed in Python 3.13; use PyUnicode_EqualToUTF8 [pycapi-removed-private-api]
}

// A single argument is passed as "(O)": "O" would spread a tuple.
PyObject *calls(PyObject *o, PyObject *a, PyObject *b) {
  PyObject *r = _PyObject_CallMethodIdNoArgs(o, &PyId_flush);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: '_PyObject_CallMethodIdNoArgs' was removed in Python 3.13; use PyObject_CallMethod [pycapi-removed-private-api]
  Py_XDECREF(r);
  r = _PyObject_CallMethodIdOneArg(o, &PyId_write, a);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: '_PyObject_CallMethodIdOneArg' was removed in Python 3.13; use PyObject_CallMethod [pycapi-removed-private-api]
  Py_XDECREF(r);
  r = _PyObject_CallMethodIdObjArgs(o, &PyId_flush, NULL);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: '_PyObject_CallMethodIdObjArgs' was removed in Python 3.13; use PyObject_CallMethod [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the arguments now go through a format ("(OO)" for two): an argument that is NULL at run time no longer ends the list early but makes the call fail (with the pending exception, or SystemError)
  Py_XDECREF(r);
  r = _PyObject_CallMethodIdObjArgs(o, &PyId_write,
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: '_PyObject_CallMethodIdObjArgs' was removed in Python 3.13; use PyObject_CallMethod [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: the arguments now go through a format ("(OO)" for two): an argument that is NULL at run time no longer ends the list early but makes the call fail (with the pending exception, or SystemError)
                                    a, b, NULL);
  return r;
}

// No fix: an argument that is not `&` of an identifier declared here, an
// object list whose end is not written NULL. PyId_write stays declared.
PyObject *unfixed(PyObject *o, _Py_Identifier *id, PyObject *a) {
  PyObject *r = _PyObject_CallMethodIdNoArgs(o, id);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: '_PyObject_CallMethodIdNoArgs' was removed in Python 3.13; use PyObject_CallMethod [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:17: note: no automatic fix: 'id' is not the address of a _Py_IDENTIFIER or _Py_static_string declared in this file
  // CHECK-NOTES: :[[@LINE-3]]:17: note: pass the method name as a C string: PyObject_CallMethod(obj, "name", NULL). Where only a _Py_Identifier pointer is at hand (a parameter), call PyObject_CallMethodNoArgs(obj, name) with _PyUnicode_FromId(id), a borrowed str (deprecated; its removal is planned for Python 3.20), or with an interned str kept in the module state
  Py_XDECREF(r);
  r = _PyObject_CallMethodIdObjArgs(o, &PyId_write, a, (PyObject *)0);
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: '_PyObject_CallMethodIdObjArgs' was removed in Python 3.13; use PyObject_CallMethod [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: no automatic fix: the last argument ('(PyObject *)0') is not NULL, which ends the list of objects
  // CHECK-NOTES: :[[@LINE-3]]:7: note: pass the method name as a C string: PyObject_CallMethod(obj, "name", "(OO)", a, b), one O per object. Where only a _Py_Identifier pointer is at hand (a parameter), call PyObject_CallMethodObjArgs(obj, name, a, b, NULL) with _PyUnicode_FromId(id), a borrowed str (deprecated; its removal is planned for Python 3.20), or with an interned str kept in the module state
  // CHECK-NOTES: :[[@LINE-4]]:7: note: the arguments now go through a format ("(OO)" for two): an argument that is NULL at run time no longer ends the list early but makes the call fail (with the pending exception, or SystemError)
  Py_XDECREF(r);
  // A borrowed reference: no public function returns one; the advice says
  // what to write.
  return _PyDict_GetItemIdWithError(a, &PyId_write);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyDict_GetItemIdWithError' was removed in Python 3.13; use PyDict_GetItemStringRef [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: call PyDict_GetItemStringRef(dict, "name", &value) instead (Python 3.13, or pythoncapi_compat.h): it returns 1 and a new reference in value, 0 when the key is missing, -1 with an exception; release value with Py_DECREF, since the removed function returned a borrowed reference
}

// Uses no fix rewrites keep their declarations: code for Pythons older than
// the target (3.13), a macro's body.
#if PY_VERSION_HEX < 0x030C0000
static int old(PyObject *o, PyObject **r) { return _PyObject_LookupAttrId(o, &PyId_kept_by_guard, r); }
#endif
#define GET(o) PyObject_GetAttr(o, _PyUnicode_FromId(&PyId_kept_by_macro))
int guarded(PyObject *o) {
  PyObject *r = GET(o);
  Py_XDECREF(r);
#if PY_VERSION_HEX < 0x030C0000
  if (old(o, &r) < 0)
    return -1;
  Py_XDECREF(r);
#endif
  return _PyObject_SetAttrId(o, &PyId_kept_by_guard, Py_None) +
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyObject_SetAttrId' was removed in Python 3.13; use PyObject_SetAttrString [pycapi-removed-private-api]
         _PyObject_SetAttrId(o, &PyId_kept_by_macro, Py_None) +
         // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyObject_SetAttrId' was removed in Python 3.13; use PyObject_SetAttrString [pycapi-removed-private-api]
         _PyObject_SetAttrId(o, &PyId_shared_line, Py_None);
         // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyObject_SetAttrId' was removed in Python 3.13; use PyObject_SetAttrString [pycapi-removed-private-api]
}

// CHECK-FIXES:#include <Python.h>
// CHECK-FIXES-NEXT:#include "pythoncapi_compat.h"
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT:_Py_IDENTIFIER(write);
// CHECK-FIXES-NEXT:_Py_IDENTIFIER(kept_by_guard);
// CHECK-FIXES-NEXT:_Py_IDENTIFIER(kept_by_macro);
// CHECK-FIXES-NEXT:   static int after_it = 1;
// CHECK-FIXES-EMPTY:
// CHECK-FIXES:  int rc = PyObject_GetOptionalAttrString(o, "name", &found);
// CHECK-FIXES:  return PyObject_SetAttrString(o, "name", value) + after_it;
// CHECK-FIXES:  if (PyDict_SetItemString(d, "the key", value) < 0)
// CHECK-FIXES:  if (PyDict_ContainsString(d, "the key") != 1)
// CHECK-FIXES:  return PyDict_DelItemString(d, "the key");
// CHECK-FIXES:  return PyUnicode_EqualToUTF8(s, "flush");
// CHECK-FIXES:  PyObject *r = PyObject_CallMethod(o, "flush", NULL);
// CHECK-FIXES:  r = PyObject_CallMethod(o, "write", "(O)", a);
// CHECK-FIXES:  r = PyObject_CallMethod(o, "flush", NULL);
// CHECK-FIXES:  r = PyObject_CallMethod(o, "write", "(OO)", a, b);
// CHECK-FIXES:  PyObject *r = _PyObject_CallMethodIdNoArgs(o, id);
// CHECK-FIXES:  r = _PyObject_CallMethodIdObjArgs(o, &PyId_write, a, (PyObject *)0);
// CHECK-FIXES:  return _PyDict_GetItemIdWithError(a, &PyId_write);
// CHECK-FIXES:static int old(PyObject *o, PyObject **r) { return _PyObject_LookupAttrId(o, &PyId_kept_by_guard, r); }
// CHECK-FIXES:  return PyObject_SetAttrString(o, "kept_by_guard", Py_None) +
// CHECK-FIXES:         PyObject_SetAttrString(o, "kept_by_macro", Py_None) +
// CHECK-FIXES:         PyObject_SetAttrString(o, "shared_line", Py_None);
