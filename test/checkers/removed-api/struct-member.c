// RUN: %check_pycapi -check-suffix=314 %s pycapi-removed-api %t-314 -- --config="{CheckOptions: [{key: pycapi-removed-api.TargetPythonVersion, value: '3.14'}]}" -- %py313 -Wno-deprecated-declarations
// RUN: %check_pycapi %s pycapi-removed-api %t -- --config="{CheckOptions: [{key: pycapi-removed-api.TargetPythonVersion, value: '3.13'}]}" -- %py313 -Wno-deprecated-declarations

// Struct members that 3.14 removed, against headers that still declare them
// (3.13's): reported at target 3.14, whatever the object is spelled as
// (typedef of an anonymous struct, typedef of `struct _ts`, the tag itself,
// in the project's macro, once where the macro spells it); never at target
// 3.13, never on the project's own struct with a member of the same name,
// never in Python's own macros (3.13's Py_TRASHCAN_BEGIN reads
// tstate->c_recursion_remaining). The members are deprecated in 3.13.

#include <Python.h>

#define TAG(d) ((d)->ma_version_tag)
// CHECK-NOTES-314: :[[@LINE-1]]:22: warning: 'PyDictObject.ma_version_tag' was removed in Python 3.14; use PyDict_AddWatcher / PyDict_Watch (dict watchers) [pycapi-removed-api]
// CHECK-NOTES-314: :[[@LINE-2]]:22: note: no automatic fix: the replacement is an API, not a member; rewrite the code that uses the member
unsigned long long via_macro(PyDictObject *d) { return TAG(d); }

unsigned long long tag(PyDictObject *d) { return d->ma_version_tag; }
// CHECK-NOTES-314: :[[@LINE-1]]:53: warning: 'PyDictObject.ma_version_tag' was removed in Python 3.14; use PyDict_AddWatcher / PyDict_Watch (dict watchers) [pycapi-removed-api]
// CHECK-NOTES-314: :[[@LINE-2]]:53: note: no automatic fix: the replacement is an API, not a member; rewrite the code that uses the member

int depth(PyThreadState *t) { return t->c_recursion_remaining; }
// CHECK-NOTES-314: :[[@LINE-1]]:41: warning: 'PyThreadState.c_recursion_remaining' was removed in Python 3.14; use Py_EnterRecursiveCall / Py_LeaveRecursiveCall [pycapi-removed-api]
// CHECK-NOTES-314: :[[@LINE-2]]:41: note: wrap the recursive call in Py_EnterRecursiveCall() and Py_LeaveRecursiveCall() instead of reading the thread state's counter

void reset(struct _ts *t) { t->c_recursion_remaining = 0; }
// CHECK-NOTES-314: :[[@LINE-1]]:32: warning: 'PyThreadState.c_recursion_remaining' was removed in Python 3.14; use Py_EnterRecursiveCall / Py_LeaveRecursiveCall [pycapi-removed-api]
// CHECK-NOTES-314: :[[@LINE-2]]:32: note: wrap the recursive call in Py_EnterRecursiveCall() and Py_LeaveRecursiveCall() instead of reading the thread state's counter

unsigned long long copy(PyDictObject d) { return d.ma_version_tag; }
// CHECK-NOTES-314: :[[@LINE-1]]:52: warning: 'PyDictObject.ma_version_tag' was removed in Python 3.14; use PyDict_AddWatcher / PyDict_Watch (dict watchers) [pycapi-removed-api]
// CHECK-NOTES-314: :[[@LINE-2]]:52: note: no automatic fix: the replacement is an API, not a member; rewrite the code that uses the member

// The project's own structs: same member names, not Python's.
struct cache {
  unsigned long long ma_version_tag;
  int c_recursion_remaining;
};
typedef struct cache MyDict;

unsigned long long own(struct cache *c, MyDict *m) {
  return c->ma_version_tag + m->ma_version_tag + (unsigned)c->c_recursion_remaining;
}

void dealloc(PyObject *self) {
  Py_TRASHCAN_BEGIN(self, dealloc)
  Py_DECREF(self);
  Py_TRASHCAN_END
}
