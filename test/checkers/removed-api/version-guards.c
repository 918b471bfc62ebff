// RUN: %check_pycapi %s pycapi-removed-api %t -- -- %py311 -DC_RECURSION_LIMIT=200

// A project that already handles 3.13: `defined(X)` of a name the target
// removed is false for the target, so the branch that uses it is the
// project's support of older Pythons, whatever the parsed headers say (here
// a C_RECURSION_LIMIT that 3.12's headers defined, given on the command
// line, since Debian's 3.11 has none).

#include <Python.h>

#if !defined(Py_C_RECURSION_LIMIT) && defined(C_RECURSION_LIMIT)
#  define MYPROJ_RECURSION_LIMIT C_RECURSION_LIMIT
#elif defined(Py_C_RECURSION_LIMIT)
#  define MYPROJ_RECURSION_LIMIT Py_C_RECURSION_LIMIT
#else
#  define MYPROJ_RECURSION_LIMIT 1000
#endif

int limit(void) { return MYPROJ_RECURSION_LIMIT; }

// The target compiles this, so it is reported.
int unguarded(void) { return C_RECURSION_LIMIT; }
// CHECK-NOTES: :[[@LINE-1]]:30: warning: 'C_RECURSION_LIMIT' was removed in Python 3.13; use Py_C_RECURSION_LIMIT (3.13 only) [pycapi-removed-api]
// CHECK-NOTES: :[[@LINE-2]]:30: note: Py_C_RECURSION_LIMIT exists only in Python 3.13 (3.14 removed it as well); to guard against deep recursion, wrap the recursive call in Py_EnterRecursiveCall() and Py_LeaveRecursiveCall() instead of comparing with a limit

// A macro that 3.13 added is defined for the target, although Debian's 3.11
// does not define it: the #else is the support of older Pythons.
int added_macro(void) {
#ifdef Py_C_RECURSION_LIMIT
  return Py_C_RECURSION_LIMIT;
#else
  return C_RECURSION_LIMIT;
#endif
}
