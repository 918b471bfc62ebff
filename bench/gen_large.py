"""Generates the benchmark's large tier: single translation units of 8,000 to
12,000 lines shaped like the files on which the checks cost the most (issue
16), each including the real <Python.h>:

  cpython-module        a CPython module vendored by a project: 300 and more
                        functions, each an Argument Clinic block
                        (/*[clinic input] ... [clinic start generated code]*/),
                        its generated wrapper and the *_impl it calls; macros
                        of its own, many `_Py` names, `#if PY_VERSION_HEX`
                        nested 3 to 5 deep, Py_BEGIN_ALLOW_THREADS
  cpython-module-nobuf  the same module with its removed buffer calls written
                        with PyObject_GetBuffer/PyBuffer_Release: no removed
                        buffer function anywhere (the buffer check must cost
                        nothing on it)
  cython                Cython output: a preamble of 2,000 to 3,000 lines of
                        #ifndef/#define compat macros, CYTHON_* guards and
                        __Pyx_ helpers, then many small __pyx_ functions that
                        leave through `goto __pyx_L1_error`
  cxx                   a C++ extension (.cpp): class templates, RAII wrappers
                        around PyObject*, lambdas, explicit instantiations and
                        standard library headers

Each file has a few uses of API CPython removed in 3.13 (what the checks find:
`expected` counts them per check), the rest is current API. The `_Py` names
come from a list below that this script checks against the project's data
tables (data/cpython-removed-api.tsv, data/cpython-3.13-api-names.tsv): the
ones used as current API must be declared by 3.13 and not reported at the
default target (3.13), the removed ones must be removed in 3.13. Every file
compiles against Python 3.11's headers (clang -fsyntax-only -Wall).

Deterministic: random.Random seeded with the shape's name and the scale, so
the same arguments give byte-identical files. `scale` below 1 gives a smaller
file of the same shape (the smoke run uses it).

    python3 bench/gen_large.py SHAPE [--scale S] > file
"""
import argparse
import csv
import os
import random
import sys

SHAPES = ("cpython-module", "cpython-module-nobuf", "cython", "cxx")
SUFFIX = {"cxx": ".cpp"}
# What the full-size files aim at (lines); a file stops growing past it.
TARGET_LINES = {"cpython-module": 11900, "cpython-module-nobuf": 11900, "cython": 10000, "cxx": 9500}

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "data")

# `_Py` names the generated code uses as current API (checked in
# check_names: declared by 3.13, not reported at the default target).
CURRENT_PRIVATE = [
    "_PyBytes_Resize", "_PyTuple_Resize", "_PyLong_Sign", "_PyLong_NumBits", "_PyLong_GCD",
    "_PyLong_Copy", "_PyDict_NewPresized", "_PyDict_Pop", "_PyType_Name", "_PyObject_GetDictPtr",
    "_Py_HashDouble", "_PyEval_SliceIndex", "_PyObject_FunctionStr", "_PyBytes_Join",
    "_PyUnicodeWriter_Init", "_PyUnicodeWriter_WriteStr", "_PyUnicodeWriter_WriteChar",
    "_PyUnicodeWriter_Finish", "_PyUnicodeWriter_Dealloc", "_PyType_Lookup", "_PyCFunction_CAST",
    "_PyLong_FromByteArray", "_PyLong_AsByteArray", "_PyUnicode_IsWhitespace", "_Py_NewRef",
]
# Names the generated code uses that CPython removed in 3.13 (findings).
REMOVED = {
    "PyObject_AsCharBuffer": "pycapi-removed-buffer-api",
    "PyObject_AsReadBuffer": "pycapi-removed-buffer-api",
    "PyObject_CheckReadBuffer": "pycapi-removed-buffer-api",
    "_PyLong_AsInt": "pycapi-removed-private-api",
    "_PyArg_CheckPositional": "pycapi-removed-private-api",
    "_PyObject_LookupAttrId": "pycapi-removed-private-api",
    "PyEval_CallObject": "pycapi-removed-api",
    "PyEval_CallFunction": "pycapi-removed-api",
}


def read_tsv(name):
    with open(os.path.join(DATA, name), newline="") as f:
        lines = [l for l in f if not l.startswith("#")]
    return {row["name"]: row for row in csv.DictReader(lines, delimiter="\t")}


def check_names():
    """Fails when a name's status in the data tables is not what the
    generator assumes (the tables change; the bench's expectations must not
    silently drift with them)."""
    removed = read_tsv("cpython-removed-api.tsv")
    current = read_tsv("cpython-3.13-api-names.tsv")
    for name in CURRENT_PRIVATE:
        row = removed.get(name)
        if name not in current or (row and (row["removed_in"] == "3.13" or row["planned"] != "yes")):
            sys.exit(f"gen_large: {name} is not current API at 3.13 by data/ (update CURRENT_PRIVATE)")
    for name, check in REMOVED.items():
        row = removed.get(name)
        if not row or row["removed_in"] != "3.13" or row["planned"] == "yes" or "pycapi-" + row["check"] != check:
            sys.exit(f"gen_large: {name} is not removed in 3.13 by {check} in data/ (update REMOVED)")


class Writer:
    """Collects lines and counts the removed-API uses written outside any
    guard (what the checks must report)."""

    def __init__(self):
        self.parts, self.lines = [], 0
        self.expected = {c: 0 for c in sorted(set(REMOVED.values()))}

    def add(self, text, uses=()):
        self.parts.append(text)
        self.lines += text.count("\n")
        for name in uses:
            self.expected[REMOVED[name]] += 1

    def text(self):
        return "".join(self.parts)


# --------------------------------------------------------------------------
# cpython-module

CPY_HEAD = """\
/*
 * _{mod}: generated by bench/gen_large.py (shape {shape}); a CPython module
 * vendored into a project, in the shape of the modules in CPython's Modules/:
 * Argument Clinic blocks, generated wrappers, private API, version guards.
 * Used only to measure pycapi-migrate.
 */
#define PY_SSIZE_T_CLEAN
#include "Python.h"
#include "structmember.h"
#include <stddef.h>
#include <string.h>
#include <limits.h>

#ifndef Py_BUILD_CORE_BUILTIN
#  define {MOD}_VENDORED 1
#endif

#if PY_VERSION_HEX >= 0x030A0000
#  define {MOD}_HAVE_NEWREF 1
#  if PY_VERSION_HEX >= 0x030B0000
#    define {MOD}_HAVE_311 1
#    if PY_VERSION_HEX >= 0x030C0000
#      define {MOD}_HAVE_312 1
#      if PY_VERSION_HEX >= 0x030D0000
#        define {MOD}_HAVE_313 1
#      endif
#    endif
#  endif
#endif

#ifdef {MOD}_HAVE_NEWREF
#  define {MOD}_NEWREF(o) Py_NewRef(o)
#else
#  define {MOD}_NEWREF(o) (Py_INCREF(o), (o))
#endif

#define {MOD}_CHECK_INDEX(i, n)                                         \\
    do {{                                                               \\
        if ((i) < 0 || (i) >= (n)) {{                                     \\
            PyErr_SetString(PyExc_IndexError, "index out of range");    \\
            goto error;                                                 \\
        }}                                                              \\
    }} while (0)
#define {MOD}_RETURN_IF_NULL(x) do {{ if ((x) == NULL) return NULL; }} while (0)
#define {MOD}_STATE(m) ((_{mod}_state *)PyModule_GetState(m))
#define {MOD}_SCALE(x, k) ((x) * (k) + ((k) >> 1))
#define {MOD}_MIN(a, b) ((a) < (b) ? (a) : (b))
#define {MOD}_MAX(a, b) ((a) > (b) ? (a) : (b))
#define {MOD}_ERR(msg) (PyErr_SetString(PyExc_ValueError, (msg)), (PyObject *)NULL)

typedef struct {{
    PyObject *error;
    PyObject *cache;
    PyObject *empty;
    Py_ssize_t calls;
}} _{mod}_state;

_Py_IDENTIFIER(write);

/*[clinic input]
module _{mod}
[clinic start generated code]*/
/*[clinic end generated code: output=da39a3ee5e6b4b0d input=da39a3ee5e6b4b0d]*/

"""

