/* A made-up Python 3.4 for derive-rules.test: the targets are 3.2..3.4. */
#define PY_MAJOR_VERSION 3
#define PY_MINOR_VERSION 4
