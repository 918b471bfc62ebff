//===--- LimitedApi.cpp - generated table of the Limited API
//---------------===//
#include "LimitedApi.h"
#include "TableIndex.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <map>
#include <set>

namespace pycapi {
namespace {

const LimitedApiName Table[] = {
#define PYCAPI_LIMITED_API_HEADERS(First, Last)
#define PYCAPI_LIMITED_API(Name, Kind, AdmittedMask, Added, RemovedIn,         \
                           Alternative)                                        \
  {Name, Kind, AdmittedMask, Added, RemovedIn, Alternative},
#define PYCAPI_LIMITED_STRUCT(Name, Opaque, Members, ObjectAlternative,        \
                              MemberAlternative)
#include "pycapi/LimitedApiTable.inc"
#undef PYCAPI_LIMITED_STRUCT
#undef PYCAPI_LIMITED_API
#undef PYCAPI_LIMITED_API_HEADERS
};

const LimitedApiStruct Structs[] = {
#define PYCAPI_LIMITED_API_HEADERS(First, Last)
#define PYCAPI_LIMITED_STRUCT(Name, Opaque, Members, ObjectAlternative,        \
                              MemberAlternative)                               \
  {Name, Opaque, Members, ObjectAlternative, MemberAlternative},
#define PYCAPI_LIMITED_API(Name, Kind, AdmittedMask, Added, RemovedIn,         \
                           Alternative)
#include "pycapi/LimitedApiTable.inc"
#undef PYCAPI_LIMITED_API
#undef PYCAPI_LIMITED_STRUCT
#undef PYCAPI_LIMITED_API_HEADERS
};

struct HeaderTargets {
  PyVersion First, Last;
};
constexpr HeaderTargets Headers =
#define PYCAPI_LIMITED_API_HEADERS(First, Last) {First, Last};
#define PYCAPI_LIMITED_API(Name, Kind, AdmittedMask, Added, RemovedIn,         \
                           Alternative)
#define PYCAPI_LIMITED_STRUCT(Name, Opaque, Members, ObjectAlternative,        \
                              MemberAlternative)
#include "pycapi/LimitedApiTable.inc"
#undef PYCAPI_LIMITED_STRUCT
#undef PYCAPI_LIMITED_API
#undef PYCAPI_LIMITED_API_HEADERS
    static_assert(Headers.Last - Headers.First < 32,
                  "AdmittedMask has a bit per target the headers decide");

/// Targets above this are not Python 3 versions; no release admits them.
constexpr PyVersion LastTarget = 399;

const char ObjectsSuffix[] =
    "' objects are not part of the Limited API, only pointers to them";
const char SincePrefix[] = "' is in the Limited API only since ";
const char NotPartPrefix[] = "' is not part of the Limited API";

std::string plural(size_t N, llvm::StringRef One, llvm::StringRef Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many).str();
}

/// What the report says after a name: " (2; use PyTuple_GetItem, in the
/// Limited API since 3.2)", the count only when the name is used more than
/// once, the alternative with the version that admits it, as the warnings
/// give it (always with the version: the report is read to choose a
/// target).
std::string usesAndAlternative(unsigned Count,
                               const LimitedApiFinding &Finding) {
  std::string Notes;
  if (Count > 1)
    Notes = std::to_string(Count);
  if (!Finding.Alternative.empty()) {
    Notes += (Notes.empty() ? "use " : "; use ") + Finding.Alternative;
    if (Finding.AlternativeFrom)
      Notes += ", in the Limited API since " +
               formatPyVersion(Finding.AlternativeFrom);
  }
  return Notes.empty() ? "" : " (" + Notes + ")";
}

} // namespace

const PyVersion LimitedApiName::FirstHeaderTarget = Headers.First;
const PyVersion LimitedApiName::LastHeaderTarget = Headers.Last;

