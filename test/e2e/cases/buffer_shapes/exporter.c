/*
 * buffer_shapes.Ephemeral(data): a read-only exporter whose memory lives only
 * as long as the view. Test instrumentation, not a legacy shape: every
 * bf_getbuffer hands out a fresh malloc'ed copy of data, and bf_releasebuffer
 * overwrites it with 0xDD and frees it. Code that reads the pointer after
 * PyBuffer_Release reads freed memory: AddressSanitizer reports it, and
 * without ASan the bytes read are (almost always) the 0xDD poison, so the
 * result is wrong. `exports` counts live views, so a leak shows too.
 *
 * Legacy code cannot be called with it (the removed functions released the
 * view before returning the pointer), and neither can sites that keep the old
 * lifetime after migration (ReleaseStrategy Immediate, escaping pointers):
 * test_buffer_shapes.py uses it only where the migrated code must hold the
 * view while it reads.
 */
#include "shapes.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    PyObject *data;      /* bytes */
    Py_ssize_t exports;  /* views not yet released */
} EphemeralObject;

static PyObject *
ephemeral_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *data;
    EphemeralObject *self;

    if (!PyArg_ParseTuple(args, "S:Ephemeral", &data))
        return NULL;
    self = (EphemeralObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    Py_INCREF(data);
    self->data = data;
    self->exports = 0;
    return (PyObject *)self;
}

static void
ephemeral_dealloc(EphemeralObject *self)
{
    Py_XDECREF(self->data);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
ephemeral_getbuffer(EphemeralObject *self, Py_buffer *view, int flags)
{
    Py_ssize_t len = PyBytes_GET_SIZE(self->data);
    char *copy = malloc(len > 0 ? (size_t)len : 1);

    if (copy == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(copy, PyBytes_AS_STRING(self->data), (size_t)len);
    if (PyBuffer_FillInfo(view, (PyObject *)self, copy, len, 1, flags) < 0) {
        free(copy);
        return -1;
    }
    self->exports++;
    return 0;
}

static void
ephemeral_releasebuffer(EphemeralObject *self, Py_buffer *view)
{
    memset(view->buf, 0xDD, (size_t)view->len);
    free(view->buf);
    self->exports--;
}

static PyBufferProcs ephemeral_as_buffer = {
    (getbufferproc)ephemeral_getbuffer,
    (releasebufferproc)ephemeral_releasebuffer,
};

static PyObject *
ephemeral_get_exports(EphemeralObject *self, void *closure)
{
    return PyLong_FromSsize_t(self->exports);
}

static PyGetSetDef ephemeral_getset[] = {
    {"exports", (getter)ephemeral_get_exports, NULL, "views not yet released", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject EphemeralType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "buffer_shapes.Ephemeral",
    .tp_basicsize = sizeof(EphemeralObject),
    .tp_dealloc = (destructor)ephemeral_dealloc,
    .tp_as_buffer = &ephemeral_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Ephemeral(data: bytes): each view is a fresh copy, freed on release.",
    .tp_getset = ephemeral_getset,
    .tp_new = ephemeral_new,
};

int
buffer_shapes_add_exporter(PyObject *module)
{
    if (PyType_Ready(&EphemeralType) < 0)
        return -1;
    Py_INCREF(&EphemeralType);
    if (PyModule_AddObject(module, "Ephemeral", (PyObject *)&EphemeralType) < 0) {
        Py_DECREF(&EphemeralType);
        return -1;
    }
    return 0;
}
