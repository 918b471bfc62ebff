// The target is read where Python.h is included, as the headers read it,
// whatever Python header comes first: CPython's own limited modules
// (Modules/xxlimited.c) include pyconfig.h to learn whether the build is
// free-threaded before they define Py_LIMITED_API. That define is not after
// Python.h, and the uses it rules out are reported.
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313 -Wno-implicit-function-declaration
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py311 -Wno-implicit-function-declaration
// A configuration header of the user's own that does the same.
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313 -Wno-implicit-function-declaration -DVIA_USER_HEADER -I%S/Inputs
// The compiler rejects the use, in both layouts:
// RUN: not %clang -fsyntax-only -Werror=implicit-function-declaration %py313 %s
// RUN: not %clang -fsyntax-only -Werror=implicit-function-declaration %py311 %s
// RUN: not %clang -fsyntax-only -Werror=implicit-function-declaration %py313 -DVIA_USER_HEADER -I%S/Inputs %s
#ifdef VIA_USER_HEADER
#include "limited_config.h"
#else
#include "pyconfig.h"

#if !defined(Py_GIL_DISABLED) && !defined(Py_LIMITED_API)
#  define Py_LIMITED_API 0x030A0000
#endif
#endif

#include "Python.h"

void touch_first(PyObject *t) { (void)PyTuple_GET_ITEM(t, 0); }
// CHECK-NOTES: :[[@LINE-1]]:39: warning: 'PyTuple_GET_ITEM' is not part of the Limited API; use PyTuple_GetItem [pycapi-limited-api]
PyObject *second(PyObject *t) { return PyTuple_GetItem(t, 1); }
