/* Mock of CPython 3.13's internal C API (Py_BUILD_CORE only), where many
 * names removed from the public headers still live. */
#ifndef PYCORE_MOCK_H
#define PYCORE_MOCK_H
#ifndef Py_BUILD_CORE
#  error "this header requires Py_BUILD_CORE define"
#endif
#include <Python.h>
#ifdef __cplusplus
extern "C" {
#endif

#define _PY_FASTCALL_SMALL_STACK 5
int _PyDict_SetItem_KnownHash(PyObject *mp, PyObject *key, PyObject *item,
                              Py_hash_t hash);

#ifdef __cplusplus
}
#endif
#endif /* PYCORE_MOCK_H */
