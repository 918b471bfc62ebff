/*
 * legacy: a small CPython extension written against the pre-3.13 buffer API.
 *
 * It builds and works on Python 3.11 and 3.12. Python 3.13 removed
 * PyObject_CheckReadBuffer, PyObject_AsCharBuffer, PyObject_AsReadBuffer and
 * PyObject_AsWriteBuffer from the headers, so this file no longer compiles
 * there until pycapi-migrate (check pycapi-removed-buffer-api) rewrites it.
 * Each function below uses one of the shapes those calls take in real code.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* Python 3.0 already deprecated these functions (Py_DEPRECATED in 3.11's
 * headers); code like this typically silenced the warning rather than port. */
#if defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif

/* legacy.is_buffer(obj) -> bool: does obj export a simple buffer?
 * PyObject_CheckReadBuffer() used as a predicate. */
static PyObject *
legacy_is_buffer(PyObject *self, PyObject *obj)
{
    if (PyObject_CheckReadBuffer(obj))
        Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

/* legacy.upper(data) -> bytes: data with ASCII letters upper-cased.
 * PyObject_AsCharBuffer() < 0 returns NULL; the result is built afterwards. */
static PyObject *
legacy_upper(PyObject *self, PyObject *obj)
{
    const char *data;
    Py_ssize_t size, i;
    PyObject *result;
    char *out;

    if (PyObject_AsCharBuffer(obj, &data, &size) < 0)
        return NULL;
    result = PyBytes_FromStringAndSize(NULL, size);
    if (result == NULL)
        return NULL;
    out = PyBytes_AS_STRING(result);
    for (i = 0; i < size; i++) {
        char c = data[i];
        out[i] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    return result;
}

/* legacy.checksum(data) -> int: the sum of all bytes, modulo 2**32.
 * The status of PyObject_AsCharBuffer() is stored and tested later. */
static PyObject *
legacy_checksum(PyObject *self, PyObject *obj)
{
    const char *data;
    Py_ssize_t size, i;
    unsigned long sum = 0;
    int status;

    status = PyObject_AsCharBuffer(obj, &data, &size);
    if (status < 0)
        return NULL;
    for (i = 0; i < size; i++)
        sum = (sum + (unsigned char)data[i]) & 0xFFFFFFFFUL;
    return PyLong_FromUnsignedLong(sum);
}

/* legacy.histogram(data) -> list: 256 counts, one per byte value.
 * PyObject_AsReadBuffer() != 0 jumps to an error label shared with the
 * failures that come after it. */
static PyObject *
legacy_histogram(PyObject *self, PyObject *obj)
{
    const void *buf;
    Py_ssize_t len, i;
    Py_ssize_t counts[256] = {0};
    PyObject *list = NULL, *item;

    if (PyObject_AsReadBuffer(obj, &buf, &len) != 0)
        goto error;
    for (i = 0; i < len; i++)
        counts[((const unsigned char *)buf)[i]]++;
    list = PyList_New(256);
    if (list == NULL)
        goto error;
    for (i = 0; i < 256; i++) {
        item = PyLong_FromSsize_t(counts[i]);
        if (item == NULL)
            goto error;
        PyList_SET_ITEM(list, i, item);
    }
    return list;

error:
    Py_XDECREF(list);
    return NULL;
}

/* legacy.fill(buffer, value) -> None: set every byte of a writable buffer
 * (a bytearray, say) to value. PyObject_AsWriteBuffer() with its failure
 * path, and Py_RETURN_NONE on success. */
static PyObject *
legacy_fill(PyObject *self, PyObject *args)
{
    PyObject *obj;
    int value;
    void *buf;
    Py_ssize_t len;

    if (!PyArg_ParseTuple(args, "Oi:fill", &obj, &value))
        return NULL;
    if (value < 0 || value > 255) {
        PyErr_SetString(PyExc_ValueError, "fill value must be in range(0, 256)");
        return NULL;
    }
    if (PyObject_AsWriteBuffer(obj, &buf, &len) < 0)
        return NULL;
    memset(buf, value, (size_t)len);
    Py_RETURN_NONE;
}

static PyMethodDef legacy_methods[] = {
    {"is_buffer", legacy_is_buffer, METH_O,
     "is_buffer(obj) -> bool: does obj export a simple buffer?"},
    {"upper", legacy_upper, METH_O,
     "upper(data) -> bytes: data with ASCII letters upper-cased."},
    {"checksum", legacy_checksum, METH_O,
     "checksum(data) -> int: the sum of all bytes, modulo 2**32."},
    {"histogram", legacy_histogram, METH_O,
     "histogram(data) -> list: how often each byte value 0..255 occurs."},
    {"fill", legacy_fill, METH_VARARGS,
     "fill(buffer, value) -> None: set every byte of a writable buffer."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef legacy_module = {
    PyModuleDef_HEAD_INIT, "legacy", "Byte utilities on the old buffer API.",
    -1, legacy_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_legacy(void)
{
    return PyModule_Create(&legacy_module);
}
