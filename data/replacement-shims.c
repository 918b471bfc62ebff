/* Shims that pycapi-removed-private-api writes into a file, once, for a
 * replacement that CPython added only after it removed the private name
 * (no version guard can then serve the releases in between) and that
 * pythoncapi_compat.h does not provide.
 *
 * Each shim starts with a line `// shim: NAME`, NAME being the `fix` of a row
 * of cpython-removed-api.tsv, and runs to the next such line. The fix wraps it
 * in `#if PY_VERSION_HEX < 0x...` from the row's replacement_since
 * (data/gen_shims.py generates the C++ table). Each is `static inline`: a
 * file that includes a header with the shim but does not call it gets no
 * unused-function warning. Written for this project; every call is public
 * API of Python 3.8 and later. */

// shim: PyImport_ImportModuleAttr
static inline PyObject *
PyImport_ImportModuleAttr(PyObject *mod_name, PyObject *attr_name)
{
    PyObject *module = PyImport_Import(mod_name);
    if (module == NULL) {
        return NULL;
    }
    PyObject *attr = PyObject_GetAttr(module, attr_name);
    Py_DECREF(module);
    return attr;
}

// shim: PyImport_ImportModuleAttrString
static inline PyObject *
PyImport_ImportModuleAttrString(const char *mod_name, const char *attr_name)
{
    PyObject *module = PyImport_ImportModule(mod_name);
    if (module == NULL) {
        return NULL;
    }
    PyObject *attr = PyObject_GetAttrString(module, attr_name);
    Py_DECREF(module);
    return attr;
}
