/* A minimal compatibility header written for this test (not a copy of
 * pythoncapi-compat): the public names the migration introduces, on the
 * Pythons that predate them. Named like the real one, so that the checks
 * treat it as vendored and leave its uses of the old names alone. */
#ifndef E2E_PRIVATE_CALLS_COMPAT_H
#define E2E_PRIVATE_CALLS_COMPAT_H
#include <Python.h>

#if PY_VERSION_HEX < 0x030D0000
/* The test compares with ASCII strings only, where the two agree. */
#  define PyUnicode_EqualToUTF8 _PyUnicode_EqualToASCIIString
#endif

#endif /* E2E_PRIVATE_CALLS_COMPAT_H */