# The clinic signature kinds: (parameters in the clinic block, C parameters,
# the wrapper's flags, the wrapper's parsing code).
CPY_SIGS = [
    ("    obj: object\n    /", "PyObject *obj", "METH_O", None),
    ("    obj: object\n    n: Py_ssize_t = 0\n    /", "PyObject *obj, Py_ssize_t n", "METH_FASTCALL", "obj_n"),
    ("    a: object\n    b: object\n    /", "PyObject *a, PyObject *b", "METH_FASTCALL", "a_b"),
    ("    obj: object\n    *\n    flag: bool = False", "PyObject *obj, int flag", "METH_VARARGS|METH_KEYWORDS",
     "kw"),
]

# Impl bodies; {P} is the module prefix, {k} a number. Each uses the
# parameter `obj` (or `a`): the signature kinds map onto it below.
CPY_BODIES = [
    """\
    PyObject *items = PySequence_List(obj), *result = NULL;
    Py_ssize_t i, len;
    {P}_RETURN_IF_NULL(items);
    len = PyList_GET_SIZE(items);
    result = PyTuple_New(len);
    if (result == NULL)
        goto error;
    for (i = 0; i < len; i++) {{
        PyObject *item = PyList_GET_ITEM(items, i);
        PyTuple_SET_ITEM(result, i, {P}_NEWREF(item));
    }}
    if (len > {k} && _PyTuple_Resize(&result, {k}) < 0)
        goto error;
    Py_DECREF(items);
    return result;
error:
    Py_XDECREF(result);
    Py_DECREF(items);
    return NULL;
""",
    """\
    Py_ssize_t size = PyObject_Length(obj);
    PyObject *out;
    if (size < 0)
        return NULL;
    out = PyBytes_FromStringAndSize(NULL, size + {k});
    {P}_RETURN_IF_NULL(out);
    memset(PyBytes_AS_STRING(out), {k} & 0x7f, (size_t)size + {k});
    if (_PyBytes_Resize(&out, {P}_MAX(size, 1)) < 0)
        return NULL;
    return out;
""",
    """\
    int sign;
    size_t bits;
    if (!PyLong_Check(obj))
        return {P}_ERR("expected an int");
    sign = _PyLong_Sign(obj);
    bits = _PyLong_NumBits(obj);
    if (bits == (size_t)-1 && PyErr_Occurred())
        return NULL;
#if PY_VERSION_HEX >= 0x03080000
#  if PY_VERSION_HEX >= 0x03090000
#    if PY_VERSION_HEX >= 0x030A0000
    return Py_BuildValue("(inn)", sign, (Py_ssize_t)bits, (Py_ssize_t){k});
#    else
    return Py_BuildValue("(in)", sign, (Py_ssize_t)bits);
#    endif
#  else
    return PyLong_FromLong(sign);
#  endif
#else
    return NULL;
#endif
""",
    """\
    PyObject *d = _PyDict_NewPresized({k});
    PyObject *key, *value, *popped;
    {P}_RETURN_IF_NULL(d);
    key = PyLong_FromLong({k});
    if (key == NULL || PyDict_SetItem(d, key, obj) < 0)
        goto error;
    popped = _PyDict_Pop(d, key, Py_None);
    if (popped == NULL)
        goto error;
    value = PyTuple_Pack(2, popped, d);
    Py_DECREF(popped);
    Py_DECREF(key);
    Py_DECREF(d);
    return value;
error:
    Py_XDECREF(key);
    Py_DECREF(d);
    return NULL;
""",
    """\
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *name, *attr;
#if PY_VERSION_HEX >= 0x030B0000
#  if defined({P}_HAVE_311)
#    if PY_VERSION_HEX >= 0x030C0000
    name = PyType_GetQualName(tp);
#    else
    name = PyUnicode_FromString(_PyType_Name(tp));
#    endif
#  else
    name = PyUnicode_FromString(tp->tp_name);
#  endif
#else
    name = PyUnicode_FromString(tp->tp_name);
#endif
    {P}_RETURN_IF_NULL(name);
    attr = _PyType_Lookup(tp, name);
    if (attr == NULL)
        return name;
    Py_DECREF(name);
    return {P}_NEWREF(attr);
""",
    """\
    _PyUnicodeWriter writer;
    Py_ssize_t i;
    _PyUnicodeWriter_Init(&writer);
    writer.overallocate = 1;
    for (i = 0; i < {k} % 7 + 1; i++) {{
        PyObject *s = PyObject_Str(obj);
        if (s == NULL)
            goto error;
        if (_PyUnicodeWriter_WriteStr(&writer, s) < 0) {{
            Py_DECREF(s);
            goto error;
        }}
        Py_DECREF(s);
        if (_PyUnicodeWriter_WriteChar(&writer, ',') < 0)
            goto error;
    }}
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
""",
    """\
    double x = PyFloat_AsDouble(obj);
    Py_hash_t h;
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    x = {P}_SCALE(x, {k});
    Py_END_ALLOW_THREADS
    h = _Py_HashDouble(obj, x);
    return PyLong_FromSsize_t((Py_ssize_t)h);
""",
    """\
    Py_ssize_t index = {k};
    PyObject *list = PySequence_List(obj);
    {P}_RETURN_IF_NULL(list);
    if (!_PyEval_SliceIndex(obj, &index) && PyErr_Occurred())
        PyErr_Clear();
    {P}_CHECK_INDEX(index, PyList_GET_SIZE(list));
    {{
        PyObject *item = {P}_NEWREF(PyList_GET_ITEM(list, index));
        Py_DECREF(list);
        return item;
    }}
error:
    Py_DECREF(list);
    return NULL;
""",
    """\
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    PyObject *fs;
    if (dictptr != NULL && *dictptr != NULL)
        return PyDict_Copy(*dictptr);
    fs = _PyObject_FunctionStr(obj);
    {P}_RETURN_IF_NULL(fs);
#if PY_VERSION_HEX >= 0x03090000
#  if PY_VERSION_HEX >= 0x030A0000
#    if PY_VERSION_HEX >= 0x030B0000
#      if PY_VERSION_HEX >= 0x030C0000
    return PyUnicode_FromFormat("%U/%d", fs, {k});
#      else
    {{
        PyObject *r = PyUnicode_FromFormat("%U:%d", fs, {k});
        Py_DECREF(fs);
        return r;
    }}
#      endif
#    else
    return fs;
#    endif
#  else
    return fs;
#  endif
#else
    return fs;
#endif
""",
    """\
    unsigned char buf[16];
    PyObject *copy, *gcd;
    if (!PyLong_Check(obj))
        return {P}_ERR("expected an int");
    if (_PyLong_AsByteArray((PyLongObject *)obj, buf, sizeof(buf), 1, 1) < 0)
        return NULL;
    copy = _PyLong_FromByteArray(buf, sizeof(buf), 1, 1);
    {P}_RETURN_IF_NULL(copy);
    gcd = _PyLong_GCD(copy, obj);
    Py_DECREF(copy);
    return gcd;
""",
    """\
    PyObject *seq = PySequence_Fast(obj, "expected a sequence");
    PyObject *sep, *joined;
    {P}_RETURN_IF_NULL(seq);
    sep = PyBytes_FromStringAndSize("-", 1);
    if (sep == NULL) {{
        Py_DECREF(seq);
        return NULL;
    }}
    joined = _PyBytes_Join(sep, seq);
    Py_DECREF(sep);
    Py_DECREF(seq);
    return joined;
""",
    """\
    Py_ssize_t i, len;
    const char *s = PyUnicode_AsUTF8AndSize(obj, &len);
    Py_ssize_t spaces = 0;
    if (s == NULL)
        return NULL;
    for (i = 0; i < len; i++)
        spaces += _PyUnicode_IsWhitespace((Py_UCS4)(unsigned char)s[i]) != 0;
    return PyLong_FromSsize_t(spaces + {k});
""",
]

