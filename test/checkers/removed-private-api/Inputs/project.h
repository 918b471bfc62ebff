/* A project header that includes Python.h for its includers. */
#include <Python.h>
