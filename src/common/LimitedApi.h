//===--- LimitedApi.h - CPython's Limited API, by Py_LIMITED_API target
//----===//
//
// The table is generated at build time by data/gen_limited_api.py from the
// admission table that data/derive_limited_api.py derives from the real 3.13
// headers (what each target 3.2..3.13 accepts), the Stable ABI manifests
// (CPython's 3.13 Misc/stable_abi.toml and the reconstructed 3.14/3.15 ones,
// for later targets) and the rest of the full C API; see data/README.md.
//
// The findings of pycapi-limited-api are made here, as data
// (LimitedApiFinding, CheckFindings.h) and as the text of their diagnostics:
// the CLI's --limited-api-report groups the data (what each names, the
// version that admits it, its alternative), never the text.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_COMMON_LIMITEDAPI_H
#define PYCAPI_COMMON_LIMITEDAPI_H

#include "CheckFindings.h"
#include "RemovedApi.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>
#include <utility>

namespace pycapi {

/// A name of CPython's C API and the Py_LIMITED_API targets that admit it.
struct LimitedApiName {
  llvm::StringRef Name;
  /// What the headers make it: function, macro, const, data, struct, typedef.
  llvm::StringRef Kind;
  /// Bit N: target FirstHeaderTarget + N admits it, for the targets the real
  /// headers decide (FirstHeaderTarget..LastHeaderTarget); one target may
  /// admit a name that a higher one does not (Py_MEMCPY, up to 3.10).
  uint32_t AdmittedMask;
  /// First target that admits it, up to LastHeaderTarget or, for a name a
  /// later manifest adds, that release; 0 when none does.
  PyVersion Added;
  /// For targets above LastHeaderTarget: the release whose manifest made it
  /// abi_only, or 0.
  PyVersion RemovedIn;
  /// A Limited API name that does the same job, or empty.
  llvm::StringRef Alternative;

  /// The targets whose headers the admission table was derived from.
  static const PyVersion FirstHeaderTarget, LastHeaderTarget;

  bool admits(PyVersion Target) const;
  /// The lowest target above \p Target that admits it; 0 when none does.
  PyVersion admittedAfter(PyVersion Target) const;
  /// When \p Target does not admit it but a lower target did: the first
  /// target of the run that does not, up to \p Target (3.11 for Py_MEMCPY
  /// at 3.12); 0 otherwise.
  PyVersion droppedSince(PyVersion Target) const;
};

/// A struct that the Limited API offers only in part: 'opaque' (only pointers
/// to it: no object, no member) or 'members' (only the listed members).
struct LimitedApiStruct {
  llvm::StringRef Name;
  bool Opaque;
  /// The members the Limited API offers, comma-separated.
  llvm::StringRef Members;
  /// What replaces defining an object of it, and reading other members.
  llvm::StringRef ObjectAlternative;
  llvm::StringRef MemberAlternative;

  bool offersMember(llvm::StringRef Member) const;
};

/// The entry for \p Name (a typedef or struct tag of the manifest), or null
/// when the Limited API offers all of that struct, or does not know it.
const LimitedApiStruct *findLimitedApiStruct(llvm::StringRef Name);

/// The entry for \p Name, or null when it is not a name of CPython's C API
/// that the table knows (the 3.13 headers, the 3.13-3.15 manifests).
const LimitedApiName *findLimitedApiName(llvm::StringRef Name);

/// True for the prefixes CPython gives its C API names: Py, PY, _Py, _PY.
/// The cheap first test the check applies to every identifier.
inline bool hasPythonApiPrefix(llvm::StringRef Name) {
  if (!Name.empty() && Name[0] == '_')
    Name = Name.drop_front();
  return Name.size() > 2 && Name[0] == 'P' &&
         (Name[1] == 'y' || Name[1] == 'Y');
}

/// The target a Py_LIMITED_API value means: a PY_VERSION_HEX (0x030C0000 is
/// 3.12); any value below 0x03020000, such as 3, means 3.2.
PyVersion limitedApiTargetFromHex(uint64_t Value);

/// 313 -> "0x030D0000".
std::string pyVersionHex(PyVersion Version);

/// Parses the LimitedApiAudit option: "3.12", "0x030C0000" or "3" (3.2).
/// Returns 0 for anything else.
PyVersion parseLimitedApiTarget(llvm::StringRef Text);

/// A use of \p Name that \p Target does not admit; \p Entry is its table
/// entry or null (a Python name the table does not know, which no target
/// admits).
LimitedApiFinding limitedApiFinding(llvm::StringRef Name,
                                    const LimitedApiName *Entry,
                                    PyVersion Target);

/// Reading \p Member of \p Struct, which the Limited API does not offer, with
/// the alternative of that member (PyType_GetName for PyTypeObject.tp_name),
/// else the struct's.
LimitedApiFinding limitedApiMemberFinding(const LimitedApiStruct &Struct,
                                          llvm::StringRef Member,
                                          PyVersion Target);

/// Defining an object of the opaque \p Struct.
LimitedApiFinding limitedApiObjectFinding(const LimitedApiStruct &Struct,
                                          PyVersion Target);

/// The report of --limited-api-report: per file and in total, the uses that
/// keep \p Target from building, grouped by the lowest target that admits
/// them, each name with its alternative and the version that admits that.
/// \p Findings are (file, finding) pairs.
std::string formatLimitedApiReport(
    PyVersion Target,
    llvm::ArrayRef<std::pair<std::string, LimitedApiFinding>> Findings);

} // namespace pycapi

#endif // PYCAPI_COMMON_LIMITEDAPI_H
