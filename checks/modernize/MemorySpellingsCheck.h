//===--- MemorySpellingsCheck.h - pycapi-modernize-memory-spellings -------===//
//
// PyObject_NEW, PyMem_MALLOC, PyObject_DEL and the other macro spellings of
// the allocation functions: aliases that Python keeps for old code, renamed
// to the functions they stand for. Found as macro expansions of Python's own
// macros, so text in comments and strings, a project's macro of the same
// name and a longer name (PyObject_NEW2) are never touched. Opt-in: the old
// spellings still compile.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_MODERNIZE_MEMORYSPELLINGSCHECK_H
#define PYCAPI_CHECKS_MODERNIZE_MEMORYSPELLINGSCHECK_H

#include "ModernizeCheckBase.h"

namespace clang::tidy::pycapi::modernize {

class MemorySpellingsCheck : public ModernizeCheckBase {
public:
  using ModernizeCheckBase::ModernizeCheckBase;
  void onMacroExpands(const Token &NameTok, const MacroDefinition &MD) override;

protected:
  /// The macro hook finds every old spelling.
  bool usesMatchers() const override { return false; }
};

} // namespace clang::tidy::pycapi::modernize

#endif // PYCAPI_CHECKS_MODERNIZE_MEMORYSPELLINGSCHECK_H