bool LimitedApiName::admits(PyVersion Target) const {
  if (Target < Headers.First)
    Target = Headers.First;
  if (Target <= Headers.Last)
    return AdmittedMask >> (Target - Headers.First) & 1;
  // Above the headers' own version, the later manifests: what the last
  // target admits stays, unless a manifest made it abi_only.
  bool Offered =
      admits(Headers.Last) || (Added > Headers.Last && Added <= Target);
  return Offered && (RemovedIn == 0 || Target < RemovedIn);
}

PyVersion LimitedApiName::admittedAfter(PyVersion Target) const {
  for (PyVersion Later = Target + 1; Later <= LastTarget; ++Later)
    if (admits(Later))
      return Later;
  return 0;
}

PyVersion LimitedApiName::droppedSince(PyVersion Target) const {
  for (PyVersion Lower = Target; Lower > Headers.First; --Lower)
    if (admits(Lower - 1))
      return Lower;
  return 0;
}

const LimitedApiName *findLimitedApiName(llvm::StringRef Name) {
  static const auto Index = indexByName<LimitedApiName>(Table);
  return Index.lookup(Name);
}

bool LimitedApiStruct::offersMember(llvm::StringRef Member) const {
  llvm::SmallVector<llvm::StringRef, 4> Names;
  Members.split(Names, ',');
  return llvm::is_contained(Names, Member);
}

const LimitedApiStruct *findLimitedApiStruct(llvm::StringRef Name) {
  for (const LimitedApiStruct &Struct : Structs)
    if (Struct.Name == Name)
      return &Struct;
  return nullptr;
}

PyVersion limitedApiTargetFromHex(uint64_t Value) {
  if (Value < 0x03020000)
    return 302;
  return static_cast<PyVersion>(((Value >> 24) & 0xff) * 100 +
                                ((Value >> 16) & 0xff));
}

std::string pyVersionHex(PyVersion Version) {
  char Buffer[16];
  snprintf(Buffer, sizeof(Buffer), "0x%02X%02X0000", Version / 100,
           Version % 100);
  return Buffer;
}

PyVersion parseLimitedApiTarget(llvm::StringRef Text) {
  Text = Text.trim();
  if (Text == "3")
    return 302;
  if (Text.size() > 2 && (Text[1] == 'x' || Text[1] == 'X')) {
    uint64_t Value = 0;
    if (Text.getAsInteger(0, Value) || Value < 0x03020000 || Value > 0x03FFFFFF)
      return 0;
    return limitedApiTargetFromHex(Value);
  }
  PyVersion Version = parsePyVersion(Text);
  return Version >= 302 && Version < 400 ? Version : 0;
}

/// Sets the alternative of \p Finding to \p Alternative, when it names one,
/// and says it in the message; with the version that admits it when
/// \p Target does not.
static void addAlternative(LimitedApiFinding &Finding,
                           llvm::StringRef Alternative, PyVersion Target) {
  if (Alternative.empty())
    return;
  Finding.Alternative = Alternative.str();
  Finding.Message += "; use " + Finding.Alternative;
  if (const LimitedApiName *Alt = findLimitedApiName(Alternative)) {
    Finding.AlternativeFrom = Alt->Added;
    if (!Alt->admits(Target))
      if (PyVersion Since = Alt->admittedAfter(Target))
        Finding.Message +=
            " (in the Limited API since " + formatPyVersion(Since) + ")";
  }
}

LimitedApiFinding limitedApiFinding(llvm::StringRef Name,
                                    const LimitedApiName *Entry,
                                    PyVersion Target) {
  LimitedApiFinding Finding;
  Finding.Name = Name.str();
  Finding.Message = "'" + Name.str();
  if (PyVersion Later = Entry ? Entry->admittedAfter(Target) : 0) {
    Finding.AdmittedFrom = Later;
    Finding.Message += SincePrefix + formatPyVersion(Later) +
                       "; raise Py_LIMITED_API to " + pyVersionHex(Later) +
                       " or avoid it";
    return Finding;
  }
  Finding.Message += NotPartPrefix;
  if (PyVersion Dropped = Entry ? Entry->droppedSince(Target) : 0)
    Finding.Message += " since " + formatPyVersion(Dropped);
  if (Entry)
    addAlternative(Finding, Entry->Alternative, Target);
  return Finding;
}

