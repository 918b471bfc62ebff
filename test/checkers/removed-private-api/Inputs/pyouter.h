/* A project header that gets Python.h from a header it cannot change. */
#ifndef PYOUTER_H
#define PYOUTER_H
#include <pysys.h>
#include <stddef.h>
#endif
