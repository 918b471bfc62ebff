/* A project's configuration header: Python's configuration first, then the
 * Limited API target unless the build gives one. */
#include <pyconfig.h>
#include <stddef.h>

#ifndef Py_LIMITED_API
#define Py_LIMITED_API 0x030A0000
#endif
