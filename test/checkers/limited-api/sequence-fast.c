// PySequence_Fast_GET_SIZE and PySequence_Fast_GET_ITEM are defined at every
// target, but expand to PyList_GET_SIZE, PyTuple_GET_ITEM ..., which the
// limited headers hide: without -Werror the file builds, and the extension
// fails at import with an undefined symbol. The check reports the macros the
// user wrote, against the real 3.13 and 3.11 headers. (PySequence_Fast_ITEMS,
// which the compiler rejects, is in generated-macros.test.)
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=0x030B0000 -Wno-implicit-function-declaration
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py311 -DPy_LIMITED_API=0x030B0000 -Wno-implicit-function-declaration
// RUN: %check_pycapi -check-suffix=32 %s pycapi-limited-api %t -- -- %py313 -DPy_LIMITED_API=3 -Wno-implicit-function-declaration
#include <Python.h>

// The hidden names they expand to are implicitly declared functions returning
// int: the results are not used, so that the file builds as it would without
// -Werror.
void size_and_first(PyObject *fast) {
  (void)PySequence_Fast_GET_SIZE(fast);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PySequence_Fast_GET_SIZE' is not part of the Limited API [pycapi-limited-api]
  // CHECK-NOTES-32: :[[@LINE-2]]:9: warning: 'PySequence_Fast_GET_SIZE' is not part of the Limited API [pycapi-limited-api]
  (void)PySequence_Fast_GET_ITEM(fast, 0);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PySequence_Fast_GET_ITEM' is not part of the Limited API [pycapi-limited-api]
  // CHECK-NOTES-32: :[[@LINE-2]]:9: warning: 'PySequence_Fast_GET_ITEM' is not part of the Limited API [pycapi-limited-api]
}

// The checked functions they stand for are in the Limited API.
PyObject *first_checked(PyObject *seq) {
  PyObject *fast = PySequence_Fast(seq, "a sequence");
  PyObject *item = fast && PySequence_Size(fast) > 0 ? PySequence_GetItem(fast, 0) : NULL;
  Py_XDECREF(fast);
  return item;
}
