/*
 * buffer_shapes, C half: one Python-callable function per shape in which real
 * extensions call the buffer functions that Python 3.13 removed
 * (PyObject_AsCharBuffer, PyObject_AsReadBuffer, PyObject_AsWriteBuffer,
 * PyObject_CheckReadBuffer). The code is written the legacy way and must stay
 * so: pycapi-migrate has to rewrite every shape into code that builds on 3.13
 * and keeps behaviour, buffer lifetimes included.
 *
 * Unless a comment says otherwise, a function returns (digest, length) of the
 * bytes it read (see shapes_digest in shapes.h) and raises TypeError for an
 * object without the buffer protocol.
 */
#include "shapes.h"

#include <string.h>

/* A project typedef for lengths that is plain int. */
typedef int shape_len_t;

/* A local aggregate the pointer is read into (a struct member target). */
struct span {
    const char *data;
    Py_ssize_t len;
};

static PyObject *
digest_result(const void *data, Py_ssize_t len)
{
    return Py_BuildValue("kn", shapes_digest(data, len), len);
}

/* if (CALL < 0) return NULL; a `const char *` target; the return value
 * reads the pointer. */
static PyObject *
lt_zero(PyObject *self, PyObject *obj)
{
    const char *data;
    Py_ssize_t len;

    if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
        return NULL;
    return Py_BuildValue("kn", shapes_digest(data, len), len);
}

/* if (CALL == -1) return NULL; a `const void *` target. */
static PyObject *
eq_minus_one(PyObject *self, PyObject *obj)
{
    const void *buf;
    Py_ssize_t len;
    unsigned long h;

    if (PyObject_AsReadBuffer(obj, &buf, &len) == -1)
        return NULL;
    h = shapes_digest(buf, len);
    return Py_BuildValue("kn", h, len);
}

/* ne_zero_goto(obj, count) -> (digest, length, [first count bytes]).
 * if (CALL != 0) goto error, to a label shared with failures before the call
 * (argument parsing, a negative count: ValueError) and after it (count larger
 * than the buffer: IndexError). */
static PyObject *
ne_zero_goto(PyObject *self, PyObject *args)
{
    PyObject *obj, *list = NULL, *item;
    const char *data;
    Py_ssize_t len, count, i;

    if (!PyArg_ParseTuple(args, "On:ne_zero_goto", &obj, &count))
        goto error;
    if (count < 0) {
        PyErr_SetString(PyExc_ValueError, "count must not be negative");
        goto error;
    }
    if (PyObject_AsCharBuffer(obj, &data, &len) != 0)
        goto error;
    if (count > len) {
        PyErr_SetString(PyExc_IndexError, "count larger than the buffer");
        goto error;
    }
    list = PyList_New(count);
    if (list == NULL)
        goto error;
    for (i = 0; i < count; i++) {
        item = PyLong_FromLong((unsigned char)data[i]);
        if (item == NULL)
            goto error;
        PyList_SET_ITEM(list, i, item);
    }
    return Py_BuildValue("knN", shapes_digest(data, len), len, list);

error:
    Py_XDECREF(list);
    return NULL;
}

/* if (CALL) { return NULL; } */
static PyObject *
if_call(PyObject *self, PyObject *obj)
{
    const char *data;
    Py_ssize_t len;
    PyObject *result;

    if (PyObject_AsCharBuffer(obj, &data, &len)) {
        return NULL;
    }
    result = digest_result(data, len);
    return result;
}

/* break_on_error(list) -> digest and total length of the concatenation.
 * A call in a loop body, each iteration acquiring: the failure branch leaves
 * by break (the error is raised after the loop), an empty item by continue. */
static PyObject *
break_on_error(PyObject *self, PyObject *list)
{
    unsigned long h = SHAPES_DIGEST_INIT;
    Py_ssize_t total = 0, i;

    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "break_on_error() expects a list");
        return NULL;
    }
    for (i = 0; i < PyList_GET_SIZE(list); i++) {
        const char *data;
        Py_ssize_t len;

        if (PyObject_AsCharBuffer(PyList_GET_ITEM(list, i), &data, &len) < 0)
            break;
        if (len == 0)
            continue;
        h = shapes_digest_update(h, data, len);
        total += len;
    }
    if (PyErr_Occurred())
        return NULL;
    return Py_BuildValue("kn", h, total);
}

