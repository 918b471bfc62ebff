// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,LIFE,C-LIFE %s pycapi-removed-buffer-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,LIFE,CXX-LIFE %s pycapi-removed-buffer-api %t -- -- %py311
// RUN: %check_pycapi -check-suffixes=,C,IMM,C-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311
// RUN: %check_pycapi -lang=c++ -check-suffixes=,CXX,IMM,CXX-IMM %s pycapi-removed-buffer-api %t -- --config="{CheckOptions: [{key: pycapi-removed-buffer-api.ReleaseStrategy, value: Immediate}]}" -- %py311

// Calls in a preprocessor branch this build skips are reported (with a note
// that says why the branch is skipped) and never changed; comments and
// strings in skipped branches are not calls. skipped-branch-reasons.c has
// every reason.

#include <Python.h>

int versioned(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
#if PY_MAJOR_VERSION < 3
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: no Python 3 compiles this code ('#if PY_MAJOR_VERSION < 3'); delete it rather than migrate it
    return -1;
#else
  if (PyLong_AsLong(obj) < 0)
    return -1;
  data = "x";
  len = 1;
#endif
  return len ? data[0] : 0;
}
// A call in a branch this build skips is never changed.
// CHECK-FIXES:int versioned(PyObject *obj) {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:#if PY_MAJOR_VERSION < 3
// CHECK-FIXES-NEXT:  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:#else
// CHECK-FIXES-NEXT:  if (PyLong_AsLong(obj) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = "x";
// CHECK-FIXES-NEXT:  len = 1;
// CHECK-FIXES-NEXT:#endif
// CHECK-FIXES-NEXT:  return len ? data[0] : 0;
// CHECK-FIXES-NEXT:}

#if 0
/* PyObject_AsWriteBuffer in a comment is not reported */
static const char *s = "PyObject_AsReadBuffer";
int old(PyObject *o) { return PyObject_CheckReadBuffer(o); }
// CHECK-NOTES: :[[@LINE-1]]:31: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:31: note: no Python 3 compiles this code ('#if 0'); delete it rather than migrate it
#endif

#ifdef NEVER_DEFINED
#define OLD_READ PyObject_AsReadBuffer
// CHECK-NOTES: :[[@LINE-1]]:18: warning: 'PyObject_AsReadBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:18: note: this build skips this code ('#ifdef NEVER_DEFINED'); migrate the call in the configuration that compiles it (run the tool again with -DNEVER_DEFINED)
#elif defined(ALSO_NEVER_DEFINED)
#define OLD_WRITE PyObject_AsWriteBuffer
// CHECK-NOTES: :[[@LINE-1]]:19: warning: 'PyObject_AsWriteBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
// CHECK-NOTES: :[[@LINE-2]]:19: note: this build skips this code ('#elif defined(ALSO_NEVER_DEFINED)'); migrate the call in the configuration that compiles it (run the tool again with -DALSO_NEVER_DEFINED)
#else
#define NEW_API 1
#endif
