/* A header of a library installed on the system (found through -isystem)
 * that includes Python.h for the files that include it. */
#ifndef PYSYS_H
#define PYSYS_H
#include <Python.h>
#endif
