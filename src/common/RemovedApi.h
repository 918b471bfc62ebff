//===--- RemovedApi.h - symbols removed from CPython's public headers
//------===//
//
// The table is generated at build time from data/cpython-removed-api.tsv; see
// data/README.md. Lookups are by exact name.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_COMMON_REMOVEDAPI_H
#define PYCAPI_COMMON_REMOVEDAPI_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>

namespace pycapi {

/// How a symbol was declared (a name may be declared in several forms).
namespace KindBit {
enum : uint16_t {
  Function = 1 << 0,
  StaticInlineFunction = 1 << 1,
  Macro = 1 << 2,
  FunctionLikeMacro = 1 << 3,
  Typedef = 1 << 4,
  Struct = 1 << 5,
  Enumerator = 1 << 6,
  Variable = 1 << 7,
  Header = 1 << 8,
  StructMember = 1 << 9,
};
} // namespace KindBit

enum class RewriteKind { Rename, SignatureChange, Manual, NoReplacement };

/// Which check reports a symbol (the data's `check` column).
enum class CheckScope { Private, Public, Buffer };

/// What a removed buffer function does (CheckScope::Buffer rows), derived
/// from its old signature by data/gen_api_tables.py.
enum class BufferRole {
  None,  ///< not a buffer function
  Check, ///< PyObject_CheckReadBuffer(obj): tests for the buffer interface
  Read,  ///< gets a read-only pointer and length
  Write, ///< gets a writable pointer and length
};

/// A Python version as major * 100 + minor (3.13 -> 313); 0 means "always".
using PyVersion = unsigned;

struct RemovedApi {
  llvm::StringRef Name;
  uint16_t Kinds;
  PyVersion RemovedIn;
  bool WasPrivate;
  llvm::StringRef Replacement;
  PyVersion ReplacementSince;
  RewriteKind Rewrite;
  bool CompatHeaderHasIt;
  /// Preprocessor condition that guarded the old declaration, if any.
  llvm::StringRef OldCondition;
  llvm::StringRef Notes;
  CheckScope Scope;
  /// The automatic fix: the new identifier (rename), a call template with
  /// $1..$N for the old arguments (signature-change), or empty (none).
  llvm::StringRef Fix;
  /// The release that declares the name again (0: none).
  PyVersion RestoredIn;
  /// Removed from the limited C API only (Py_LIMITED_API builds).
  bool LimitedApiOnly;
  /// When the fix applies, as a condition on the call's arguments (the data's
  /// `fix_when` column, e.g. `$2 in 2 8 10 16`); empty: always.
  llvm::StringRef FixWhen;
  /// What the user reads when a use gets no automatic fix: what to write
  /// instead (a note). Notes is the data's provenance and never reaches the
  /// user.
  llvm::StringRef Advice;
  /// A removal CPython has announced for RemovedIn, not yet made.
  bool Planned;
  /// How the replacement behaves differently from the removed name: a note
  /// on every use, fixed or not.
  llvm::StringRef Caveat;
  /// For CheckScope::Buffer rows: what the function does.
  BufferRole Buffer;
};

/// The entry for \p Name, or null when CPython never removed it.
const RemovedApi *findRemovedApi(llvm::StringRef Name);

/// Every entry, in table order.
llvm::ArrayRef<RemovedApi> allRemovedApis();

/// Parses "3.13" into 313; returns 0 for anything else.
PyVersion parsePyVersion(llvm::StringRef Text);

/// Formats 313 as "3.13".
std::string formatPyVersion(PyVersion Version);

} // namespace pycapi

#endif // PYCAPI_COMMON_REMOVEDAPI_H
