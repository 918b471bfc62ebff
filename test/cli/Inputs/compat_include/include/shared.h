/* The project's header that includes Python.h for a.c, b.c and outer.h. */
#ifndef SHARED_H
#define SHARED_H
#include <Python.h>
#endif
