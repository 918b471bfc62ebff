// A guard that refuses Py_LIMITED_API with Py_TRACE_REFS before Python.h:
// PY_VERSION_HEX is not defined there (it reads 0), so the advice is to
// include patchlevel.h before it. That advice works: the RUN lines at the
// end compile the guard as the check found it and as the advice makes it.
// RUN: %check_pycapi -check-suffix=PLAIN %s pycapi-limited-api %t -- -- %py313 -DPLAIN_GUARD
// RUN: %check_pycapi -check-suffix=PLAIN %s pycapi-limited-api %t -- -- %py311 -DPLAIN_GUARD
// The guard limited to older versions, but without patchlevel.h: it still
// refuses on every version.
// RUN: %check_pycapi -check-suffix=VERSION %s pycapi-limited-api %t -- -- %py313
// RUN: %check_pycapi -check-suffix=VERSION %s pycapi-limited-api %t -- -- %py311
// With patchlevel.h first, as advised: nothing to report.
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313 -DFOLLOW_ADVICE
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py311 -DFOLLOW_ADVICE
//
// A trace-refs build of 3.13: the guard without patchlevel.h refuses, the
// advised one builds; 3.11 refuses either way (its headers do too).
// RUN: not %clang -fsyntax-only -DPy_TRACE_REFS %py313 %s
// RUN: %clang -fsyntax-only -DPy_TRACE_REFS -DFOLLOW_ADVICE %py313 %s
// RUN: not %clang -fsyntax-only -DPy_TRACE_REFS -DFOLLOW_ADVICE %py311 %s

#ifdef FOLLOW_ADVICE
#include "patchlevel.h"
#endif

#ifdef PLAIN_GUARD
#  if defined(Py_TRACE_REFS)
#    error "Py_LIMITED_API is incompatible with Py_TRACE_REFS"
// CHECK-NOTES-PLAIN: :[[@LINE-1]]:6: warning: this guard refuses Py_LIMITED_API with Py_TRACE_REFS, which the Limited API supports since Python 3.13; remove it, or #include "patchlevel.h" before it and limit it to older versions (PY_VERSION_HEX < 0x030D0000) [pycapi-limited-api]
#  endif
#else
#  if defined(Py_TRACE_REFS) && PY_VERSION_HEX < 0x030D0000
#    error "Py_LIMITED_API is incompatible with Py_TRACE_REFS"
// CHECK-NOTES-VERSION: :[[@LINE-1]]:6: warning: this guard refuses Py_LIMITED_API with Py_TRACE_REFS on every Python version, as PY_VERSION_HEX is not defined yet where it is tested; #include "patchlevel.h" before the test [pycapi-limited-api]
#  endif
#endif

#define Py_LIMITED_API 0x030B0000
#include <Python.h>

PyObject *none(void) { Py_RETURN_NONE; }
