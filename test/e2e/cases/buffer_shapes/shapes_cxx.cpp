// buffer_shapes, C++ half: the removed buffer functions in a lambda, a
// method, a template and a function that throws, plus the stored-status and
// write shapes in C++. PyInit_buffer_shapes (shapes_c.c) adds
// buffer_shapes_cxx_methods to the module. Unless a comment says otherwise, a
// function returns (digest, length) of the bytes it read and raises TypeError
// for an object without the buffer protocol.
#include "shapes.h"

#include <stdexcept>
#include <string>
#include <utility>

namespace {

// The Python exception is already set; thrown to unwind to the entry point.
struct PythonError {};

// cxx_lambda(obj): the call inside a lambda.
PyObject *cxx_lambda(PyObject *, PyObject *obj) {
  auto read = [obj]() -> PyObject * {
    const char *data;
    Py_ssize_t len;
    if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
      return nullptr;
    return Py_BuildValue("kn", shapes_digest(data, len), len);
  };
  return read();
}

// cxx_method(obj): the call inside a member function.
class Reader {
public:
  explicit Reader(PyObject *obj) : obj_(obj) {}

  PyObject *digest() const {
    const void *buf;
    Py_ssize_t len;
    if (PyObject_AsReadBuffer(obj_, &buf, &len) != 0)
      return nullptr;
    unsigned long h = shapes_digest(buf, len);
    return Py_BuildValue("kn", h, len);
  }

private:
  PyObject *obj_;
};

PyObject *cxx_method(PyObject *, PyObject *obj) { return Reader(obj).digest(); }

// cxx_sum_signed(obj) / cxx_sum_unsigned(obj) -> (sum of the bytes read as
// T, length). The call inside a function template, two instantiations.
template <typename T> PyObject *byte_sum(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) == -1)
    return nullptr;
  long long sum = 0;
  for (Py_ssize_t i = 0; i < len; i++)
    sum += static_cast<T>(data[i]);
  return Py_BuildValue("Ln", sum, len);
}

PyObject *cxx_sum_signed(PyObject *, PyObject *obj) {
  return byte_sum<signed char>(obj);
}

PyObject *cxx_sum_unsigned(PyObject *, PyObject *obj) {
  return byte_sum<unsigned char>(obj);
}

// The failure branch leaves by throw, and so does an empty buffer after the
// acquisition; both are caught by the caller, outside this function.
std::pair<unsigned long, Py_ssize_t> digest_or_throw(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
    throw PythonError();
  if (len == 0)
    throw std::length_error("empty buffer");
  return std::make_pair(shapes_digest(data, len), len);
}

// cxx_throw(obj): like the others, but ValueError for an empty buffer.
PyObject *cxx_throw(PyObject *, PyObject *obj) {
  try {
    std::pair<unsigned long, Py_ssize_t> r = digest_or_throw(obj);
    return Py_BuildValue("kn", r.first, r.second);
  } catch (const PythonError &) {
    return nullptr;
  } catch (const std::length_error &e) {
    PyErr_SetString(PyExc_ValueError, e.what());
    return nullptr;
  }
}

// cxx_throw_message(obj): like the others, but a buffer starting with '!'
// raises ValueError with the buffer's text as message: the thrown
// expression reads the pointer, and the exception is caught outside.
std::pair<unsigned long, Py_ssize_t> digest_or_throw_text(PyObject *obj) {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
    throw PythonError();
  if (len > 0 && data[0] == '!')
    throw std::runtime_error(std::string(data, len));
  return std::make_pair(shapes_digest(data, len), len);
}

PyObject *cxx_throw_message(PyObject *, PyObject *obj) {
  try {
    std::pair<unsigned long, Py_ssize_t> r = digest_or_throw_text(obj);
    return Py_BuildValue("kn", r.first, r.second);
  } catch (const PythonError &) {
    return nullptr;
  } catch (const std::runtime_error &e) {
    PyErr_SetString(PyExc_ValueError, e.what());
    return nullptr;
  }
}

// cxx_stored_init(obj): the status stored in an initialised variable.
PyObject *cxx_stored_init(PyObject *, PyObject *obj) {
  const void *buf;
  Py_ssize_t len;
  int rc = PyObject_AsReadBuffer(obj, &buf, &len);
  if (rc != 0)
    return nullptr;
  return Py_BuildValue("kn", shapes_digest(buf, len), len);
}

// cxx_increment(buffer) -> length: adds 1 (mod 256) to every byte of a
// writable buffer; an `unsigned char *` target through a (void **) cast.
PyObject *cxx_increment(PyObject *, PyObject *obj) {
  unsigned char *buf;
  Py_ssize_t len;
  if (PyObject_AsWriteBuffer(obj, reinterpret_cast<void **>(&buf), &len) < 0)
    return nullptr;
  for (Py_ssize_t i = 0; i < len; i++)
    buf[i] = static_cast<unsigned char>(buf[i] + 1);
  return PyLong_FromSsize_t(len);
}

// cxx_is_buffer(obj) -> bool: PyObject_CheckReadBuffer in C++.
PyObject *cxx_is_buffer(PyObject *, PyObject *obj) {
  if (PyObject_CheckReadBuffer(obj))
    Py_RETURN_TRUE;
  Py_RETURN_FALSE;
}

// cxx_both_and(a, b) -> (digest(a), len(a), digest(b), len(b)), or None
// when either is not a buffer (the error is cleared). Two calls in one &&
// chain: when the second fails, the first must not keep its export.
PyObject *cxx_both_and(PyObject *, PyObject *args) {
  PyObject *a, *b;
  if (!PyArg_ParseTuple(args, "OO:cxx_both_and", &a, &b))
    return nullptr;
  const char *x, *y;
  Py_ssize_t xlen, ylen;
  if (PyObject_AsCharBuffer(a, &x, &xlen) == 0 &&
      PyObject_AsCharBuffer(b, &y, &ylen) == 0) {
    return Py_BuildValue("knkn", shapes_digest(x, xlen), xlen,
                         shapes_digest(y, ylen), ylen);
  }
  PyErr_Clear();
  Py_RETURN_NONE;
}

} // namespace

extern "C" {
PyMethodDef buffer_shapes_cxx_methods[] = {
    {"cxx_lambda", cxx_lambda, METH_O, nullptr},
    {"cxx_method", cxx_method, METH_O, nullptr},
    {"cxx_sum_signed", cxx_sum_signed, METH_O, nullptr},
    {"cxx_sum_unsigned", cxx_sum_unsigned, METH_O, nullptr},
    {"cxx_throw", cxx_throw, METH_O, nullptr},
    {"cxx_throw_message", cxx_throw_message, METH_O, nullptr},
    {"cxx_stored_init", cxx_stored_init, METH_O, nullptr},
    {"cxx_increment", cxx_increment, METH_O, nullptr},
    {"cxx_is_buffer", cxx_is_buffer, METH_O, nullptr},
    {"cxx_both_and", cxx_both_and, METH_VARARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
}