# Short impls, as many real module functions are (one or two calls).
CPY_SHORT_BODIES = [
    """\
    return PyLong_FromSsize_t(PyObject_Length(obj) + {k});
""",
    """\
    {P}_RETURN_IF_NULL(obj);
    return PyObject_RichCompare(obj, Py_None, Py_EQ);
""",
    """\
    _{mod}_state *st = {P}_STATE(module);
    st->calls += {k};
    return PyObject_GetItem(st->cache, obj);
""",
    """\
    if (PyObject_IsTrue(obj) > 0)
        Py_RETURN_TRUE;
    return PyErr_Occurred() ? NULL : {P}_NEWREF(Py_False);
""",
    """\
    return PyUnicode_FromString(_PyType_Name(Py_TYPE(obj)));
""",
    """\
    PyObject *copy = PyLong_Check(obj) ? _PyLong_Copy((PyLongObject *)obj) : NULL;
    return copy != NULL ? copy : {P}_ERR("expected an int");
""",
]

# Uses of removed API (each with the names it uses, for `expected`).
CPY_REMOVED_BODIES = [
    ("""\
    const char *data;
    Py_ssize_t size, i, count = 0;
    if (PyObject_AsCharBuffer(obj, &data, &size) < 0)
        return NULL;
    for (i = 0; i < size; i++)
        count += data[i] == {k};
    return PyLong_FromSsize_t(count);
""", """\
    Py_buffer view;
    Py_ssize_t i, count = 0;
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    for (i = 0; i < view.len; i++)
        count += ((const char *)view.buf)[i] == {k};
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(count);
""", ["PyObject_AsCharBuffer"]),
    ("""\
    const void *data;
    Py_ssize_t size;
    if (!PyObject_CheckReadBuffer(obj))
        Py_RETURN_NONE;
    if (PyObject_AsReadBuffer(obj, &data, &size) < 0)
        return NULL;
    return PyLong_FromSsize_t(size + {k});
""", """\
    Py_buffer view;
    Py_ssize_t size;
    if (!PyObject_CheckBuffer(obj))
        Py_RETURN_NONE;
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    size = view.len;
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(size + {k});
""", ["PyObject_CheckReadBuffer", "PyObject_AsReadBuffer"]),
    ("""\
    int v = _PyLong_AsInt(obj);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong((long)v * {k});
""", None, ["_PyLong_AsInt"]),
    ("""\
    PyObject *value;
    if (_PyObject_LookupAttrId(obj, &PyId_write, &value) < 0)
        return NULL;
    if (value == NULL)
        Py_RETURN_NONE;
    return value;
""", None, ["_PyObject_LookupAttrId"]),
    ("""\
    PyObject *args = PyTuple_Pack(1, obj), *result;
    {P}_RETURN_IF_NULL(args);
    result = PyEval_CallObject(obj, args);
    Py_DECREF(args);
    return result;
""", None, ["PyEval_CallObject"]),
    # Guarded: the 3.13 branch is the one compiled at the target, so the
    # removed name in the other branch is no finding.
    ("""\
    int v;
#if PY_VERSION_HEX >= 0x030D0000
    v = PyLong_AsInt(obj);
#else
    v = _PyLong_AsInt(obj);
#endif
    if (v == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(v + {k});
""", None, []),
]


def cpy_wrapper(prefix, name, sig, uses):
    """The Argument Clinic style wrapper of one function."""
    params, cparams, flags, parse = sig
    impl = f"{prefix}_impl"
    if parse is None:
        return "", flags
    if parse == "obj_n":
        check = (f"    if (!_PyArg_CheckPositional(\"{name}\", nargs, 1, 2)) {{\n        goto exit;\n    }}\n"
                 if "_PyArg_CheckPositional" in uses else
                 f"    if (nargs < 1 || nargs > 2) {{\n        PyErr_Format(PyExc_TypeError, "
                 f"\"{name}() takes 1 or 2 arguments (%zd given)\", nargs);\n        goto exit;\n    }}\n")
        return (f"""
static PyObject *
{prefix}(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{{
    PyObject *return_value = NULL;
    PyObject *obj;
    Py_ssize_t n = 0;

{check}    obj = args[0];
    if (nargs < 2) {{
        goto skip_optional;
    }}
    {{
        Py_ssize_t ival = -1;
        PyObject *iobj = PyNumber_Index(args[1]);
        if (iobj != NULL) {{
            ival = PyLong_AsSsize_t(iobj);
            Py_DECREF(iobj);
        }}
        if (ival == -1 && PyErr_Occurred()) {{
            goto exit;
        }}
        n = ival;
    }}
skip_optional:
    return_value = {impl}(module, obj, n);

exit:
    return return_value;
}}
""", flags)
    if parse == "a_b":
        return (f"""
static PyObject *
{prefix}(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{{
    PyObject *return_value = NULL;
    PyObject *a;
    PyObject *b;

    if (nargs != 2) {{
        PyErr_Format(PyExc_TypeError, "{name}() takes exactly 2 arguments (%zd given)", nargs);
        goto exit;
    }}
    a = args[0];
    b = args[1];
    return_value = {impl}(module, a, b);

exit:
    return return_value;
}}
""", flags)
    return (f"""
static PyObject *
{prefix}(PyObject *module, PyObject *args, PyObject *kwargs)
{{
    PyObject *return_value = NULL;
    static char *_keywords[] = {{"", "flag", NULL}};
    PyObject *obj;
    int flag = 0;

    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|$p:{name}", _keywords,
        &obj, &flag)) {{
        goto exit;
    }}
    return_value = {impl}(module, obj, flag);

exit:
    return return_value;
}}
""", flags)