/* continue_on_error(list) -> (digest, total length, skipped items).
 * Items that are not buffers are skipped (the failure branch leaves by
 * continue); an item starting with 0xFF ends the scan (break). */
static PyObject *
continue_on_error(PyObject *self, PyObject *list)
{
    unsigned long h = SHAPES_DIGEST_INIT;
    Py_ssize_t total = 0, skipped = 0, i;

    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "continue_on_error() expects a list");
        return NULL;
    }
    for (i = 0; i < PyList_GET_SIZE(list); i++) {
        const void *buf;
        Py_ssize_t len;

        if (PyObject_AsReadBuffer(PyList_GET_ITEM(list, i), &buf, &len) != 0) {
            PyErr_Clear();
            skipped++;
            continue;
        }
        if (len > 0 && ((const unsigned char *)buf)[0] == 0xFF)
            break;
        h = shapes_digest_update(h, buf, len);
        total += len;
    }
    return Py_BuildValue("knn", h, total, skipped);
}

/* if (!CALL) { work } with the work in the success branch. */
static PyObject *
not_call(PyObject *self, PyObject *obj)
{
    const char *data;
    Py_ssize_t len;
    PyObject *result = NULL;

    if (!PyObject_AsCharBuffer(obj, &data, &len)) {
        result = Py_BuildValue("kn", shapes_digest(data, len), len);
    }
    return result;
}

/* if (CALL == 0) { ... return ...; } return NULL; */
static PyObject *
eq_zero(PyObject *self, PyObject *obj)
{
    const void *buf;
    Py_ssize_t len;

    if (PyObject_AsReadBuffer(obj, &buf, &len) == 0) {
        unsigned long h = shapes_digest(buf, len);
        return Py_BuildValue("kn", h, len);
    }
    return NULL;
}

/* The status stored in a variable and tested later. */
static PyObject *
stored_status(PyObject *self, PyObject *obj)
{
    const char *data;
    Py_ssize_t len;
    int status;

    status = PyObject_AsCharBuffer(obj, &data, &len);
    if (status < 0)
        return NULL;
    return digest_result(data, len);
}

/* or_chain(obj, skip=0) -> (digest, length) of the bytes after the first
 * skip. The call ends a || chain whose first test parses the arguments;
 * a skip outside [0, len] raises ValueError after the acquisition. */
static PyObject *
or_chain(PyObject *self, PyObject *args)
{
    PyObject *obj;
    Py_ssize_t skip = 0;
    const char *data;
    Py_ssize_t len;

    if (!PyArg_ParseTuple(args, "O|n:or_chain", &obj, &skip) ||
        PyObject_AsCharBuffer(obj, &data, &len) < 0)
        return NULL;
    if (skip < 0 || skip > len) {
        PyErr_SetString(PyExc_ValueError, "skip out of range");
        return NULL;
    }
    return Py_BuildValue("kn", shapes_digest(data + skip, len - skip), len - skip);
}

/* and_chain(obj): the call ends a && chain of success tests. */
static PyObject *
and_chain(PyObject *self, PyObject *args)
{
    PyObject *obj, *result = NULL;
    const void *buf;
    Py_ssize_t len;

    if (PyArg_ParseTuple(args, "O:and_chain", &obj) &&
        PyObject_AsReadBuffer(obj, &buf, &len) == 0) {
        result = digest_result(buf, len);
    }
    return result;
}

/* two_in_one(a, b) -> (digest(a), len(a), digest(b), len(b), a == b).
 * Two calls in one condition: when the second fails, the first must not
 * keep its export. */
static PyObject *
two_in_one(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    const char *x, *y;
    Py_ssize_t xlen, ylen;
    int same;

    if (!PyArg_ParseTuple(args, "OO:two_in_one", &a, &b))
        return NULL;
    if (PyObject_AsCharBuffer(a, &x, &xlen) < 0 ||
        PyObject_AsCharBuffer(b, &y, &ylen) < 0)
        return NULL;
    same = xlen == ylen && memcmp(x, y, (size_t)xlen) == 0;
    return Py_BuildValue("knknO", shapes_digest(x, xlen), xlen,
                         shapes_digest(y, ylen), ylen,
                         same ? Py_True : Py_False);
}

