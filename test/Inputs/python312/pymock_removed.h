/* Declarations that Python 3.13 removed from the public headers. */
#ifndef PYMOCK_REMOVED_H
#define PYMOCK_REMOVED_H
#ifdef __cplusplus
extern "C" {
#endif

int PyObject_AsCharBuffer(PyObject *obj, const char **buffer,
                          Py_ssize_t *buffer_len);
int PyObject_AsReadBuffer(PyObject *obj, const void **buffer,
                          Py_ssize_t *buffer_len);
int PyObject_AsWriteBuffer(PyObject *obj, void **buffer,
                           Py_ssize_t *buffer_len);
int PyObject_CheckReadBuffer(PyObject *obj);

#ifdef __cplusplus
}
#endif
#endif /* PYMOCK_REMOVED_H */
