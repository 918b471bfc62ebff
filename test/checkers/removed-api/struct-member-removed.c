// RUN: %check_pycapi -compile=none %s pycapi-removed-api %t -- --config="{CheckOptions: [{key: pycapi-removed-api.TargetPythonVersion, value: '3.14'}]}" -- -I%inputs/python314 -fno-spell-checking

// C against headers whose structs no longer have the members: in an
// initializer, a condition and an assignment. The project's own struct is
// not reported.

#include <Python.h>

struct cache {
  unsigned long long ma_version_tag;
};

void use(PyDictObject *d, PyThreadState *t, struct cache *c) {
  unsigned long long tag = d->ma_version_tag;
  // CHECK-NOTES-DAG: :[[@LINE-1]]:31: warning: 'PyDictObject.ma_version_tag' was removed in Python 3.14; use PyDict_AddWatcher / PyDict_Watch (dict watchers) [pycapi-removed-api]
  // CHECK-NOTES-DAG: :[[@LINE-2]]:31: note: no automatic fix: the replacement is an API, not a member; rewrite the code that uses the member
  // CHECK-NOTES-DAG: :[[@LINE-3]]:31: error: no member named 'ma_version_tag' in 'PyDictObject' [clang-diagnostic-error]
  if (t->c_recursion_remaining > 0)
    // CHECK-NOTES-DAG: :[[@LINE-1]]:10: warning: 'PyThreadState.c_recursion_remaining' was removed in Python 3.14; use Py_EnterRecursiveCall / Py_LeaveRecursiveCall [pycapi-removed-api]
    // CHECK-NOTES-DAG: :[[@LINE-2]]:10: note: wrap the recursive call in Py_EnterRecursiveCall() and Py_LeaveRecursiveCall() instead of reading the thread state's counter
    // CHECK-NOTES-DAG: :[[@LINE-3]]:10: error: no member named 'c_recursion_remaining' in 'struct _ts' [clang-diagnostic-error]
    c->ma_version_tag = tag;
  t->c_recursion_remaining = 1;
  // CHECK-NOTES-DAG: :[[@LINE-1]]:6: warning: 'PyThreadState.c_recursion_remaining' was removed in Python 3.14; use Py_EnterRecursiveCall / Py_LeaveRecursiveCall [pycapi-removed-api]
  // CHECK-NOTES-DAG: :[[@LINE-2]]:6: note: wrap the recursive call in Py_EnterRecursiveCall() and Py_LeaveRecursiveCall() instead of reading the thread state's counter
  // CHECK-NOTES-DAG: :[[@LINE-3]]:6: error: no member named 'c_recursion_remaining' in 'struct _ts' [clang-diagnostic-error]
}
