/* Mock of CPython 3.12's tracemalloc.h, a header that 3.13 removed (its
 * public functions moved to cpython/tracemalloc.h, included by Python.h). */
#ifndef Py_TRACEMALLOC_H
#define Py_TRACEMALLOC_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
int PyTraceMalloc_Track(unsigned int domain, uintptr_t ptr, size_t size);
#ifdef __cplusplus
}
#endif
#endif
