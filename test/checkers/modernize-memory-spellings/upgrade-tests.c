// RUN: %check_pycapi %s pycapi-modernize-memory-spellings %t -- -- %py311

// What upgrade_pythoncapi.py's PyObject_NEW, PyMem_MALLOC and
// PyObject_MALLOC operations rewrite: the macro spellings become the
// functions they stand for (PyMem_DEL, PyMem_Del, PyObject_DEL and
// PyObject_Del become the Free functions). Every Python 3 has them: no compat
// header.

#include <Python.h>

typedef struct {
  PyObject_HEAD
} CapsuleLike;
typedef struct {
  PyObject_VAR_HEAD
} PatternLike;

void spellings(PyTypeObject *capsule_type, PyTypeObject *pattern_type,
               Py_ssize_t n) {
  CapsuleLike *capsule = PyObject_NEW(CapsuleLike, capsule_type);
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'PyObject_NEW' is an old spelling of PyObject_New; use PyObject_New [pycapi-modernize-memory-spellings]
  PatternLike *pattern = PyObject_NEW_VAR(PatternLike, pattern_type, n);
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'PyObject_NEW_VAR' is an old spelling of PyObject_NewVar; use PyObject_NewVar [pycapi-modernize-memory-spellings]
  Py_XDECREF(capsule);
  Py_XDECREF(pattern);

  void *ptr = PyMem_MALLOC(10);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'PyMem_MALLOC' is an old spelling of PyMem_Malloc; use PyMem_Malloc [pycapi-modernize-memory-spellings]
  ptr = PyMem_REALLOC(ptr, 20);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyMem_REALLOC' is an old spelling of PyMem_Realloc; use PyMem_Realloc [pycapi-modernize-memory-spellings]
  PyMem_FREE(ptr);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'PyMem_FREE' is an old spelling of PyMem_Free; use PyMem_Free [pycapi-modernize-memory-spellings]
  PyMem_DEL(NULL);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'PyMem_DEL' is an old spelling of PyMem_Free; use PyMem_Free [pycapi-modernize-memory-spellings]
  PyMem_Del(NULL);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'PyMem_Del' is an old spelling of PyMem_Free; use PyMem_Free [pycapi-modernize-memory-spellings]

  void *obj = PyObject_MALLOC(10);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'PyObject_MALLOC' is an old spelling of PyObject_Malloc; use PyObject_Malloc [pycapi-modernize-memory-spellings]
  obj = PyObject_REALLOC(obj, 20);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_REALLOC' is an old spelling of PyObject_Realloc; use PyObject_Realloc [pycapi-modernize-memory-spellings]
  PyObject_FREE(obj);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'PyObject_FREE' is an old spelling of PyObject_Free; use PyObject_Free [pycapi-modernize-memory-spellings]
  PyObject_DEL(NULL);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'PyObject_DEL' is an old spelling of PyObject_Free; use PyObject_Free [pycapi-modernize-memory-spellings]
  PyObject_Del(NULL);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'PyObject_Del' is an old spelling of PyObject_Free; use PyObject_Free [pycapi-modernize-memory-spellings]
}
// CHECK-FIXES:  CapsuleLike *capsule = PyObject_New(CapsuleLike, capsule_type);
// CHECK-FIXES-NEXT:  PatternLike *pattern = PyObject_NewVar(PatternLike, pattern_type, n);
// CHECK-FIXES:  void *ptr = PyMem_Malloc(10);
// CHECK-FIXES-NEXT:  ptr = PyMem_Realloc(ptr, 20);
// CHECK-FIXES-NEXT:  PyMem_Free(ptr);
// CHECK-FIXES-NEXT:  PyMem_Free(NULL);
// CHECK-FIXES-NEXT:  PyMem_Free(NULL);
// CHECK-FIXES:  void *obj = PyObject_Malloc(10);
// CHECK-FIXES-NEXT:  obj = PyObject_Realloc(obj, 20);
// CHECK-FIXES-NEXT:  PyObject_Free(obj);
// CHECK-FIXES-NEXT:  PyObject_Free(NULL);
// CHECK-FIXES-NEXT:  PyObject_Free(NULL);

// Names that are not the macros, and the macros not called: left alone
// (upgrade_pythoncapi's negative tests), with comments and strings.
#define PyObject_NEW2(type, typeobj) PyObject_New(type, typeobj)
void *(*new_var_fn)(void);
void others(PyTypeObject *capsule_type) {
  CapsuleLike *capsule2 = PyObject_NEW2(CapsuleLike, capsule_type);
  Py_XDECREF(capsule2);
  /* PyMem_MALLOC(10) in a comment */
  const char *text = "PyObject_DEL(p)";
  (void)text;
}
// CHECK-FIXES:  CapsuleLike *capsule2 = PyObject_NEW2(CapsuleLike, capsule_type);
// CHECK-FIXES:  /* PyMem_MALLOC(10) in a comment */
// CHECK-FIXES-NEXT:  const char *text = "PyObject_DEL(p)";

// The free function as a value: PyObject_Del is an alias of PyObject_Free
// itself, so the slot takes the function's name (upgrade_pythoncapi needs
// a call's parenthesis and leaves it).
PyTypeObject slots = {.tp_free = PyObject_Del};
// CHECK-NOTES: :[[@LINE-1]]:34: warning: 'PyObject_Del' is an old spelling of PyObject_Free; use PyObject_Free [pycapi-modernize-memory-spellings]
// CHECK-FIXES:PyTypeObject slots = {.tp_free = PyObject_Free};

// A macro of the project's whose body uses an old spelling: renamed in the
// definition, where the project wrote it.
#define ALLOC_BYTES(n) PyMem_MALLOC(n)
// CHECK-NOTES: :[[@LINE-1]]:24: warning: 'PyMem_MALLOC' is an old spelling of PyMem_Malloc; use PyMem_Malloc [pycapi-modernize-memory-spellings]
// CHECK-FIXES:#define ALLOC_BYTES(n) PyMem_Malloc(n)
void *alloc_bytes(void) { return ALLOC_BYTES(4); }

// A project that defines a macro of one of these names itself owns it.
#undef PyMem_FREE
#define PyMem_FREE(p) free(p)
void release(void *p) { PyMem_FREE(p); }
// CHECK-FIXES:void release(void *p) { PyMem_FREE(p); }
