/* Made-up headers for derive-rules.test: one name per rule of
   data/derive_limited_api.py. */
#include "patchlevel.h"

typedef struct _object { long ob_refcnt; } PyObject;

#if !defined(Py_LIMITED_API)
typedef struct { PyObject ob_base; long x; } PyMockObject;
#  define PyMock_HIDDEN_GET(o) (((PyMockObject *)(o))->x)
#endif
/* Defined at every target, usable at none: it expands to a hidden name. */
#define PyMock_Fast_GET(o) PyMock_HIDDEN_GET(o)

/* Guarded: from 3.3 (the manifest says 3.2; the headers decide). */
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 >= 0x03030000
#  define PyMock_FLAG 1
#endif

/* Declared at every target, exported from 3.4 (the manifest). */
PyObject *PyMock_New(void);
/* Defined at every target; its expansion needs PyMock_New (link rule). */
#define PyMock_Make() PyMock_New()

/* Needs no symbol: every target. */
static inline PyObject *PyMock_Self(PyObject *o) { return o; }
#define _PyMock_CAST(o) ((PyObject *)(o))

/* Exported, abi_only in the manifest: never. */
void _PyMock_Dealloc(PyObject *);
