// A module laid out as cffi's generated C output: Py_LIMITED_API is defined
// without a value (3.2) only when the build has no debug or trace-refs
// option, after pyconfig.h says so, and on Windows before it, with #error
// sanity checks after it. The fallback to the full API builds on every
// Python, and the Windows branch is not this build's: no finding, and it
// compiles.
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py311
// A trace-refs build takes the fallback: still nothing to report.
// RUN: %check_pycapi %s pycapi-limited-api %t -- -- %py313 -DPy_TRACE_REFS
#define _GENMOD_

/* The generator wants the stable ABI, which debug and trace-refs builds of
   older Pythons cannot give; it can only tell after pyconfig.h, except on
   Windows, where the define must come before pyconfig.h. */
#if !defined(_GENMOD_EMBEDDED) && !defined(Py_LIMITED_API)
#  ifdef _MSC_VER
#    if !defined(_DEBUG) && !defined(Py_DEBUG) && !defined(Py_TRACE_REFS) && !defined(Py_REF_DEBUG) && !defined(_GENMOD_FULL_API)
#      define Py_LIMITED_API
#    endif
#    include <pyconfig.h>
     /* Check the guess made before pyconfig.h. */
#    ifdef Py_LIMITED_API
#      if defined(Py_DEBUG)
#        error "Py_DEBUG set by pyconfig.h, with Py_LIMITED_API"
#      endif
#      if defined(Py_TRACE_REFS)
#        error "Py_TRACE_REFS set by pyconfig.h, with Py_LIMITED_API"
#      endif
#      if defined(Py_REF_DEBUG)
#        error "Py_REF_DEBUG set by pyconfig.h, with Py_LIMITED_API"
#      endif
#    endif
#  else
#    include <pyconfig.h>
#    if !defined(Py_DEBUG) && !defined(Py_TRACE_REFS) && !defined(Py_REF_DEBUG) && !defined(_GENMOD_FULL_API)
#      define Py_LIMITED_API
#    endif
#  endif
#endif

#include <Python.h>
#ifdef __cplusplus
extern "C" {
#endif
#include <stddef.h>

typedef void *_genmod_opcode_t;
#define _GENMOD_OP(code, arg) (_genmod_opcode_t)(code | (((uintptr_t)(arg)) << 8))

static int add_ints(int a, int b) { return a + b; }

static PyObject *
_genmod_f_add_ints(PyObject *self, PyObject *args)
{
  int a, b;
  if (!PyArg_ParseTuple(args, "ii:add_ints", &a, &b))
    return NULL;
  Py_BEGIN_ALLOW_THREADS
  a = add_ints(a, b);
  Py_END_ALLOW_THREADS
  if (a == -1 && PyErr_Occurred())
    return NULL;
  return PyLong_FromLong(a);
}

static PyMethodDef _genmod_methods[] = {
  {"add_ints", _genmod_f_add_ints, METH_VARARGS, NULL},
  {NULL, NULL, 0, NULL}
};

static struct PyModuleDef _genmod_module_def = {
  PyModuleDef_HEAD_INIT, "_genmod_example", NULL, -1, _genmod_methods,
  NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC
PyInit__genmod_example(void)
{
  PyObject *module = PyModule_Create(&_genmod_module_def);
  if (module == NULL)
    return NULL;
  if (PyModule_AddObject(module, "version", PyUnicode_FromString("1.0")) < 0) {
    Py_DECREF(module);
    return NULL;
  }
  return module;
}

#ifdef __cplusplus
}
#endif
