// RUN: %check_pycapi %s pycapi-removed-buffer-api %t -- -- %py311

// The function of a call is the innermost function or lambda around it,
// found from a map of the parents of the top-level declaration that holds
// it: a lambda in a loop, a method of a local class, a template and its
// instantiations, a lambda outside any function; a call outside any
// function is found through the translation unit's map.

#include <Python.h>

int lambda_in_loop(PyObject **items, int n) {
  int total = 0;
  for (int i = 0; i < n; i++) {
    auto f = [&]() -> int {
      const char *data;
      Py_ssize_t len;
      if (PyObject_AsCharBuffer(items[i], &data, &len) < 0)
      // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
        return -1;
      return len ? data[0] : 0;
    };
    total += f();
  }
  return total;
}
// The lambda's body is the function: its returns release, the loop's end
// does not.
// CHECK-FIXES:      const char *data;
// CHECK-FIXES-NEXT:      Py_buffer data_view = {};
// CHECK-FIXES-NEXT:      Py_ssize_t len;
// CHECK-FIXES-NEXT:      if (PyObject_GetBuffer(items[i], &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:        return -1;
// CHECK-FIXES-NEXT:      data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:      len = data_view.len;
// CHECK-FIXES-NEXT:      int result = len ? data[0] : 0;
// CHECK-FIXES-NEXT:      PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:      return result;
// CHECK-FIXES-NEXT:    };
// CHECK-FIXES-NEXT:    total += f();

int local_class(PyObject *obj) {
  struct Reader {
    int read(PyObject *o) {
      const char *data;
      Py_ssize_t len;
      if (PyObject_AsCharBuffer(o, &data, &len) < 0)
      // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
        return -1;
      return len ? data[0] : 0;
    }
  };
  return Reader().read(obj);
}
// CHECK-FIXES:      if (PyObject_GetBuffer(o, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:        return -1;
// CHECK-FIXES-NEXT:      data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:      len = data_view.len;
// CHECK-FIXES-NEXT:      int result = len ? data[0] : 0;
// CHECK-FIXES-NEXT:      PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:      return result;
// CHECK-FIXES-NEXT:    }
// CHECK-FIXES-NEXT:  };

// The `break;` is one node in the template and its instantiations.
template <typename T> int template_break(PyObject **items, int n) {
  int total = 0;
  for (int i = 0; i < n; i++) {
    const char *data;
    Py_ssize_t len;
    if (PyObject_AsCharBuffer(items[i], &data, &len) < 0)
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
      return -1;
    total += static_cast<T>(data[0]);
    if (total > 100)
      break;
  }
  return total;
}
// CHECK-FIXES:    Py_buffer data_view = {};
// CHECK-FIXES-NEXT:    if (PyObject_GetBuffer(items[i], &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:      return -1;
// CHECK-FIXES-NEXT:    data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:    total += static_cast<T>(data[0]);
// CHECK-FIXES-NEXT:    if (total > 100) {
// CHECK-FIXES-NEXT:      PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:      break;
// CHECK-FIXES-NEXT:    }
// CHECK-FIXES-NEXT:    PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  }

int instantiate(PyObject **items, int n) {
  return template_break<int>(items, n) + template_break<char>(items, n);
}

static auto at_namespace_scope = [](PyObject *obj) -> int {
  const char *data;
  Py_ssize_t len;
  if (PyObject_AsCharBuffer(obj, &data, &len) < 0)
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'PyObject_AsCharBuffer' was removed in Python 3.13; use PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) + PyBuffer_Release(&view) [pycapi-removed-buffer-api]
    return -1;
  return len ? data[0] : 0;
};
// CHECK-FIXES:static auto at_namespace_scope = [](PyObject *obj) -> int {
// CHECK-FIXES-NEXT:  const char *data;
// CHECK-FIXES-NEXT:  Py_buffer data_view = {};
// CHECK-FIXES-NEXT:  Py_ssize_t len;
// CHECK-FIXES-NEXT:  if (PyObject_GetBuffer(obj, &data_view, PyBUF_SIMPLE) < 0)
// CHECK-FIXES-NEXT:    return -1;
// CHECK-FIXES-NEXT:  data = (const char *)data_view.buf;
// CHECK-FIXES-NEXT:  len = data_view.len;
// CHECK-FIXES-NEXT:  int result = len ? data[0] : 0;
// CHECK-FIXES-NEXT:  PyBuffer_Release(&data_view);
// CHECK-FIXES-NEXT:  return result;
// CHECK-FIXES-NEXT:};

int call_it(PyObject *obj) { return at_namespace_scope(obj); }

struct Holder {
  int check = PyObject_CheckReadBuffer(nullptr);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'PyObject_CheckReadBuffer' was removed in Python 3.13; use PyObject_CheckBuffer [pycapi-removed-buffer-api]
  // CHECK-NOTES: :[[@LINE-2]]:15: note: PyObject_CheckBuffer does not try to get the buffer: a non-contiguous exporter now passes this check and fails later, in PyObject_GetBuffer
};
// CHECK-FIXES:  int check = PyObject_CheckBuffer(nullptr);
