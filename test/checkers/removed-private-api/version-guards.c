// RUN: %check_pycapi -check-suffixes=,311 %s pycapi-removed-private-api %t -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py311 -I%inputs/compat
// RUN: %check_pycapi -check-suffixes=,313 %s pycapi-removed-private-api %t-313 -- --config="{CheckOptions: [{key: CompatHeader, value: pythoncapi_compat.h}]}" -- %py313 -I%inputs/compat -Wno-implicit-function-declaration

// One rule, against the real headers: a use is reported (and fixed) exactly
// when the target release (3.13) compiles its line. Every #if chain is
// evaluated as a whole with the target's PY_VERSION_HEX, PY_MINOR_VERSION,
// and the project's macros defined from them.

#include <Python.h>
// CHECK-FIXES:#include <Python.h>
// CHECK-FIXES-NEXT:#include "pythoncapi_compat.h"

#define MYPROJ_PY313 (PY_VERSION_HEX >= 0x030D0000)
#define MYPROJ_AT_LEAST(major, minor) \
  (PY_VERSION_HEX >= (((major) << 24) | ((minor) << 16)))

// Wrapping guards that 3.13 also takes hide nothing.
int wrapping_guard(PyObject *o) {
#if PY_VERSION_HEX >= 0x03080000
  return _PyLong_AsInt(o);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
  // CHECK-FIXES:  return PyLong_AsInt(o);
#else
  return 0;
#endif
}

int else_of_old_guard(PyObject *o) {
#if PY_VERSION_HEX < 0x03090000
  return 0;
#else
  return _PyLong_AsInt(o);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
  // CHECK-FIXES:  return PyLong_AsInt(o);
#endif
}

// Already ported: the old call is only for Pythons before 3.13.
int minor_version_guard(void) {
#if PY_MINOR_VERSION >= 13
  return Py_IsFinalizing();
#else
  return _Py_IsFinalizing();
#endif
}

int project_macro_guard(void) {
#if !MYPROJ_PY313
  return _Py_IsFinalizing();
#else
  return Py_IsFinalizing();
#endif
}

int function_like_project_macro(void) {
#if MYPROJ_AT_LEAST(3, 13)
  return Py_IsFinalizing();
#else
  return _Py_IsFinalizing();
#endif
}

// The later branches of a chain whose first branch handles 3.13.
int chain(PyObject *o) {
#if PY_VERSION_HEX >= 0x030D0000
  return PyLong_AsInt(o);
#elif PY_VERSION_HEX >= 0x03090000
  return _PyLong_AsInt(o);
#else
  return (int)PyLong_AsLong(o);
#endif
}

// Nested chains.
int nested(PyObject *o) {
#if PY_MAJOR_VERSION >= 3
#  if PY_VERSION_HEX < 0x030D0000
  return _PyLong_AsInt(o);
#  else
  return PyLong_AsInt(o);
#  endif
#else
  return (int)PyInt_AsLong(o);
#endif
}

// Only the target compiles this line; against 3.11 it is read from the
// text and reported without a fix. Against 3.13 it is fixed.
int target_only(PyObject *o) {
#if PY_VERSION_HEX >= 0x030D0000
  return _PyLong_AsInt(o);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
  // CHECK-NOTES-311: :[[@LINE-2]]:10: note: no automatic fix: the headers being parsed (Python 3.11) skip this line, which Python 3.13 compiles ('#if PY_VERSION_HEX >= 0x030D0000'); run the tool against Python 3.13's headers to fix it
  // CHECK-FIXES-313:  return PyLong_AsInt(o);
#else
  return 0;
#endif
}

// The preprocessor does not report an #else that follows a skipped #elif;
// it is a branch of its own all the same, and the target compiles it.
int else_after_skipped_elif(PyObject *o) {
#if PY_VERSION_HEX < 0x030D0000
  return 0;
#elif defined(PYPY_VERSION)
  return 1;
#else
  return _PyLong_AsInt(o);
  // CHECK-NOTES-311: :[[@LINE-1]]:10: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
  // CHECK-NOTES-311: :[[@LINE-2]]:10: note: no automatic fix: the headers being parsed (Python 3.11) skip this line, which Python 3.13 compiles ('#else (#if PY_VERSION_HEX < 0x030D0000)'); run the tool against Python 3.13's headers to fix it
  // CHECK-NOTES-313: :[[@LINE-3]]:10: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
  // CHECK-FIXES-313:  return PyLong_AsInt(o);
#endif
}

// The project's macros as the target defines them: a definition only the
// target compiles counts, one only older Pythons compile does not.
#if PY_VERSION_HEX >= 0x030D0000
#  define MYPROJ_HAS_313 1
#else
#  define MYPROJ_HAS_313 0
#endif
#if PY_VERSION_HEX < 0x030D0000
#  define MYPROJ_OLD_FINALIZING 1
#endif

int flag_defined_by_branch(void) {
#if MYPROJ_HAS_313
  return Py_IsFinalizing();
#else
  return _Py_IsFinalizing();
#endif
}

int flag_only_old_pythons_define(void) {
#ifdef MYPROJ_OLD_FINALIZING
  return _Py_IsFinalizing();
#else
  return Py_IsFinalizing();
#endif
}

// A feature test of a removed macro: the target takes the fallback, which
// uses another removed name.
#ifndef _PyArg_UnpackKeywords
#  define MYPROJ_FASTCALL_OLD
#endif
int fastcall_fallback(PyObject *o) {
#ifdef MYPROJ_FASTCALL_OLD
  return _PyLong_AsInt(o);
  // CHECK-NOTES-311: :[[@LINE-1]]:10: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
  // CHECK-NOTES-311: :[[@LINE-2]]:10: note: no automatic fix: the headers being parsed (Python 3.11) skip this line, which Python 3.13 compiles ('#ifdef MYPROJ_FASTCALL_OLD'); run the tool against Python 3.13's headers to fix it
  // CHECK-NOTES-313: :[[@LINE-3]]:10: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
  // CHECK-FIXES-313:  return PyLong_AsInt(o);
#else
  return 0;
#endif
}

// A name in a macro's body counts where the macro is used: used only by
// code for older Pythons, it is not reported.
#define MYPROJ_AS_INT_OLD _PyLong_AsInt
int macro_used_by_old_code(PyObject *o) {
#if PY_VERSION_HEX < 0x030D0000
  return MYPROJ_AS_INT_OLD(o);
#else
  return PyLong_AsInt(o);
#endif
}

// The project's macro is 1 for the target although the parse says 0: the
// branch it guards is compiled by the target, and read from the text.
#if PY_VERSION_HEX >= 0x030C0000
#  define MYPROJ_PY312 1
#else
#  define MYPROJ_PY312 0
#endif
int flag_for_the_target(PyObject *o) {
#if MYPROJ_PY312
  return _PyLong_AsInt(o);
  // CHECK-NOTES-311: :[[@LINE-1]]:10: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
  // CHECK-NOTES-311: :[[@LINE-2]]:10: note: no automatic fix: the headers being parsed (Python 3.11) skip this line, which Python 3.13 compiles ('#if MYPROJ_PY312'); run the tool against Python 3.13's headers to fix it
  // CHECK-NOTES-313: :[[@LINE-3]]:10: warning: '_PyLong_AsInt' was removed in Python 3.13; use PyLong_AsInt [pycapi-removed-private-api]
  // CHECK-FIXES-313:  return PyLong_AsInt(o);
#else
  return 0;
#endif
}
