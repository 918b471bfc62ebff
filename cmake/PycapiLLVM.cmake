# After project(): finds the chosen LLVM and exposes what the build needs:
#   PYCAPI_CLANG_TIDY, PYCAPI_CLANG, PYCAPI_FILECHECK, PYCAPI_LIT, the target
#   pycapi::llvm (headers and definitions only; no libraries) and
#   pycapi::clang_tidy_static (what the standalone CLI links: clang-tidy's
#   static libraries, libclang-cpp, libLLVM).
set(PYCAPI_LLVM_PREFIX "/usr/lib/llvm-${PYCAPI_LLVM_VERSION}")
find_package(LLVM REQUIRED CONFIG PATHS "${PYCAPI_LLVM_PREFIX}/lib/cmake/llvm" NO_DEFAULT_PATH)
if(NOT LLVM_VERSION_MAJOR EQUAL PYCAPI_LLVM_VERSION)
  message(FATAL_ERROR "pycapi-migrate: found LLVM ${LLVM_PACKAGE_VERSION} where ${PYCAPI_LLVM_VERSION} was asked for")
endif()
message(STATUS "pycapi-migrate: building against LLVM ${LLVM_PACKAGE_VERSION} (${PYCAPI_LLVM_PREFIX})")

set(_bin "${PYCAPI_LLVM_PREFIX}/bin")
set(PYCAPI_CLANG_TIDY "${_bin}/clang-tidy")
find_program(PYCAPI_CLANG NAMES clang PATHS ${_bin} NO_DEFAULT_PATH)
find_program(PYCAPI_FILECHECK NAMES FileCheck PATHS ${_bin} NO_DEFAULT_PATH)
find_program(PYCAPI_LIT NAMES lit lit.py
             PATHS ${_bin} "${PYCAPI_LLVM_PREFIX}/build/utils/lit" NO_DEFAULT_PATH)

# Headers and definitions of the chosen LLVM, as system includes so that
# LLVM's own warnings stay out of ours.
add_library(pycapi_llvm INTERFACE)
add_library(pycapi::llvm ALIAS pycapi_llvm)
separate_arguments(_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_definitions(pycapi_llvm INTERFACE ${_llvm_defs})
target_include_directories(pycapi_llvm SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS})

# The CLI mirrors how Debian links clang-tidy itself: the clang-tidy static
# libraries on top of the shared libclang-cpp and libLLVM. Linking clang's static
# libraries as well would load two copies of LLVM's option registry.
find_library(PYCAPI_LIB_CLANG_TIDY clangTidy PATHS "${LLVM_LIBRARY_DIR}" NO_DEFAULT_PATH REQUIRED)
find_library(PYCAPI_LIB_CLANG_TIDY_UTILS clangTidyUtils PATHS "${LLVM_LIBRARY_DIR}" NO_DEFAULT_PATH REQUIRED)
# The unversioned libclang-cpp.so link comes from libclang-cpp-NN-dev; the
# versioned file from libclang-cpp-NN is always there, so use that one.
file(GLOB _clang_cpp "${LLVM_LIBRARY_DIR}/libclang-cpp.so.${PYCAPI_LLVM_VERSION}*")
if(_clang_cpp)
  list(SORT _clang_cpp)
  list(GET _clang_cpp 0 PYCAPI_LIB_CLANG_CPP)
else()
  message(FATAL_ERROR "pycapi-migrate: libclang-cpp.so.${PYCAPI_LLVM_VERSION} not found in ${LLVM_LIBRARY_DIR}; apt-get install libclang-cpp${PYCAPI_LLVM_VERSION}")
endif()
find_library(PYCAPI_LIB_LLVM NAMES LLVM LLVM-${PYCAPI_LLVM_VERSION} PATHS "${LLVM_LIBRARY_DIR}" NO_DEFAULT_PATH REQUIRED)
add_library(pycapi_clang_tidy_static INTERFACE)
add_library(pycapi::clang_tidy_static ALIAS pycapi_clang_tidy_static)
target_link_libraries(pycapi_clang_tidy_static INTERFACE
  pycapi::llvm
  -Wl,--start-group ${PYCAPI_LIB_CLANG_TIDY} ${PYCAPI_LIB_CLANG_TIDY_UTILS} -Wl,--end-group
  ${PYCAPI_LIB_CLANG_CPP} ${PYCAPI_LIB_LLVM})
