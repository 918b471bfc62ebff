/* A project header that includes Python.h and pythoncapi_compat.h for the
 * files that include it. */
#ifndef PYPROJECT_COMPAT_H
#define PYPROJECT_COMPAT_H
#include <Python.h>
#include "pythoncapi_compat.h"
#endif