/* The result ignored; a NULL pointer afterwards means failure (the
 * exception is set). */
static PyObject *
ignored(PyObject *self, PyObject *obj)
{
    const char *data = NULL;
    Py_ssize_t len = 0;

    PyObject_AsCharBuffer(obj, &data, &len);
    if (data == NULL)
        return NULL;
    return digest_result(data, len);
}

/* ignored_void(obj) -> (digest, length), or (None, -1) for a non-buffer.
 * The result cast to void and the error cleared. */
static PyObject *
ignored_void(PyObject *self, PyObject *obj)
{
    const void *buf = NULL;
    Py_ssize_t len = -1;

    (void)PyObject_AsReadBuffer(obj, &buf, &len);
    PyErr_Clear();
    if (buf == NULL)
        return Py_BuildValue("On", Py_None, len);
    return Py_BuildValue("kn", shapes_digest(buf, len), len);
}

/* return_none(list, obj) -> None: appends digest(obj) to list unless obj is
 * empty. Returns hidden in Py_RETURN_NONE after the acquisition. */
static PyObject *
return_none(PyObject *self, PyObject *args)
{
    PyObject *list, *obj, *item;
    const char *data;
    Py_ssize_t len;
    int rc;

    if (!PyArg_ParseTuple(args, "O!O:return_none", &PyList_Type, &list, &obj))
        return NULL;
    if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
        return NULL;
    if (len == 0)
        Py_RETURN_NONE;
    item = PyLong_FromUnsignedLong(shapes_digest(data, len));
    if (item == NULL)
        return NULL;
    rc = PyList_Append(list, item);
    Py_DECREF(item);
    if (rc < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* starts_with_nul(obj) -> bool. Py_RETURN_TRUE / Py_RETURN_FALSE. */
static PyObject *
starts_with_nul(PyObject *self, PyObject *obj)
{
    const char *data;
    Py_ssize_t len;

    if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
        return NULL;
    if (len > 0 && data[0] == '\0')
        Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

/* fill(buffer, value) -> None: sets every byte of a writable buffer.
 * PyObject_AsWriteBuffer with a `void *` target. */
static PyObject *
fill(PyObject *self, PyObject *args)
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

/* invert(buffer) -> length: flips every bit of a writable buffer.
 * PyObject_AsWriteBuffer with a `char *` target through a (void **) cast. */
static PyObject *
invert(PyObject *self, PyObject *obj)
{
    char *buf;
    Py_ssize_t len, i;

    if (PyObject_AsWriteBuffer(obj, (void **)&buf, &len) != 0)
        return NULL;
    for (i = 0; i < len; i++)
        buf[i] = (char)~buf[i];
    return PyLong_FromSsize_t(len);
}

/* is_buffer(obj) -> bool. PyObject_CheckReadBuffer as a predicate. */
static PyObject *
is_buffer(PyObject *self, PyObject *obj)
{
    return PyBool_FromLong(PyObject_CheckReadBuffer(obj));
}

/* A `char *` target passed through a (const char **) cast. */
static PyObject *
mutable_char(PyObject *self, PyObject *obj)
{
    char *data;
    Py_ssize_t len;

    if (PyObject_AsCharBuffer(obj, (const char **)&data, &len) < 0)
        return NULL;
    return digest_result(data, len);
}

/* Targets that are struct members: the pointer escapes into an aggregate,
 * so the fix keeps the old lifetime (released right after the copy). */
static PyObject *
member(PyObject *self, PyObject *obj)
{
    struct span s;

    if (PyObject_AsCharBuffer(obj, &s.data, &s.len) < 0)
        return NULL;
    return digest_result(s.data, s.len);
}

/* An out-parameter: the pointer leaves through *pp, so the fix keeps the old
 * lifetime. */
static int
get_span(PyObject *obj, const char **pp, Py_ssize_t *plen)
{
    if (PyObject_AsCharBuffer(obj, pp, plen) < 0)
        return -1;
    return 0;
}

static PyObject *
out_param(PyObject *self, PyObject *obj)
{
    const char *data;
    Py_ssize_t len;

    if (get_span(obj, &data, &len) < 0)
        return NULL;
    return digest_result(data, len);
}

/* An int length through a project typedef, passed with a (Py_ssize_t *)
 * cast as legacy code did. On LP64 the removed function stores a whole
 * Py_ssize_t there, so the legacy code gives it a union wide enough for that
 * store (x86-64 is little-endian: the int member reads the low half). */
static PyObject *
int_typedef_len(PyObject *self, PyObject *obj)
{
    const char *data;
    union {
        Py_ssize_t wide;
        shape_len_t len;
    } n;

    if (PyObject_AsCharBuffer(obj, &data, (Py_ssize_t *)&n.len) < 0)
        return NULL;
    return Py_BuildValue("ki", shapes_digest(data, n.len), n.len);
}

/* copy_into(dst, src) -> length copied. Several calls in one function: a
 * failure of the second, or a short destination (ValueError), must release
 * the first. */
static PyObject *
copy_into(PyObject *self, PyObject *args)
{
    PyObject *dst, *src;
    const void *from;
    void *to;
    Py_ssize_t from_len, to_len;

    if (!PyArg_ParseTuple(args, "OO:copy_into", &dst, &src))
        return NULL;
    if (PyObject_AsReadBuffer(src, &from, &from_len) < 0)
        return NULL;
    if (PyObject_AsWriteBuffer(dst, &to, &to_len) < 0)
        return NULL;
    if (to_len < from_len) {
        PyErr_SetString(PyExc_ValueError, "destination too small");
        return NULL;
    }
    memmove(to, from, (size_t)from_len); /* dst may be src */
    return PyLong_FromSsize_t(from_len);
}

/* else_branch(obj): the failure branch returns and the work is in an
 * else branch. */
static PyObject *
else_branch(PyObject *self, PyObject *obj)
{
    const char *data;
    Py_ssize_t len;
    unsigned long h;

    if (PyObject_AsCharBuffer(obj, &data, &len) < 0) {
        return NULL;
    }
    else {
        h = shapes_digest(data, len);
    }
    return Py_BuildValue("kn", h, len);
}

/* A do { ... return ...; } while (0) error macro, as extensions define them. */
#define FAIL(exc, msg)                  \
    do {                                \
        PyErr_SetString((exc), (msg));  \
        return NULL;                    \
    } while (0)

/* macro_fail(obj): the failure branch leaves through FAIL (TypeError, for a
 * non-contiguous buffer too), and so does a buffer longer than 64 bytes after
 * the acquisition (ValueError). */
static PyObject *
macro_fail(PyObject *self, PyObject *obj)
{
    const char *data;
    Py_ssize_t len;

    if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
        FAIL(PyExc_TypeError, "expected a contiguous buffer");
    if (len > 64)
        FAIL(PyExc_ValueError, "at most 64 bytes");
    return digest_result(data, len);
}

/* done_label(obj): success and failure meet at one exit label that returns
 * the result; a buffer starting with '-' jumps there after the acquisition
 * (ValueError). */
static PyObject *
done_label(PyObject *self, PyObject *obj)
{
    PyObject *result = NULL;
    const char *data;
    Py_ssize_t len;

    if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
        goto done;
    if (len > 0 && data[0] == '-') {
        PyErr_SetString(PyExc_ValueError, "negative");
        goto done;
    }
    result = Py_BuildValue("kn", shapes_digest(data, len), len);
done:
    return result;
}

/* nested_label(obj): the pointer is declared in a nested block, and two
 * gotos after the acquisition leave that block for one label (ValueError for
 * a buffer starting with '-' or '!'): Lifetime declares the view at the top
 * of the function and releases it once, after that label. */
static PyObject *
nested_label(PyObject *self, PyObject *obj)
{
    PyObject *result = NULL;

    {
        const char *data;
        Py_ssize_t len;

        if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
            goto fail;
        if (len > 0 && data[0] == '-')
            goto invalid;
        if (len > 0 && data[0] == '!')
            goto invalid;
        result = digest_result(data, len);
    }
    return result;
invalid:
    PyErr_SetString(PyExc_ValueError, "starts with '-' or '!'");
fail:
    return NULL;
}

/* success_block_label(obj): the work is in the success branch, which leaves
 * for `done:` (ValueError for a buffer starting with '-') or runs into it:
 * one release, after the label. */
static PyObject *
success_block_label(PyObject *self, PyObject *obj)
{
    PyObject *result = NULL;
    const char *data;
    Py_ssize_t len;

    if (PyObject_AsCharBuffer(obj, &data, &len) == 0) {
        if (len > 0 && data[0] == '-') {
            PyErr_SetString(PyExc_ValueError, "negative");
            goto done;
        }
        result = digest_result(data, len);
    }
done:
    return result;
}

/* case_return(obj): returns under case labels (ValueError for a buffer
 * starting with '-' or '!'), the releases go right after the labels; the
 * declarations share one line. */
static PyObject *
case_return(PyObject *self, PyObject *obj)
{
    const char *data; Py_ssize_t len;

    if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
        return NULL;
    switch (len > 0 ? data[0] : 0) {
    case '-':
        PyErr_SetString(PyExc_ValueError, "negative");
        return NULL;
    case '!':
        return PyErr_Format(PyExc_ValueError, "bang");
    default:
        break;
    }
    return digest_result(data, len);
}

/* member_and_local(a, b) -> (digest(a), len(a), digest(b), len(b)).
 * Two calls in one condition; the first reads into a struct member (its
 * pointer escapes: released right after the copy), the second into a local.
 * When the second fails, the first must not keep its export. */
static PyObject *
member_and_local(PyObject *self, PyObject *args)
{
    PyObject *a, *b;
    struct span s;
    const char *y;
    Py_ssize_t ylen;

    if (!PyArg_ParseTuple(args, "OO:member_and_local", &a, &b))
        return NULL;
    if (PyObject_AsCharBuffer(a, &s.data, &s.len) < 0 ||
        PyObject_AsCharBuffer(b, &y, &ylen) < 0)
        return NULL;
    return Py_BuildValue("knkn", shapes_digest(s.data, s.len), s.len,
                         shapes_digest(y, ylen), ylen);
}

static PyMethodDef buffer_shapes_methods[] = {
    {"lt_zero", lt_zero, METH_O, NULL},
    {"eq_minus_one", eq_minus_one, METH_O, NULL},
    {"ne_zero_goto", ne_zero_goto, METH_VARARGS, NULL},
    {"if_call", if_call, METH_O, NULL},
    {"break_on_error", break_on_error, METH_O, NULL},
    {"continue_on_error", continue_on_error, METH_O, NULL},
    {"not_call", not_call, METH_O, NULL},
    {"eq_zero", eq_zero, METH_O, NULL},
    {"stored_status", stored_status, METH_O, NULL},
    {"or_chain", or_chain, METH_VARARGS, NULL},
    {"and_chain", and_chain, METH_VARARGS, NULL},
    {"two_in_one", two_in_one, METH_VARARGS, NULL},
    {"ignored", ignored, METH_O, NULL},
    {"ignored_void", ignored_void, METH_O, NULL},
    {"return_none", return_none, METH_VARARGS, NULL},
    {"starts_with_nul", starts_with_nul, METH_O, NULL},
    {"fill", fill, METH_VARARGS, NULL},
    {"invert", invert, METH_O, NULL},
    {"is_buffer", is_buffer, METH_O, NULL},
    {"mutable_char", mutable_char, METH_O, NULL},
    {"member", member, METH_O, NULL},
    {"out_param", out_param, METH_O, NULL},
    {"int_typedef_len", int_typedef_len, METH_O, NULL},
    {"copy_into", copy_into, METH_VARARGS, NULL},
    {"else_branch", else_branch, METH_O, NULL},
    {"macro_fail", macro_fail, METH_O, NULL},
    {"done_label", done_label, METH_O, NULL},
    {"nested_label", nested_label, METH_O, NULL},
    {"success_block_label", success_block_label, METH_O, NULL},
    {"case_return", case_return, METH_O, NULL},
    {"member_and_local", member_and_local, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef buffer_shapes_module = {
    PyModuleDef_HEAD_INIT, "buffer_shapes",
    "Every shape of the removed buffer functions (pycapi-migrate e2e test).",
    -1, buffer_shapes_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_buffer_shapes(void)
{
    PyObject *m = PyModule_Create(&buffer_shapes_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddFunctions(m, buffer_shapes_cxx_methods) < 0 ||
        buffer_shapes_add_exporter(m) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