def gen_cpython_module(shape, scale):
    rng = random.Random(f"{shape}:{scale}")
    nobuf = shape.endswith("-nobuf")
    mod = "vendored"
    P = mod.upper()
    w = Writer()
    w.add(CPY_HEAD.format(mod=mod, MOD=P, shape=shape))
    target = int(TARGET_LINES[shape] * scale)
    n_funcs = max(4, int(310 * scale))
    # Which functions use removed API: a few, spread over the file.
    removed_at = {int(i * n_funcs / 8) + 3: i % len(CPY_REMOVED_BODIES) for i in range(8)}
    positional_at = {n_funcs // 3, 2 * n_funcs // 3}  # wrappers that call _PyArg_CheckPositional
    methods = []
    i = 0
    while i < n_funcs and w.lines < target - n_funcs - 60:
        name = f"op_{i}"
        prefix = f"_{mod}_{name}"
        sig = CPY_SIGS[1] if i in positional_at else rng.choices(CPY_SIGS, weights=(64, 14, 12, 10))[0]
        params, cparams, flags, parse = sig
        k = rng.randrange(2, 97)
        uses = []
        if i in removed_at:
            body, newbody, names = CPY_REMOVED_BODIES[removed_at[i]]
            if nobuf and newbody:
                body, names = newbody, []
            uses += names
        else:
            body = rng.choice(CPY_BODIES) if rng.randrange(5) < 2 else rng.choice(CPY_SHORT_BODIES)
        if i in positional_at:
            uses.append("_PyArg_CheckPositional")
        body = body.format(P=P, k=k, mod=mod)
        if cparams.startswith("PyObject *a,"):
            body = "    PyObject *obj = a;\n    (void)b;\n" + body
        elif cparams.endswith("Py_ssize_t n"):
            body = "    (void)n;\n" + body
        elif cparams.endswith("int flag"):
            body = "    (void)flag;\n" + body
        doc = f"Return what op {i} computes from its argument (generated, {k})."
        upper = f"_{P}_{name.upper()}_METHODDEF"
        wrapper, flags = cpy_wrapper(prefix, name, sig, uses)
        impl = prefix + "_impl" if wrapper else prefix
        cast = "(PyCFunction)" if parse is None else "_PyCFunction_CAST("
        proto = f"static PyObject *\n{impl}(PyObject *module, {cparams});\n" if wrapper else ""
        text = f"""/*[clinic input]
_{mod}.{name}

{params}

{doc}
[clinic start generated code]*/

PyDoc_STRVAR({prefix}__doc__, "{name}($module, /, *args)\\n--\\n\\n{doc}");
#define {upper}    \\
    {{"{name}", {cast}{prefix}{")" if parse else ""}, {flags}, {prefix}__doc__}},

{proto}{wrapper}
static PyObject *
{impl}(PyObject *module, {cparams})
/*[clinic end generated code: output={rng.getrandbits(64):016x} input={rng.getrandbits(64):016x}]*/
{{
{body}}}

"""
        w.add(text, uses)
        methods.append(upper)
        i += 1
    w.add(f"static PyMethodDef _{mod}_methods[] = {{\n"
          + "".join(f"    {m}\n" for m in methods)
          + "    {NULL, NULL, 0, NULL}\n};\n")
    w.add(f"""
static int
_{mod}_exec(PyObject *module)
{{
    _{mod}_state *st = {P}_STATE(module);
    st->error = PyErr_NewException("_{mod}.Error", NULL, NULL);
    if (st->error == NULL || PyModule_AddObjectRef(module, "Error", st->error) < 0)
        return -1;
    st->cache = PyDict_New();
    st->empty = PyTuple_New(0);
    st->calls = 0;
    (void)&PyId_write;
    return (st->cache == NULL || st->empty == NULL) ? -1 : 0;
}}

static int
_{mod}_traverse(PyObject *module, visitproc visit, void *arg)
{{
    _{mod}_state *st = {P}_STATE(module);
    Py_VISIT(st->error);
    Py_VISIT(st->cache);
    Py_VISIT(st->empty);
    return 0;
}}

static int
_{mod}_clear(PyObject *module)
{{
    _{mod}_state *st = {P}_STATE(module);
    Py_CLEAR(st->error);
    Py_CLEAR(st->cache);
    Py_CLEAR(st->empty);
    return 0;
}}

static PyModuleDef_Slot _{mod}_slots[] = {{
    {{Py_mod_exec, _{mod}_exec}},
    {{0, NULL}}
}};

static struct PyModuleDef _{mod}module = {{
    PyModuleDef_HEAD_INIT,
    "_{mod}",
    NULL,
    sizeof(_{mod}_state),
    _{mod}_methods,
    _{mod}_slots,
    _{mod}_traverse,
    _{mod}_clear,
    NULL
}};

PyMODINIT_FUNC
PyInit__{mod}(void)
{{
    return PyModuleDef_Init(&_{mod}module);
}}
""")
    return w


# --------------------------------------------------------------------------
# cython

# Feature flags of the preamble: each gets a value per Python implementation
# (PyPy, GraalPy, the limited API, CPython), as Cython's preamble does.
CY_FEATURES = [
    "USE_TYPE_SLOTS", "USE_TYPE_SPECS", "USE_PYTYPE_LOOKUP", "USE_ASYNC_SLOTS", "USE_PYLIST_INTERNALS",
    "USE_UNICODE_INTERNALS", "USE_UNICODE_WRITER", "AVOID_BORROWED_REFS", "ASSUME_SAFE_MACROS",
    "UNPACK_METHODS", "FAST_THREAD_STATE", "FAST_GIL", "METH_FASTCALL", "FAST_PYCALL",
    "PEP489_MULTI_PHASE_INIT", "USE_TP_FINALIZE", "USE_DICT_VERSIONS", "USE_EXC_INFO_STACK",
    "UPDATE_DESCRIPTOR_DOC", "USE_FREELISTS", "USE_PYLONG_INTERNALS", "USE_MODULE_STATE",
    "COMPILING_IN_NOGIL", "USE_SYS_MONITORING", "FAST_PYCCALL", "CLINE_IN_TRACEBACK",
    "PROFILE", "TRACE", "USE_AM_SEND", "USE_FREETHREADING",
]
CY_IMPLS = ["defined(PYPY_VERSION)", "defined(GRAALVM_PYTHON)", "defined(Py_LIMITED_API)",
            "defined(Py_GIL_DISABLED)"]


def cy_preamble(rng, w, target):
    w.add("""\
/* Generated by bench/gen_large.py (shape cython): the shape of Cython's C
 * output, written for the benchmark only: a long preamble of compat macros
 * and guards, then many small functions. */
#ifndef PY_SSIZE_T_CLEAN
#define PY_SSIZE_T_CLEAN
#endif
#include "Python.h"
#include <stddef.h>
#include <string.h>
#include <math.h>
#ifndef Py_PYTHON_H
    #error Python headers needed to compile C extensions, please install development version of Python.
#elif PY_VERSION_HEX < 0x02070000 || (0x03000000 <= PY_VERSION_HEX && PY_VERSION_HEX < 0x03030000)
    #error Cython requires Python 2.7+ or Python 3.3+.
#else
#define CYTHON_ABI "3_0_generated"
#define __PYX_ABI_MODULE_NAME "_cython_" CYTHON_ABI
#define CYTHON_HEX_VERSION 0x030000F0
#define CYTHON_FUTURE_DIVISION 1
#ifndef offsetof
  #define offsetof(type, member) ( (size_t) & ((type*)0) -> member )
#endif
#if !defined(_WIN32) && !defined(WIN32) && !defined(MS_WINDOWS)
  #ifndef __stdcall
    #define __stdcall
  #endif
  #ifndef __cdecl
    #define __cdecl
  #endif
  #ifndef __fastcall
    #define __fastcall
  #endif
#endif
#ifndef DL_IMPORT
  #define DL_IMPORT(t) t
#endif
#ifndef DL_EXPORT
  #define DL_EXPORT(t) t
#endif
#define __PYX_COMMA ,
#ifndef HAVE_LONG_LONG
  #define HAVE_LONG_LONG
#endif
#ifndef PY_LONG_LONG
  #define PY_LONG_LONG LONG_LONG
#endif
#ifndef Py_HUGE_VAL
  #define Py_HUGE_VAL HUGE_VAL
#endif
""")
    # Per implementation: every feature flag, #undef'd and set, as Cython does.
    for idx, impl in enumerate(CY_IMPLS + [None]):
        kw = "#if" if idx == 0 else "#elif"
        w.add(f"{kw} {impl}\n" if impl else "#else\n")
        name = ["PYPY", "GRAAL", "LIMITED_API", "NOGIL", "CPYTHON"][idx]
        for other in ["PYPY", "GRAAL", "LIMITED_API", "NOGIL", "CPYTHON"]:
            w.add(f"  #define CYTHON_COMPILING_IN_{other} {1 if other == name else 0}\n")
        for f in CY_FEATURES:
            val = rng.randrange(2) if impl else 1
            if rng.randrange(3) == 0:
                w.add(f"  #ifndef CYTHON_{f}\n    #define CYTHON_{f} {val}\n  #endif\n")
            elif rng.randrange(2) == 0:
                w.add(f"  #undef CYTHON_{f}\n  #define CYTHON_{f} {val}\n")
            else:
                ver = rng.choice(["0x030700A3", "0x030800B4", "0x030900A4", "0x030B00A1", "0x030C0000"])
                w.add(f"  #if PY_VERSION_HEX < {ver}\n    #undef CYTHON_{f}\n    #define CYTHON_{f} 0\n"
                      f"  #elif !defined(CYTHON_{f})\n    #define CYTHON_{f} {val}\n  #endif\n")
    w.add("#endif\n")
    w.add("""\
#if !defined(CYTHON_FAST_PYCCALL)
#define CYTHON_FAST_PYCCALL  (CYTHON_FAST_PYCALL && PY_VERSION_HEX >= 0x030600B1)
#endif
#ifndef CYTHON_UNUSED
  #if defined(__cplusplus)
    #if __cplusplus >= 201703L
      #define CYTHON_UNUSED [[maybe_unused]]
    #endif
  #endif
  #ifndef CYTHON_UNUSED
    #if defined(__GNUC__) || defined(__clang__)
      #define CYTHON_UNUSED __attribute__ ((__unused__))
    #else
      #define CYTHON_UNUSED
    #endif
  #endif
#endif
#ifndef CYTHON_INLINE
  #if defined(__clang__)
    #define CYTHON_INLINE __inline__ __attribute__ ((__unused__))
  #elif defined(__GNUC__)
    #define CYTHON_INLINE __inline__
  #else
    #define CYTHON_INLINE
  #endif
#endif
#if defined(__GNUC__) && (__GNUC__ > 2 || (__GNUC__ == 2 && (__GNUC_MINOR__ > 95)))
  #define likely(x)   __builtin_expect(!!(x), 1)
  #define unlikely(x) __builtin_expect(!!(x), 0)
#else
  #define likely(x)   (x)
  #define unlikely(x) (x)
#endif
#define __Pyx_RefNannyDeclarations
#define __Pyx_RefNannySetupContext(name, acquire_gil)
#define __Pyx_RefNannyFinishContext()
#define __Pyx_INCREF(r) Py_INCREF(r)
#define __Pyx_DECREF(r) Py_DECREF(r)
#define __Pyx_GOTREF(r)
#define __Pyx_GIVEREF(r)
#define __Pyx_XINCREF(r) Py_XINCREF(r)
#define __Pyx_XDECREF(r) Py_XDECREF(r)
#define __Pyx_XGOTREF(r)
#define __Pyx_XGIVEREF(r)
#define __Pyx_CLEAR(r)    do { PyObject* tmp = ((PyObject*)(r)); r = NULL; __Pyx_DECREF(tmp);} while(0)
#define __Pyx_XCLEAR(r)   do { if((r) != NULL) {PyObject* tmp = ((PyObject*)(r)); r = NULL; __Pyx_DECREF(tmp);}} while(0)
#define __PYX_ERR(f_index, lineno, Ln_error) \\
    { __pyx_filename = __pyx_f[f_index]; (void)__pyx_filename; __pyx_lineno = lineno; (void)__pyx_lineno; \\
      __pyx_clineno = __LINE__; (void)__pyx_clineno; goto Ln_error; }
static const char *__pyx_f[] = { "generated.pyx", 0 };
static PyObject *__pyx_m = NULL;
static PyObject *__pyx_d = NULL;
static PyObject *__pyx_b = NULL;
static PyObject *__pyx_empty_tuple = NULL;
static PyObject *__pyx_int_0 = NULL;
static PyObject *__pyx_int_1 = NULL;
static void __Pyx_AddTraceback(const char *funcname, int c_line, int py_line, const char *filename);
""")
    # Compat helpers: macros with version and implementation guards, and
    # static inline functions under CYTHON_* guards, until the preamble is
    # long enough.
    ops = [("GetAttrStr", "PyObject *o, PyObject *n", "PyObject_GetAttr(o, n)"),
           ("GetItemInt", "PyObject *o, Py_ssize_t i", "PySequence_GetItem(o, i)"),
           ("PyObject_Call", "PyObject *f, PyObject *a", "PyObject_Call(f, a, NULL)"),
           ("PyNumber_IntOrLong", "PyObject *o", "PyNumber_Long(o)"),
           ("PyUnicode_FromString", "const char *s", "PyUnicode_FromString(s)"),
           ("PyList_Append", "PyObject *l, PyObject *x", "(PyList_Append(l, x) < 0 ? NULL : Py_None)"),
           ("PyDict_GetItemStr", "PyObject *d, PyObject *k", "PyDict_GetItemWithError(d, k)"),
           ("PyObject_Str", "PyObject *o", "PyObject_Str(o)"),
           ("PyNumber_Add", "PyObject *a, PyObject *b", "PyNumber_Add(a, b)"),
           ("PyObject_GetIter", "PyObject *o", "PyObject_GetIter(o)")]
    n = 0
    while w.lines < target or n < 10:
        op, params, call = ops[n % len(ops)]
        tag = f"{op}_{n}"
        flag = "CYTHON_" + CY_FEATURES[n % len(CY_FEATURES)]
        ver = rng.choice(["0x030800B1", "0x03090000", "0x030A0000", "0x030B00A4", "0x030C0000", "0x030D0000"])
        argnames = ", ".join(p.split()[-1].lstrip("*") for p in params.split(", "))
        ret = "PyObject *"
        w.add(f"""#ifndef __Pyx_{tag}
  #if {flag} && PY_VERSION_HEX >= {ver}
    #define __Pyx_{tag}({argnames}) {call}
  #elif CYTHON_COMPILING_IN_PYPY || CYTHON_COMPILING_IN_LIMITED_API
    #define __Pyx_{tag}({argnames}) {call}
  #else
    static CYTHON_INLINE {ret}__Pyx__{tag}({params});
    #define __Pyx_{tag}({argnames}) __Pyx__{tag}({argnames})
  #endif
#endif
#if !({flag} && PY_VERSION_HEX >= {ver}) && !(CYTHON_COMPILING_IN_PYPY || CYTHON_COMPILING_IN_LIMITED_API)
static CYTHON_INLINE {ret}__Pyx__{tag}({params}) {{
#if CYTHON_ASSUME_SAFE_MACROS
  #if CYTHON_AVOID_BORROWED_REFS
    return {call};
  #else
    return {call};
  #endif
#else
    return {call};
#endif
}}
#endif
""")
        n += 1
    return n


CY_BODIES = [
    """\
  __pyx_t_1 = PyNumber_Add(__pyx_v_x, __pyx_int_1); if (unlikely(!__pyx_t_1)) __PYX_ERR(0, {line}, __pyx_L1_error)
  __Pyx_GOTREF(__pyx_t_1);
  __pyx_t_2 = PyNumber_Multiply(__pyx_t_1, __pyx_v_x); if (unlikely(!__pyx_t_2)) __PYX_ERR(0, {line}, __pyx_L1_error)
  __Pyx_GOTREF(__pyx_t_2);
  __Pyx_DECREF(__pyx_t_1); __pyx_t_1 = 0;
  __pyx_r = __pyx_t_2;
  __pyx_t_2 = 0;
""",
    """\
  __pyx_t_1 = PyObject_GetIter(__pyx_v_x); if (unlikely(!__pyx_t_1)) __PYX_ERR(0, {line}, __pyx_L1_error)
  __Pyx_GOTREF(__pyx_t_1);
  __pyx_t_2 = PyList_New(0); if (unlikely(!__pyx_t_2)) __PYX_ERR(0, {line}, __pyx_L1_error)
  __Pyx_GOTREF(__pyx_t_2);
  for (;;) {{
    PyObject *__pyx_t_3 = PyIter_Next(__pyx_t_1);
    if (!__pyx_t_3) {{
      if (unlikely(PyErr_Occurred())) __PYX_ERR(0, {line}, __pyx_L1_error)
      break;
    }}
    if (unlikely(PyList_Append(__pyx_t_2, __pyx_t_3) < 0)) {{ __Pyx_DECREF(__pyx_t_3); __PYX_ERR(0, {line}, __pyx_L1_error) }}
    __Pyx_DECREF(__pyx_t_3);
  }}
  __Pyx_DECREF(__pyx_t_1); __pyx_t_1 = 0;
  __pyx_r = __pyx_t_2;
  __pyx_t_2 = 0;
""",
    """\
  __pyx_t_1 = __Pyx_GetAttrStr_{h}(__pyx_v_x, __pyx_n_s_name); if (unlikely(!__pyx_t_1)) __PYX_ERR(0, {line}, __pyx_L1_error)
  __Pyx_GOTREF(__pyx_t_1);
  __pyx_t_2 = PyObject_Str(__pyx_t_1); if (unlikely(!__pyx_t_2)) __PYX_ERR(0, {line}, __pyx_L1_error)
  __Pyx_GOTREF(__pyx_t_2);
  __Pyx_DECREF(__pyx_t_1); __pyx_t_1 = 0;
  __pyx_r = __pyx_t_2;
  __pyx_t_2 = 0;
""",
    """\
  {{
    double __pyx_v_d = PyFloat_AsDouble(__pyx_v_x);
    if (unlikely(__pyx_v_d == -1.0 && PyErr_Occurred())) __PYX_ERR(0, {line}, __pyx_L1_error)
    __pyx_t_1 = PyFloat_FromDouble(sqrt(fabs(__pyx_v_d)) + {k}.0); if (unlikely(!__pyx_t_1)) __PYX_ERR(0, {line}, __pyx_L1_error)
    __Pyx_GOTREF(__pyx_t_1);
  }}
  __pyx_r = __pyx_t_1;
  __pyx_t_1 = 0;
""",
    """\
  if (unlikely(!PyDict_Check(__pyx_v_x))) {{
    PyErr_SetString(PyExc_TypeError, "expected dict");
    __PYX_ERR(0, {line}, __pyx_L1_error)
  }}
  __pyx_t_1 = PyDict_Keys(__pyx_v_x); if (unlikely(!__pyx_t_1)) __PYX_ERR(0, {line}, __pyx_L1_error)
  __Pyx_GOTREF(__pyx_t_1);
  if (unlikely(PyList_Sort(__pyx_t_1) < 0)) __PYX_ERR(0, {line}, __pyx_L1_error)
  __pyx_r = __pyx_t_1;
  __pyx_t_1 = 0;
""",
]

CY_REMOVED = [
    ("""\
  {{
    const char *__pyx_v_data; Py_ssize_t __pyx_v_len;
    if (unlikely(PyObject_AsCharBuffer(__pyx_v_x, &__pyx_v_data, &__pyx_v_len) < 0)) __PYX_ERR(0, {line}, __pyx_L1_error)
    __pyx_t_1 = PyLong_FromSsize_t(__pyx_v_len); if (unlikely(!__pyx_t_1)) __PYX_ERR(0, {line}, __pyx_L1_error)
  }}
  __pyx_r = __pyx_t_1;
  __pyx_t_1 = 0;
""", ["PyObject_AsCharBuffer"]),
    ("""\
  {{
    int __pyx_v_v = _PyLong_AsInt(__pyx_v_x);
    if (unlikely(__pyx_v_v == -1 && PyErr_Occurred())) __PYX_ERR(0, {line}, __pyx_L1_error)
    __pyx_t_1 = PyLong_FromLong(__pyx_v_v); if (unlikely(!__pyx_t_1)) __PYX_ERR(0, {line}, __pyx_L1_error)
  }}
  __pyx_r = __pyx_t_1;
  __pyx_t_1 = 0;
""", ["_PyLong_AsInt"]),
    ("""\
  __pyx_t_1 = PyEval_CallObject(__pyx_v_x, __pyx_empty_tuple); if (unlikely(!__pyx_t_1)) __PYX_ERR(0, {line}, __pyx_L1_error)
  __pyx_r = __pyx_t_1;
  __pyx_t_1 = 0;
""", ["PyEval_CallObject"]),
]


def gen_cython(shape, scale):
    rng = random.Random(f"{shape}:{scale}")
    w = Writer()
    helpers = cy_preamble(rng, w, int(2500 * scale))
    w.add("static PyObject *__pyx_n_s_name = NULL;\n\n")
    target = int(TARGET_LINES[shape] * scale)
    n_removed = 6
    i = 0
    defs = []
    while w.lines < target - 60 - 2 * i:
        line = 10 + 3 * i
        slot = i % max(1, int(40 * scale))
        uses = []
        if slot == 0 and i // max(1, int(40 * scale)) < n_removed:
            body, uses = CY_REMOVED[(i // max(1, int(40 * scale))) % len(CY_REMOVED)]
        else:
            body = rng.choice(CY_BODIES)
        h = rng.randrange(helpers) // 10 * 10  # a GetAttrStr helper (every 10th is one)
        body = body.format(line=line, k=rng.randrange(1, 50), h=h)
        fn = f"__pyx_pf_9generated_{i}func_{i}"
        w.add(f"""
/* "generated.pyx":{line}
 * def func_{i}(x):
 *     ...
 */
static PyObject *{fn}(CYTHON_UNUSED PyObject *__pyx_self, PyObject *__pyx_v_x) {{
  PyObject *__pyx_r = NULL;
  __Pyx_RefNannyDeclarations
  PyObject *__pyx_t_1 = NULL;
  PyObject *__pyx_t_2 = NULL;
  int __pyx_lineno = 0;
  const char *__pyx_filename = NULL;
  int __pyx_clineno = 0;
  __Pyx_RefNannySetupContext("func_{i}", 0);
{body}  goto __pyx_L0;

  /* function exit code */
  __pyx_L1_error:;
  __Pyx_XDECREF(__pyx_t_1);
  __Pyx_XDECREF(__pyx_t_2);
  __Pyx_AddTraceback("generated.func_{i}", __pyx_clineno, __pyx_lineno, __pyx_filename);
  __pyx_r = NULL;
  __pyx_L0:;
  __Pyx_XGIVEREF(__pyx_r);
  __Pyx_RefNannyFinishContext();
  return __pyx_r;
}}

static PyObject *__pyx_pw_9generated_{i}func_{i}(PyObject *__pyx_self, PyObject *__pyx_v_x) {{
  PyObject *__pyx_r = 0;
  __Pyx_RefNannyDeclarations
  __Pyx_RefNannySetupContext("func_{i} (wrapper)", 0);
  __pyx_r = {fn}(__pyx_self, ((PyObject *)__pyx_v_x));
  __Pyx_RefNannyFinishContext();
  return __pyx_r;
}}
""", uses)
        defs.append(i)
        i += 1
    w.add("\nstatic PyMethodDef __pyx_methods[] = {\n"
          + "".join(f"  {{\"func_{j}\", (PyCFunction)__pyx_pw_9generated_{j}func_{j}, METH_O, 0}},\n" for j in defs)
          + "  {0, 0, 0, 0}\n};\n")
    w.add("""
static void __Pyx_AddTraceback(const char *funcname, int c_line, int py_line, const char *filename) {
  (void)funcname; (void)c_line; (void)py_line; (void)filename;
}

static struct PyModuleDef __pyx_moduledef = {
  PyModuleDef_HEAD_INIT, "generated", 0, -1, __pyx_methods, NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC PyInit_generated(void);
PyMODINIT_FUNC PyInit_generated(void) {
  __pyx_m = PyModule_Create(&__pyx_moduledef);
  if (!__pyx_m) return NULL;
  __pyx_d = PyModule_GetDict(__pyx_m);
  __pyx_b = PyImport_AddModule("builtins");
  __pyx_empty_tuple = PyTuple_New(0);
  __pyx_int_0 = PyLong_FromLong(0);
  __pyx_int_1 = PyLong_FromLong(1);
  __pyx_n_s_name = PyUnicode_InternFromString("name");
  if (!__pyx_d || !__pyx_b || !__pyx_empty_tuple || !__pyx_int_0 || !__pyx_int_1 || !__pyx_n_s_name) {
    Py_DECREF(__pyx_m);
    return NULL;
  }
  return __pyx_m;
}
#endif /* Py_PYTHON_H */
""")
    return w


# --------------------------------------------------------------------------
# cxx

CXX_HEAD = """\
// Generated by bench/gen_large.py (shape cxx): a C++ extension module with
// class templates, RAII wrappers around PyObject*, lambdas and explicit
// instantiations. Used only to measure pycapi-migrate.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstddef>
#include <cstring>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ext {

// An owned reference: released on every path out of a scope.
class Ref {
public:
    Ref() = default;
    explicit Ref(PyObject *owned) : p_(owned) {}
    static Ref borrow(PyObject *b) { Py_XINCREF(b); return Ref(b); }
    Ref(const Ref &o) : p_(o.p_) { Py_XINCREF(p_); }
    Ref(Ref &&o) noexcept : p_(o.p_) { o.p_ = nullptr; }
    Ref &operator=(Ref o) noexcept { std::swap(p_, o.p_); return *this; }
    ~Ref() { Py_XDECREF(p_); }
    PyObject *get() const { return p_; }
    PyObject *release() { PyObject *r = p_; p_ = nullptr; return r; }
    explicit operator bool() const { return p_ != nullptr; }

private:
    PyObject *p_ = nullptr;
};

struct PythonError : std::runtime_error {
    PythonError() : std::runtime_error("python error") {}
};

inline PyObject *check(PyObject *o) {
    if (o == nullptr)
        throw PythonError();
    return o;
}

template <typename T> struct Convert;

template <> struct Convert<long> {
    static long from(PyObject *o) {
        long v = PyLong_AsLong(o);
        if (v == -1 && PyErr_Occurred())
            throw PythonError();
        return v;
    }
    static Ref to(long v) { return Ref(check(PyLong_FromLong(v))); }
};

template <> struct Convert<double> {
    static double from(PyObject *o) {
        double v = PyFloat_AsDouble(o);
        if (v == -1.0 && PyErr_Occurred())
            throw PythonError();
        return v;
    }
    static Ref to(double v) { return Ref(check(PyFloat_FromDouble(v))); }
};

template <> struct Convert<std::string> {
    static std::string from(PyObject *o) {
        Py_ssize_t n = 0;
        const char *s = PyUnicode_AsUTF8AndSize(o, &n);
        if (s == nullptr)
            throw PythonError();
        return std::string(s, static_cast<std::size_t>(n));
    }
    static Ref to(const std::string &v) {
        return Ref(check(PyUnicode_FromStringAndSize(v.data(), static_cast<Py_ssize_t>(v.size()))));
    }
};

template <typename T> std::vector<T> to_vector(PyObject *seq) {
    Ref fast(check(PySequence_Fast(seq, "expected a sequence")));
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast.get());
    std::vector<T> out;
    out.reserve(static_cast<std::size_t>(n));
    for (Py_ssize_t i = 0; i < n; ++i)
        out.push_back(Convert<T>::from(PySequence_Fast_GET_ITEM(fast.get(), i)));
    return out;
}

template <typename T> Ref to_list(const std::vector<T> &v) {
    Ref list(check(PyList_New(static_cast<Py_ssize_t>(v.size()))));
    for (std::size_t i = 0; i < v.size(); ++i)
        PyList_SET_ITEM(list.get(), static_cast<Py_ssize_t>(i), Convert<T>::to(v[i]).release());
    return list;
}

// Runs a body that may throw PythonError; returns NULL with the error set.
template <typename F> PyObject *guarded(F &&body) {
    try {
        return body().release();
    } catch (const PythonError &) {
        return nullptr;
    } catch (const std::exception &e) {
        PyErr_SetString(PyExc_RuntimeError, e.what());
        return nullptr;
    }
}

template <typename T, int N> class Accumulator {
public:
    void add(const T &v) { values_.push_back(v * static_cast<T>(N)); }
    T total() const {
        T sum{};
        for (const T &v : values_)
            sum = sum + v;
        return sum;
    }
    std::size_t size() const { return values_.size(); }

private:
    std::vector<T> values_;
};

template <typename Key, typename Value> class Cache {
public:
    template <typename Make> const Value &get(const Key &k, Make &&make) {
        auto it = map_.find(k);
        if (it == map_.end())
            it = map_.emplace(k, make(k)).first;
        return it->second;
    }

private:
    std::map<Key, Value> map_;
};

"""

CXX_BODIES = [
    ("long", """\
    return guarded([&]() {{
        auto values = to_vector<long>(arg);
        Accumulator<long, {k}> acc;
        for (long v : values)
            acc.add(v);
        return Convert<long>::to(acc.total());
    }});
"""),
    ("double", """\
    return guarded([&]() {{
        auto values = to_vector<double>(arg);
        std::vector<double> out(values.size());
        std::transform_{k}(values, out, [](double x) {{ return x * {k}.0 + 1.0; }});
        return to_list(out);
    }});
"""),
    ("std::string", """\
    return guarded([&]() {{
        auto s = Convert<std::string>::from(arg);
        static Cache<std::string, std::string> cache;
        const auto &r = cache.get(s, [](const std::string &k) {{ return k + "/{k}"; }});
        return Convert<std::string>::to(r);
    }});
"""),
    ("long", """\
    return guarded([&]() {{
        Ref items(check(PyDict_Items(check(arg))));
        Ref out(check(PyDict_New()));
        Py_ssize_t n = PyList_GET_SIZE(items.get());
        for (Py_ssize_t i = 0; i < n; ++i) {{
            PyObject *pair = PyList_GET_ITEM(items.get(), i);
            Ref key = Ref::borrow(PyTuple_GET_ITEM(pair, 0));
            long v = Convert<long>::from(PyTuple_GET_ITEM(pair, 1));
            if (PyDict_SetItem(out.get(), key.get(), Convert<long>::to(v + {k}).get()) < 0)
                throw PythonError();
        }}
        return out;
    }});
"""),
    ("double", """\
    return guarded([&]() {{
        auto f = [](double x) {{ return x / {k}.0; }};
        auto values = to_vector<double>(arg);
        Accumulator<double, {k}> acc;
        for (double v : values)
            acc.add(f(v));
        Ref size = Convert<long>::to(static_cast<long>(acc.size()));
        Ref total = Convert<double>::to(acc.total());
        return Ref(check(PyTuple_Pack(2, size.get(), total.get())));
    }});
"""),
]

CXX_REMOVED = [
    ("""\
    const char *data;
    Py_ssize_t size;
    if (PyObject_AsCharBuffer(arg, &data, &size) < 0)
        return nullptr;
    return guarded([&]() {{ return Convert<std::string>::to(std::string(data, static_cast<std::size_t>(size))); }});
""", ["PyObject_AsCharBuffer"]),
    ("""\
    return guarded([&]() {{
        int v = _PyLong_AsInt(arg);
        if (v == -1 && PyErr_Occurred())
            throw PythonError();
        return Convert<long>::to(v + {k});
    }});
""", ["_PyLong_AsInt"]),
    ("""\
    return guarded([&]() {{
        Ref result(check(PyEval_CallFunction(arg, "(i)", {k})));
        return result;
    }});
""", ["PyEval_CallFunction"]),
]


def gen_cxx(shape, scale):
    rng = random.Random(f"{shape}:{scale}")
    w = Writer()
    w.add(CXX_HEAD)
    target = int(TARGET_LINES[shape] * scale)
    names = []
    i = 0
    every = max(1, int(60 * scale))
    while w.lines < target - 40 - len(names):
        k = rng.randrange(2, 60)
        uses = []
        if i % every == every // 2 and i // every < 6:
            body, uses = CXX_REMOVED[(i // every) % len(CXX_REMOVED)]
        else:
            _, body = rng.choice(CXX_BODIES)
        if "transform_" in body:
            # a function template of its own per use: one more instantiation
            w.add(f"""
template <typename In, typename Out, typename F>
void transform_{k}_{i}(const In &in, Out &out, F &&f) {{
    for (std::size_t j = 0; j < in.size(); ++j)
        out[j] = f(in[j]);
}}
""")
            body = body.replace("std::transform_{k}", f"transform_{{k}}_{i}")
        body = body.format(k=k)
        name = f"fn_{i}"
        w.add(f"""
// {name}: generated operation {i}.
static PyObject *{name}(PyObject *, PyObject *arg) {{
{body}}}
""", uses)
        names.append(name)
        i += 1
    w.add("""
template class Accumulator<long, 1>;
template class Accumulator<double, 1>;
template class Cache<std::string, std::string>;

} // namespace ext

static PyMethodDef ext_methods[] = {
""" + "".join(f"    {{\"{n}\", ext::{n}, METH_O, nullptr}},\n" for n in names) + """\
    {nullptr, nullptr, 0, nullptr}
};

static PyModuleDef ext_module = {
    PyModuleDef_HEAD_INIT, "ext", nullptr, -1, ext_methods, nullptr, nullptr, nullptr, nullptr
};

PyMODINIT_FUNC PyInit_ext() { return PyModule_Create(&ext_module); }
""")
    return w


def generate(shape, scale=1.0):
    """Returns (file name, text, {check: removed-API uses it must report})."""
    check_names()
    if shape.startswith("cpython-module"):
        w = gen_cpython_module(shape, scale)
    elif shape == "cython":
        w = gen_cython(shape, scale)
    elif shape == "cxx":
        w = gen_cxx(shape, scale)
    else:
        raise ValueError(f"unknown shape {shape}")
    return "large_" + shape.replace("-", "_") + SUFFIX.get(shape, ".c"), w.text(), w.expected


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("shape", choices=SHAPES)
    p.add_argument("--scale", type=float, default=1.0)
    args = p.parse_args()
    name, text, expected = generate(args.shape, args.scale)
    sys.stdout.write(text)
    print(f"{name}: {text.count(chr(10))} lines, expected findings {expected}", file=sys.stderr)


if __name__ == "__main__":
    main()
