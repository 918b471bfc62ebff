# Chooses one LLVM/Clang major (14..22) and exposes what the build needs:
#   PYCAPI_LLVM_VERSION, PYCAPI_LLVM_PREFIX, PYCAPI_CLANG_TIDY, PYCAPI_CLANG,
#   PYCAPI_FILECHECK, PYCAPI_LIT, the imported target pycapi::llvm (headers and
#   definitions only; no libraries) and pycapi::clang_tidy_static (what the
#   standalone CLI links: clang-tidy's static libraries, libclang-cpp, libLLVM).
#
# Default: the major of the `clang-tidy` on PATH when its dev packages are
# installed, else the newest installed major that is usable.
set(PYCAPI_LLVM_MIN 14)
set(PYCAPI_LLVM_MAX 22)
set(PYCAPI_LLVM_VERSION "" CACHE STRING "LLVM/Clang major to build against (14..22)")

set(_pycapi_pkg_hint
  "apt-get install llvm-NN-dev libclang-NN-dev clang-tidy-NN llvm-NN-tools clang-NN (NN = 14, 15, 16, 19 or 22 on Debian 12), or run scripts/bootstrap")

# A major is usable when the LLVM cmake package, clang-tidy's headers and static
# libraries, and the clang-tidy binary are all installed.
function(pycapi_llvm_usable major out_var)
  set(prefix "/usr/lib/llvm-${major}")
  if(EXISTS "${prefix}/lib/cmake/llvm/LLVMConfig.cmake"
     AND EXISTS "${prefix}/include/clang-tidy/ClangTidyCheck.h"
     AND EXISTS "${prefix}/lib/libclangTidy.a"
     AND EXISTS "${prefix}/bin/clang-tidy")
    set(${out_var} TRUE PARENT_SCOPE)
  else()
    set(${out_var} FALSE PARENT_SCOPE)
  endif()
endfunction()

if(PYCAPI_LLVM_VERSION STREQUAL "")
  find_program(_pycapi_path_tidy clang-tidy)
  if(_pycapi_path_tidy)
    execute_process(COMMAND ${_pycapi_path_tidy} --version
                    OUTPUT_VARIABLE _out ERROR_QUIET)
    if(_out MATCHES "LLVM version ([0-9]+)\\.")
      pycapi_llvm_usable(${CMAKE_MATCH_1} _ok)
      if(_ok)
        set(_chosen ${CMAKE_MATCH_1})
      endif()
    endif()
  endif()
  if(NOT _chosen)
    foreach(major RANGE ${PYCAPI_LLVM_MAX} ${PYCAPI_LLVM_MIN} -1)
      pycapi_llvm_usable(${major} _ok)
      if(_ok)
        set(_chosen ${major})
        break()
      endif()
    endforeach()
  endif()
  if(NOT _chosen)
    message(FATAL_ERROR "pycapi-migrate: no usable LLVM/Clang ${PYCAPI_LLVM_MIN}..${PYCAPI_LLVM_MAX} found; ${_pycapi_pkg_hint}")
  endif()
  set(PYCAPI_LLVM_VERSION ${_chosen} CACHE STRING "LLVM/Clang major to build against (14..22)" FORCE)
endif()

if(NOT PYCAPI_LLVM_VERSION MATCHES "^[0-9]+$"
   OR PYCAPI_LLVM_VERSION LESS PYCAPI_LLVM_MIN OR PYCAPI_LLVM_VERSION GREATER PYCAPI_LLVM_MAX)
  message(FATAL_ERROR "pycapi-migrate: PYCAPI_LLVM_VERSION=${PYCAPI_LLVM_VERSION} is not a supported major (${PYCAPI_LLVM_MIN}..${PYCAPI_LLVM_MAX})")
endif()
pycapi_llvm_usable(${PYCAPI_LLVM_VERSION} _ok)
if(NOT _ok)
  string(REPLACE "NN" "${PYCAPI_LLVM_VERSION}" _hint "${_pycapi_pkg_hint}")
  message(FATAL_ERROR "pycapi-migrate: LLVM ${PYCAPI_LLVM_VERSION} is not fully installed; ${_hint}")
endif()

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
