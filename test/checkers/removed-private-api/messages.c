// What the user reads comes from the data's replacement and advice columns,
// never from its notes; a planned removal names the release that removes it.
// RUN: %check_pycapi %s pycapi-removed-private-api %t -- -- %py311
// No headers of 3.20 exist to compile the fixed file against (PyBytes_Join
// is 3.14's), so the 3.20 run checks the text only.
// RUN: %check_pycapi -compile=none -check-suffix=320 %s pycapi-removed-private-api %t-320 -- --config="{CheckOptions: [{key: pycapi-removed-private-api.TargetPythonVersion, value: '3.20'}, {key: pycapi-removed-private-api.MinimumPythonVersion, value: '3.14'}]}" -- %py311
#include <Python.h>

int walk(PyObject *set, Py_ssize_t *pos, PyObject **key, Py_hash_t *hash) {
  return _PySet_NextEntry(set, pos, key, hash);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PySet_NextEntry' was removed in Python 3.13 and has no drop-in replacement; see the note for what to write instead [pycapi-removed-private-api]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: no public function walks a set's entries in place: iterate with PyObject_GetIter() and PyIter_Next(), which return new references you must release, and call PyObject_Hash() on a key if you need its hash
  // CHECK-NOTES-320: :[[@LINE-3]]:10: warning: '_PySet_NextEntry' was removed in Python 3.13 and has no drop-in replacement; see the note for what to write instead [pycapi-removed-private-api]
  // CHECK-NOTES-320: :[[@LINE-4]]:10: note: no public function walks a set's entries in place: iterate with PyObject_GetIter() and PyIter_Next(), which return new references you must release, and call PyObject_Hash() on a key if you need its hash
}

int sign(PyObject *o) { return _PyLong_Sign(o); }
// _PyLong_Sign is in 3.13 and planned for removal in 3.18: nothing at the default target.
// CHECK-NOTES-320: :[[@LINE-2]]:32: warning: '_PyLong_Sign' is deprecated and will be removed in Python 3.18; use PyLong_GetSign [pycapi-removed-private-api]
// CHECK-NOTES-320: :[[@LINE-3]]:32: note: call PyLong_GetSign(obj, &sign) instead: it stores -1, 0 or +1 in sign and returns 0, or returns -1 with TypeError when obj is not an int

PyObject *join(PyObject *sep, PyObject *x) { return _PyBytes_Join(sep, x); }
// CHECK-NOTES-320: :[[@LINE-1]]:53: warning: '_PyBytes_Join' is deprecated and will be removed in Python 3.18; use PyBytes_Join [pycapi-removed-private-api]
// CHECK-FIXES-320:PyObject *join(PyObject *sep, PyObject *x) { return PyBytes_Join(sep, x); }

int equal(PyObject *a, PyObject *b) { return _PyUnicode_EQ(a, b); }
// CHECK-NOTES-320: :[[@LINE-1]]:46: warning: '_PyUnicode_EQ' was removed in Python 3.13; use PyUnicode_Equal [pycapi-removed-private-api]
// CHECK-NOTES-320: :[[@LINE-2]]:46: note: PyUnicode_Equal() returns -1 with TypeError when an argument is not a str, where the old function assumed both were: a result tested only for truth now counts that error as equal, so compare the result with 1 or make sure both are str
// CHECK-NOTES: :[[@LINE-3]]:46: warning: '_PyUnicode_EQ' was removed in Python 3.13; use PyUnicode_Equal [pycapi-removed-private-api]
// CHECK-NOTES: :[[@LINE-4]]:46: note: no automatic fix: 'PyUnicode_Equal' is new in Python 3.14 and MinimumPythonVersion is 3.8; set CompatHeader (for example to pythoncapi_compat.h) or raise MinimumPythonVersion
// CHECK-NOTES: :[[@LINE-5]]:46: note: PyUnicode_Equal() returns -1 with TypeError when an argument is not a str, where the old function assumed both were: a result tested only for truth now counts that error as equal, so compare the result with 1 or make sure both are str
// CHECK-FIXES-320:int equal(PyObject *a, PyObject *b) { return PyUnicode_Equal(a, b); }

int cased(void) { return _PyUnicode_IsCased('a'); }
// CHECK-NOTES: :[[@LINE-1]]:26: warning: '_PyUnicode_IsCased' was removed in Python 3.13 and has no public replacement; remove the use or reimplement it in the extension [pycapi-removed-private-api]
// CHECK-NOTES-320: :[[@LINE-2]]:26: warning: '_PyUnicode_IsCased' was removed in Python 3.13 and has no public replacement; remove the use or reimplement it in the extension [pycapi-removed-private-api]
