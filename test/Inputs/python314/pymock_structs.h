/* The structs whose members 3.14 removed, as 3.14 lays them out:
 * PyDictObject without ma_version_tag (now the private _ma_watcher_tag) and
 * PyThreadState without c_recursion_remaining. */
#ifndef PYMOCK_STRUCTS_H
#define PYMOCK_STRUCTS_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
  PyObject ob_base;
  Py_ssize_t ma_used;
  uint64_t _ma_watcher_tag;
} PyDictObject;

typedef struct _ts PyThreadState;
struct _ts {
  PyThreadState *prev;
  PyThreadState *next;
  int py_recursion_remaining;
  int py_recursion_limit;
};

#ifdef __cplusplus
}
#endif
#endif /* PYMOCK_STRUCTS_H */
