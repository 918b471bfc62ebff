// RUN: %check_pycapi %s pycapi-removed-api %t -- -- %py311 -Wno-deprecated-declarations

// The names left unfixed are deprecated in 3.11's headers, hence
// -Wno-deprecated-declarations for the -Werror compile of the fixed file.

// The public names removed in 3.13: renames whose replacement every Python 3
// has are fixed; the others name the replacement (or say there is none).
// The buffer functions belong to pycapi-removed-buffer-api.

#include <Python.h>

PyObject *calls(PyObject *f, PyObject *args) {
  PyObject *a = PyEval_CallFunction(f, "(i)", 1);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyEval_CallFunction' was removed in Python 3.13; use PyObject_CallFunction [pycapi-removed-api]
  PyObject *b = PyCFunction_Call(f, args, NULL);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyCFunction_Call' was removed in Python 3.13; use PyObject_Call [pycapi-removed-api]
  PyObject *c = PyEval_CallObject(f, args);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'PyEval_CallObject' was removed in Python 3.13; use PyObject_CallObject [pycapi-removed-api]
  return a ? a : b ? b : c;
}

void embed(const wchar_t *path) {
  Py_SetPath(path);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Py_SetPath' was removed in Python 3.13; use PyConfig.module_search_paths [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: set PyConfig.module_search_paths and PyConfig.module_search_paths_set = 1 in the PyConfig you initialize the interpreter with
  PySys_AddWarnOption(L"ignore");
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'PySys_AddWarnOption' was removed in Python 3.13; use PyConfig.warnoptions [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: no automatic fix: the replacement is not a drop-in substitute; review the call
  if (!PyEval_ThreadsInitialized())
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'PyEval_ThreadsInitialized' was removed in Python 3.13 and has no drop-in replacement; see the note for what to write instead [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-2]]:8: note: it has always returned non-zero since Python 3.7, because Py_Initialize() creates the GIL: delete the call and treat the result as true
    PyEval_AcquireLock();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'PyEval_AcquireLock' was removed in Python 3.13; use PyEval_SaveThread/PyEval_RestoreThread, PyEval_AcquireThread/PyEval_ReleaseThread, or PyGILState_Ensure/PyGILState_Release [pycapi-removed-api]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: use a pair that keeps the thread state current: PyEval_SaveThread() and PyEval_RestoreThread(), PyEval_AcquireThread() and PyEval_ReleaseThread(), or PyGILState_Ensure() and PyGILState_Release()
}

void dealloc(PyObject *self) {
  Py_TRASHCAN_SAFE_BEGIN(self)
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Py_TRASHCAN_SAFE_BEGIN' was removed in Python 3.13; use Py_TRASHCAN_BEGIN(op, dealloc_function) [pycapi-removed-api]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: Py_TRASHCAN_BEGIN uses the trashcan only when the object's tp_dealloc is the function named: an instance of a subclass with its own tp_dealloc is deallocated without it, which is what that subclass's deallocator expects
  Py_DECREF(self);
  Py_TRASHCAN_SAFE_END(self)
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'Py_TRASHCAN_SAFE_END' was removed in Python 3.13; use Py_TRASHCAN_END [pycapi-removed-api]
}

int not_this_check(PyObject *o) {
  return PyObject_CheckReadBuffer(o) + _PyLong_AsInt(o);
}

// CHECK-FIXES:  PyObject *a = PyObject_CallFunction(f, "(i)", 1);
// CHECK-FIXES:  PyObject *b = PyObject_Call(f, args, NULL);
// CHECK-FIXES:  PyObject *c = PyObject_CallObject(f, args);
// CHECK-FIXES:  Py_TRASHCAN_BEGIN(self, dealloc)
// CHECK-FIXES:  Py_TRASHCAN_END
