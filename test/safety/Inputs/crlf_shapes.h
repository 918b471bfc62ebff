/* The project's header on the way to Python.h: the compat header's #include
   goes after the last line, which has no line break. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>