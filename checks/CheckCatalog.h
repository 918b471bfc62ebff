//===--- CheckCatalog.h - what each pycapi check is and reads ---*- C++ -*-===//
//
// One table of the module's checks: each check's name, a one-line summary,
// its documentation page and its options (key, default, how the check reads
// it, the pycapi-migrate flag that sets it). Both front ends read it:
// PycapiTidyModule registers the names; each check reads and stores its
// options under these keys, with these defaults; the CLI (src/cli) builds
// its option flags, the options it hands the checks and its SARIF rules from
// it, so that it spells no check name and no option key of its own.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_CHECKCATALOG_H
#define PYCAPI_CHECKS_CHECKCATALOG_H

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::pycapi {

/// The start of every check's name: the module's part of clang-tidy's check
/// names, and the glob that enables every check of it.
inline constexpr llvm::StringLiteral CheckPrefix = "pycapi-";
inline constexpr llvm::StringLiteral AllChecksGlob = "pycapi-*";

/// Where a check looks an option up.
enum class OptionScope {
  /// Options.get: only under the check's name ("pycapi-removed-api.Key").
  Local,
  /// Options.getLocalOrGlobal: under the check's name, else the bare key,
  /// so that one setting reaches every check that reads it.
  LocalOrGlobal,
};

/// What an option's value is; the CLI validates its flag's value by it.
enum class OptionKind { Text, PythonVersion, Boolean, Choice };

/// One option of a check.
struct CheckOption {
  llvm::StringLiteral Key;
  /// The value when none is configured, as --dump-config shows it.
  llvm::StringLiteral Default;
  OptionScope Scope;
  OptionKind Kind;
  /// The pycapi-migrate flag that sets it ("--target-python"); empty when
  /// only a configuration sets it.
  llvm::StringLiteral Flag;
  /// How the flag's help names its value ("PATH"); empty for a version or a
  /// choice, whose validator names it.
  llvm::StringLiteral ValueName;
  /// One line: what the option does.
  llvm::StringLiteral Help;
  /// For OptionKind::Choice, the values it takes.
  llvm::ArrayRef<llvm::StringLiteral> Choices = {};

  /// Default as a bool (OptionKind::Boolean).
  bool defaultFlag() const { return Default == "true"; }
};

/// One check of the module.
struct CheckInfo {
  llvm::StringLiteral Name;
  /// One sentence: what the check reports.
  llvm::StringLiteral Summary;
  /// The check's page, relative to the repository's root.
  llvm::StringLiteral DocPath;
  llvm::ArrayRef<const CheckOption *> Options;
  /// A style check: pycapi-migrate runs it only when asked by name
  /// (defaultChecks()); clang-tidy's `pycapi-*` includes it.
  bool OptIn = false;
};

/// pycapi-removed-buffer-api's ReleaseStrategy: when the migrated code
/// releases the buffer view.
enum class ReleaseStrategy {
  /// As late as the pointer is used.
  Lifetime,
  /// Right after the copy, as the removed functions did.
  Immediate,
};

/// The table. Its entries are named as the options and checks are (the
/// catalog's namespace keeps them apart from the checks' classes).
namespace catalog {

//===--- The options ------------------------------------------------------===//

inline constexpr CheckOption TargetPythonVersion = {
    /*Key=*/"TargetPythonVersion",
    /*Default=*/"3.13",
    OptionScope::Local,
    OptionKind::PythonVersion,
    /*Flag=*/"--target-python",
    /*ValueName=*/"",
    /*Help=*/"Report what is removed up to and including this release",
};
inline constexpr CheckOption MinimumPythonVersion = {
    /*Key=*/"MinimumPythonVersion",
    /*Default=*/"3.8",
    OptionScope::LocalOrGlobal,
    OptionKind::PythonVersion,
    /*Flag=*/"--min-python",
    /*ValueName=*/"",
    /*Help=*/"Oldest Python the code must keep supporting",
};
inline constexpr CheckOption CompatHeader = {
    /*Key=*/"CompatHeader",
    /*Default=*/"",
    OptionScope::LocalOrGlobal,
    OptionKind::Text,
    /*Flag=*/"--compat-header",
    /*ValueName=*/"PATH",
    /*Help=*/"The pythoncapi_compat.h the fixes may rely on",
};

/// The values of ReleaseStrategy, in the enum's order.
inline constexpr llvm::StringLiteral ReleaseStrategyNames[] = {"Lifetime",
                                                               "Immediate"};
inline constexpr CheckOption ReleaseStrategy = {
    /*Key=*/"ReleaseStrategy",
    /*Default=*/ReleaseStrategyNames[0],
    OptionScope::Local,
    OptionKind::Choice,
    /*Flag=*/"--release-strategy",
    /*ValueName=*/"",
    /*Help=*/"When migrated buffer code releases its view",
    /*Choices=*/ReleaseStrategyNames,
};
inline constexpr CheckOption PreserveWriteBufferTypeError = {
    /*Key=*/"PreserveWriteBufferTypeError",
    /*Default=*/"false",
    OptionScope::Local,
    OptionKind::Boolean,
    /*Flag=*/"",
    /*ValueName=*/"",
    /*Help=*/"Keep PyObject_AsWriteBuffer's TypeError for a read-only buffer",
};
inline constexpr CheckOption NonRetainingFunctions = {
    /*Key=*/"NonRetainingFunctions",
    /*Default=*/"",
    OptionScope::Local,
    OptionKind::Text,
    /*Flag=*/"--non-retaining-functions",
    /*ValueName=*/"NAMES",
    /*Help=*/
    "Functions that use a buffer pointer only during the call, "
    "separated by ';'",
};

/// Set by --limited-api-report, which also enables the check and prints the
/// report, so it is not a flag of its own.
inline constexpr CheckOption LimitedApiAudit = {
    /*Key=*/"LimitedApiAudit",
    /*Default=*/"",
    OptionScope::Local,
    OptionKind::Text,
    /*Flag=*/"",
    /*ValueName=*/"",
    /*Help=*/
    "Audit code that does not define Py_LIMITED_API against the "
    "Limited API of this version",
};

/// pycapi-modernize-object-fields: also the reads and writes of the fields,
/// which still compile on every supported Python; off, only `Py_TYPE(o) = t`
/// and the other getter assignments, errors since 3.11.
inline constexpr CheckOption FieldAccess = {
    /*Key=*/"FieldAccess",
    /*Default=*/"false",
    OptionScope::Local,
    OptionKind::Boolean,
    /*Flag=*/"",
    /*ValueName=*/"",
    /*Help=*/
    "Also rewrite op->ob_type, ob_size and ob_refcnt read or written "
    "directly (they still compile: a style change)",
};

/// pycapi-removed-api: rewrite the removed functions that lent a borrowed
/// reference into replacements that hand out a strong one
/// (data/strong-reference-replacements.tsv), with its releases. Off until
/// every shape it is meant to handle is done (docs/checks/removed-api.md).
inline constexpr CheckOption StrongReferenceFixes = {
    /*Key=*/"StrongReferenceFixes",
    /*Default=*/"false",
    OptionScope::Local,
    OptionKind::Boolean,
    /*Flag=*/"",
    /*ValueName=*/"",
    /*Help=*/
    "Rewrite PyWeakref_GetObject into PyWeakref_GetRef, releasing the strong "
    "reference (experimental)",
};

//===--- The checks -------------------------------------------------------===//

inline constexpr const CheckOption *RemovedApiOptions[] = {
    &TargetPythonVersion, &MinimumPythonVersion, &CompatHeader,
    &StrongReferenceFixes};
inline constexpr const CheckOption *RemovedPrivateApiOptions[] = {
    &TargetPythonVersion, &MinimumPythonVersion, &CompatHeader};
inline constexpr const CheckOption *RemovedBufferApiOptions[] = {
    &ReleaseStrategy, &PreserveWriteBufferTypeError, &NonRetainingFunctions};
inline constexpr const CheckOption *LimitedApiOptions[] = {&LimitedApiAudit};
inline constexpr const CheckOption *ModernizeOptions[] = {&MinimumPythonVersion,
                                                          &CompatHeader};
inline constexpr const CheckOption *ObjectFieldsOptions[] = {
    &MinimumPythonVersion, &CompatHeader, &FieldAccess};

inline constexpr CheckInfo LimitedApi = {
    "pycapi-limited-api", "Use of API outside the limited C API.",
    "docs/checks/limited-api.md", LimitedApiOptions};
inline constexpr CheckInfo ModernizeFrameAccess = {
    "pycapi-modernize-frame-access",
    "Frame and thread state fields read directly instead of through their "
    "getters.",
    "docs/checks/modernize-frame-access.md", ModernizeOptions};
inline constexpr CheckInfo ModernizeMemorySpellings = {
    "pycapi-modernize-memory-spellings",
    "Old macro spellings of the memory and object allocation functions.",
    "docs/checks/modernize-memory-spellings.md", ModernizeOptions,
    /*OptIn=*/true};
inline constexpr CheckInfo ModernizeObjectFields = {
    "pycapi-modernize-object-fields",
    "PyObject header fields read or written directly, or assigned through "
    "their getters.",
    "docs/checks/modernize-object-fields.md", ObjectFieldsOptions};
inline constexpr CheckInfo ModernizePyIs = {
    "pycapi-modernize-py-is",
    "Comparisons with Py_None, Py_True or Py_False that Py_Is* functions "
    "spell.",
    "docs/checks/modernize-py-is.md", ModernizeOptions, /*OptIn=*/true};
inline constexpr CheckInfo ModernizeRefcountIdioms = {
    "pycapi-modernize-refcount-idioms",
    "Reference counting statement pairs that Py_NewRef, Py_CLEAR or "
    "Py_SETREF write in one.",
    "docs/checks/modernize-refcount-idioms.md", ModernizeOptions,
    /*OptIn=*/true};
inline constexpr CheckInfo RemovedApi = {
    "pycapi-removed-api", "Use of public C API that a Python release removed.",
    "docs/checks/removed-api.md", RemovedApiOptions};
inline constexpr CheckInfo RemovedBufferApi = {
    "pycapi-removed-buffer-api",
    "Use of the buffer functions that Python 3.13 removed.",
    "docs/checks/removed-buffer-api.md", RemovedBufferApiOptions};
inline constexpr CheckInfo RemovedPrivateApi = {
    "pycapi-removed-private-api",
    "Use of private C API that Python 3.13 removed.",
    "docs/checks/removed-private-api.md", RemovedPrivateApiOptions};

/// Every check of the module, in name order.
inline constexpr const CheckInfo *AllChecks[] = {&LimitedApi,
                                                 &ModernizeFrameAccess,
                                                 &ModernizeMemorySpellings,
                                                 &ModernizeObjectFields,
                                                 &ModernizePyIs,
                                                 &ModernizeRefcountIdioms,
                                                 &RemovedApi,
                                                 &RemovedBufferApi,
                                                 &RemovedPrivateApi};

} // namespace catalog

/// The checks pycapi-migrate runs unless told otherwise: every check of the
/// module but the opt-in ones ("-*,pycapi-*,-pycapi-modernize-py-is,...").
std::string defaultChecks();

/// The check called \p Name; null for a name that is not the module's.
const CheckInfo *findCheck(llvm::StringRef Name);

/// \p Option's key under \p Check's name
/// ("pycapi-removed-buffer-api.ReleaseStrategy").
std::string localKey(const CheckInfo &Check, const CheckOption &Option);

/// The option that pycapi-migrate's flag \p Flag ("--min-python") sets; null
/// for another flag.
const CheckOption *findFlagOption(llvm::StringRef Flag);

/// The configuration keys that \p Option's flag sets: the bare key when the
/// checks read it with getLocalOrGlobal ("MinimumPythonVersion"), else the
/// key under the name of each check that has it
/// ("pycapi-removed-api.TargetPythonVersion", ...).
std::vector<std::string> flagKeys(const CheckOption &Option);

/// How a note names \p Option to the user: pycapi-migrate's flag, when the
/// checks run there and the option has one (HostTool::NamesOptionsByFlag);
/// else its key.
llvm::StringRef optionNameInNotes(const CheckOption &Option);

/// The error for a value of a Choice option that is not one of its choices,
/// as the check and the CLI report it: "invalid ReleaseStrategy 'Later' for
/// pycapi-removed-buffer-api: expected Lifetime or Immediate".
std::string invalidChoiceMessage(llvm::StringRef Check,
                                 const CheckOption &Option,
                                 llvm::StringRef Value);

/// The enumerator that OptionEnumMapping<T> names \p Text (exactly, as
/// ClangTidyCheck::OptionsView::get<T> matches); nullopt for another text.
template <typename T> std::optional<T> enumFromName(llvm::StringRef Text) {
  for (const auto &ValueAndName : OptionEnumMapping<T>::getEnumMapping())
    if (ValueAndName.second == Text)
      return ValueAndName.first;
  return std::nullopt;
}

} // namespace clang::tidy::pycapi

namespace clang::tidy {

template <> struct OptionEnumMapping<pycapi::ReleaseStrategy> {
  static llvm::ArrayRef<std::pair<pycapi::ReleaseStrategy, llvm::StringRef>>
  getEnumMapping();
};

} // namespace clang::tidy

#endif // PYCAPI_CHECKS_CHECKCATALOG_H
