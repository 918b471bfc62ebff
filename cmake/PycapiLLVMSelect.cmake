# Chooses one LLVM/Clang major (14..22) before project(), so that the
# compiler can be that major's clang: Debian builds LLVM with clang, and GCC
# mangles some of clang-tidy's templates differently (OptionsView::get<bool>),
# so objects built by GCC do not link against clang-tidy's libraries.
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
if(NOT CMAKE_CXX_COMPILER AND NOT DEFINED ENV{CXX})
  if(NOT EXISTS "${PYCAPI_LLVM_PREFIX}/bin/clang++")
    message(FATAL_ERROR "pycapi-migrate: clang++ of LLVM ${PYCAPI_LLVM_VERSION} is needed to build against its libraries; apt-get install clang-${PYCAPI_LLVM_VERSION}")
  endif()
  set(CMAKE_CXX_COMPILER "${PYCAPI_LLVM_PREFIX}/bin/clang++" CACHE FILEPATH "C++ compiler")
  set(CMAKE_C_COMPILER "${PYCAPI_LLVM_PREFIX}/bin/clang" CACHE FILEPATH "C compiler")
endif()
