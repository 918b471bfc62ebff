// RUN: %check_pycapi %s pycapi-removed-api %t -- -- %py311 -Wno-deprecated-declarations
// RUN: %check_pycapi %s pycapi-removed-api %t-313 -- -- %py313 -Wno-deprecated-declarations

// The removed names are deprecated in the real headers, hence
// -Wno-deprecated-declarations for the -Werror compile.

// Nothing to report: a project's own names that happen to be removed names
// without a Py prefix (an opcode macro, a typedef), public macros that
// expand to removed names (Py_TRASHCAN_BEGIN), names removed after the
// target release, and code for old Pythons under a PY_VERSION_HEX test.

#include <Python.h>

#undef HAS_ARG
#define HAS_ARG(op) ((op) > 0)
typedef void (*xid_freefunc)(void *);

static void release(void *p) { (void)p; }

void dealloc(PyObject *self) {
  Py_TRASHCAN_BEGIN(self, dealloc)
  Py_DECREF(self);
  Py_TRASHCAN_END
}

int own_names(int op) {
  xid_freefunc f = release;
  f(NULL);
  return HAS_ARG(op);
}

PyObject *later(const char *name) {
  PyObject *ref = PyImport_ImportModuleNoBlock(name);
  return ref ? PyWeakref_GetObject(ref) : NULL;
}

PyObject *old_pythons(PyObject *f, PyObject *args) {
#if PY_VERSION_HEX < 0x030D0000
  return PyEval_CallObject(f, args);
#else
  return PyObject_Call(f, args, NULL);
#endif
}