LimitedApiFinding limitedApiMemberFinding(const LimitedApiStruct &Struct,
                                          llvm::StringRef Member,
                                          PyVersion Target) {
  LimitedApiFinding Finding;
  Finding.Name = Struct.Name.str() + "." + Member.str();
  Finding.Message = "'" + Finding.Name + NotPartPrefix;
  const LimitedApiName *Own = findLimitedApiName(Finding.Name);
  addAlternative(Finding,
                 Own && !Own->Alternative.empty() ? Own->Alternative
                                                  : Struct.MemberAlternative,
                 Target);
  return Finding;
}

LimitedApiFinding limitedApiObjectFinding(const LimitedApiStruct &Struct,
                                          PyVersion Target) {
  LimitedApiFinding Finding;
  Finding.Name = Struct.Name.str() + " objects";
  Finding.Message = "'" + Struct.Name.str() + ObjectsSuffix;
  addAlternative(Finding, Struct.ObjectAlternative, Target);
  return Finding;
}

std::string formatLimitedApiReport(
    PyVersion Target,
    llvm::ArrayRef<std::pair<std::string, LimitedApiFinding>> Findings) {
  // file -> admitting version (0: none, listed last) -> name -> uses
  struct Uses {
    unsigned Count = 0;
    /// The finding's alternative: the same for every use of the name.
    const LimitedApiFinding *First = nullptr;
  };
  using Names = std::map<std::string, Uses>;
  auto Later = [](PyVersion A, PyVersion B) {
    return (A ? A : 10000) < (B ? B : 10000);
  };
  std::map<std::string, std::map<PyVersion, Names, decltype(Later)>> ByFile;
  std::map<PyVersion, unsigned, decltype(Later)> Total(Later);
  unsigned TotalUses = 0;
  for (const auto &[File, Finding] : Findings) {
    auto &Groups =
        ByFile
            .try_emplace(File,
                         std::map<PyVersion, Names, decltype(Later)>(Later))
            .first->second;
    Uses &Name = Groups[Finding.AdmittedFrom][Finding.Name];
    ++Name.Count;
    if (!Name.First)
      Name.First = &Finding;
    ++Total[Finding.AdmittedFrom];
    ++TotalUses;
  }

  auto Group = [](PyVersion Version) {
    return Version
               ? formatPyVersion(Version) +
                     " (Py_LIMITED_API=" + pyVersionHex(Version) + ") admits"
               : std::string("not in the Limited API");
  };
  std::string Out = "Limited API report for " + formatPyVersion(Target) +
                    " (Py_LIMITED_API=" + pyVersionHex(Target) + "):\n";
  for (const auto &[File, Groups] : ByFile) {
    unsigned FileUses = 0;
    for (const auto &[Version, InGroup] : Groups)
      for (const auto &Entry : InGroup)
        FileUses += Entry.second.Count;
    Out += File + ": " + plural(FileUses, "use keeps", "uses keep") + " " +
           formatPyVersion(Target) + " from building\n";
    for (const auto &[Version, InGroup] : Groups) {
      Out += "  " + Group(Version) + ":";
      const char *Separator = " ";
      for (const auto &[Name, Used] : InGroup) {
        Out += Separator + Name + usesAndAlternative(Used.Count, *Used.First);
        Separator = ", ";
      }
      Out += "\n";
    }
  }
  if (TotalUses == 0)
    return Out + "total: no use keeps " + formatPyVersion(Target) +
           " from building\n";
  Out += "total: " + plural(TotalUses, "use", "uses") + " in " +
         plural(ByFile.size(), "file", "files");
  const char *Separator = "; ";
  for (const auto &[Version, Count] : Total) {
    Out += Separator;
    Out += Version
               ? formatPyVersion(Version) + " admits " + std::to_string(Count)
               : std::to_string(Count) + " not in the Limited API";
    Separator = ", ";
  }
  return Out + "\n";
}

} // namespace pycapi
