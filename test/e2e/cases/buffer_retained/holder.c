/*
 * buffer_retained: a type whose constructor hands a buffer's pointer to a
 * library that keeps it (store.h), written the legacy way. Before 3.13,
 * PyObject_AsWriteBuffer released its view before returning, so nothing
 * stopped the object's memory from moving while a Holder still pointed at it.
 * The migrated code holds a view only to the end of the constructor, so the
 * hazard stays; the tool cannot see that holder_attach keeps the pointer, and
 * says so in a note at the call. after-fix.patch is what a maintainer then
 * writes: the Holder keeps the Py_buffer and releases it in tp_dealloc.
 */
#include "store.h"

typedef struct {
    PyObject_HEAD
    struct store store;
} HolderObject;

/* Holder(obj): attaches obj's writable memory to a store. */
static PyObject *
Holder_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *obj;
    HolderObject *self;
    void *data;
    Py_ssize_t len;

    if (!PyArg_ParseTuple(args, "O:Holder", &obj))
        return NULL;
    self = (HolderObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    if (PyObject_AsWriteBuffer(obj, &data, &len) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    holder_attach(&self->store, data, len);
    return (PyObject *)self;
}

static void
Holder_dealloc(HolderObject *self)
{
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* read() -> bytes: a copy of the attached memory, read through the store. */
static PyObject *
Holder_read(HolderObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyBytes_FromStringAndSize((const char *)self->store.data, self->store.len);
}

/* fill(value): writes value into every byte of the attached memory. */
static PyObject *
Holder_fill(HolderObject *self, PyObject *arg)
{
    long value = PyLong_AsLong(arg);

    if (value == -1 && PyErr_Occurred())
        return NULL;
    if (value < 0 || value > 255) {
        PyErr_SetString(PyExc_ValueError, "fill value must be in range(256)");
        return NULL;
    }
    holder_fill(&self->store, (unsigned char)value);
    Py_RETURN_NONE;
}

static PyMethodDef Holder_methods[] = {
    {"read", (PyCFunction)Holder_read, METH_NOARGS, "A copy of the attached memory."},
    {"fill", (PyCFunction)Holder_fill, METH_O, "Set every attached byte to a value."},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject HolderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "buffer_retained.Holder",
    .tp_basicsize = sizeof(HolderObject),
    .tp_dealloc = (destructor)Holder_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Holder(obj): keeps a pointer to obj's writable memory.",
    .tp_methods = Holder_methods,
    .tp_new = Holder_new,
};

static struct PyModuleDef buffer_retained_module = {
    PyModuleDef_HEAD_INIT, "buffer_retained",
    "A library object that keeps a buffer's pointer.", -1, NULL,
};

PyMODINIT_FUNC
PyInit_buffer_retained(void)
{
    PyObject *module;

    if (PyType_Ready(&HolderType) < 0)
        return NULL;
    module = PyModule_Create(&buffer_retained_module);
    if (module == NULL)
        return NULL;
    Py_INCREF(&HolderType);
    if (PyModule_AddObject(module, "Holder", (PyObject *)&HolderType) < 0) {
        Py_DECREF(&HolderType);
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
