/* Shared by shapes_c.c and shapes_cxx.cpp, the two halves of the e2e test
 * extension buffer_shapes (see README.md in this folder). */
#ifndef BUFFER_SHAPES_H
#define BUFFER_SHAPES_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* The removed functions are Py_DEPRECATED in 3.11's headers; legacy code
 * typically silenced the warning rather than port. */
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* djb2 over n bytes, continued from h: order-sensitive, so a function that
 * read the wrong bytes (an offset, a stale pointer) gives a different value
 * than the Python reference in test_buffer_shapes.py. Takes the pointer but
 * keeps nothing, so the check's escape analysis must not treat it as an
 * escape. */
#define SHAPES_DIGEST_INIT 5381UL

static inline unsigned long
shapes_digest_update(unsigned long h, const void *p, Py_ssize_t n)
{
    const unsigned char *b = (const unsigned char *)p;
    Py_ssize_t i;
    for (i = 0; i < n; i++)
        h = (h * 33 + b[i]) & 0xFFFFFFFFUL;
    return h;
}

static inline unsigned long
shapes_digest(const void *p, Py_ssize_t n)
{
    return shapes_digest_update(SHAPES_DIGEST_INIT, p, n);
}

/* The C++ half's functions, added to the module by PyInit_buffer_shapes. */
extern PyMethodDef buffer_shapes_cxx_methods[];

/* Adds the test exporter buffer_shapes.Ephemeral (exporter.c). */
int buffer_shapes_add_exporter(PyObject *module);

#ifdef __cplusplus
}
#endif

#endif /* BUFFER_SHAPES_H */
