//===--- CompatInclude.h - the compat header's #include, once -------------===//
//
// A fix whose replacement is newer than MinimumPythonVersion relies on
// pythoncapi_compat.h (the CompatHeader option): the unit must include it
// after Python.h. Every check whose fixes may need it shares this: it follows
// the preprocessor to learn whether the unit includes the header already and
// which #include brought Python.h in, and inserts `#include "<CompatHeader>"`
// once per translation unit (and, for a host tool that does not merge
// identical edits, once per file of the run), right after the #include on the
// way to Python.h that the project can edit.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_UTILS_COMPATINCLUDE_H
#define PYCAPI_CHECKS_UTILS_COMPATINCLUDE_H

#include "LLVMCompat.h"
#include "RemovedApi.h"
#include "removedapi/RemovedApiCommon.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"
#include <string>
#include <vector>

namespace clang {
class Preprocessor;
} // namespace clang

namespace clang::tidy::pycapi {

class CompatInclude {
public:
  /// A note that a fix needs (where to get the compat header).
  struct Note {
    SourceLocation Loc;
    std::string Text;
  };

  /// \p Header is the CompatHeader option: empty when the fixes may not
  /// rely on a compat header.
  explicit CompatInclude(std::string Header) : Header(std::move(Header)) {}

  const std::string &header() const { return Header; }
  /// Whether \p Path (a file name or path) is the compat header.
  bool isHeaderFile(llvm::StringRef Path) const;

  /// Starts a translation unit (from registerPPCallbacks).
  void startUnit(const SourceManager &SM, Preprocessor &Pre);
  /// The preprocessor entered the file at \p Loc.
  void onFileEntered(SourceLocation Loc);
  /// Forgets the unit (from onEndOfTranslationUnit).
  void endUnit();

  /// Why a fix that introduces \p Name, new in Python \p Since, gets none
  /// under \p Minimum: no CompatHeader is set. Nothing when the fix may be
  /// made (the replacement is old enough or the header is set).
  removedapi::NoFixReason unavailable(llvm::StringRef Name,
                                      ::pycapi::PyVersion Since,
                                      ::pycapi::PyVersion Minimum) const;

  /// Adds to \p Fixes the #include that a fix at \p UseLoc needs, unless the
  /// unit has it already or an earlier fix of the unit inserts it, with a
  /// note when the include path lacks the header; or says why it cannot.
  removedapi::NoFixReason insert(SourceLocation UseLoc,
                                 std::vector<FixItHint> &Fixes,
                                 std::vector<Note> &Notes);

private:
  /// The #include on the way to Python.h after which the compat header's
  /// goes, for a use in \p File, or why there is none.
  removedapi::OrNoFix<SourceLocation> place(FileID File) const;
  /// True when `#include "<Header>"` written in \p File finds a file.
  bool found(FileID File) const;

  const std::string Header;
  const SourceManager *Sources = nullptr;
  Preprocessor *PP = nullptr;
  /// The unit includes the compat header itself.
  bool Included = false;
  /// The #include that brought in Python.h (it is entered once).
  SourceLocation PythonIncludeLoc;
  /// Where this unit's fixes insert the #include.
  llvm::SmallVector<SourceLocation, 1> Inserts;
};

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_UTILS_COMPATINCLUDE_H
