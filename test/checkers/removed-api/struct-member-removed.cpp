// RUN: %check_pycapi -compile=none -fix-errors %s pycapi-removed-api %t -- --config="{CheckOptions: [{key: pycapi-removed-api.TargetPythonVersion, value: '3.14'}]}" -- -I%inputs/python314 -fno-spell-checking

// C++ against headers whose structs no longer have the members: the access
// is a compiler error, and the check names the removed member and its
// replacement. The project's own struct is not reported (its member exists).

#include <Python.h>

unsigned long long tag(PyDictObject *d) { return d->ma_version_tag; }
// CHECK-NOTES-DAG: :[[@LINE-1]]:53: warning: 'PyDictObject.ma_version_tag' was removed in Python 3.14; use PyDict_AddWatcher / PyDict_Watch (dict watchers) [pycapi-removed-api]
// CHECK-NOTES-DAG: :[[@LINE-2]]:53: note: no automatic fix: the replacement is an API, not a member; rewrite the code that uses the member
// CHECK-NOTES-DAG: :[[@LINE-3]]:53: error: no member named 'ma_version_tag' in 'PyDictObject' [clang-diagnostic-error]

int depth(PyThreadState &t) { return t.c_recursion_remaining; }
// CHECK-NOTES-DAG: :[[@LINE-1]]:40: warning: 'PyThreadState.c_recursion_remaining' was removed in Python 3.14; use Py_EnterRecursiveCall / Py_LeaveRecursiveCall [pycapi-removed-api]
// CHECK-NOTES-DAG: :[[@LINE-2]]:40: note: wrap the recursive call in Py_EnterRecursiveCall() and Py_LeaveRecursiveCall() instead of reading the thread state's counter
// CHECK-NOTES-DAG: :[[@LINE-3]]:40: error: no member named 'c_recursion_remaining' in '_ts' [clang-diagnostic-error]

struct Cache {
  int c_recursion_remaining;
};
int own(Cache *c) { return c->c_recursion_remaining; }
