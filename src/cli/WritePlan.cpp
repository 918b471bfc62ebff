//===--- WritePlan.cpp - which files --fix writes, decided once
//------------===//
#include "WritePlan.h"
#include "FileCollector.h"
#include "SourceText.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <fmt/core.h>

namespace pycapi::cli {

std::string fileWrittenFor(llvm::StringRef Path, llvm::StringRef Root) {
  llvm::SmallString<256> Real, RealRoot;
  if (llvm::sys::fs::real_path(Path, Real) || Real == Path)
    return Path.str();
  if (llvm::sys::fs::real_path(Root, RealRoot))
    RealRoot = Root;
  std::string Relative = relativeTo(RealRoot, Real);
  if (Relative == Real)
    return Path.str(); // outside the root: refused, by the name used
  llvm::SmallString<256> UnderRoot(Root);
  llvm::sys::path::append(UnderRoot, Relative);
  return std::string(UnderRoot.str());
}

namespace {

/// Why \p Path (whose real path is \p Real) no longer holds what the checks
/// read, or "" when it does; then \p Now holds its bytes.
std::string whyChanged(const std::string &Path, llvm::StringRef Real,
                       const ContentIds &Read,
                       std::unique_ptr<llvm::MemoryBuffer> &Now) {
  auto Seen = Read.find(Real.str());
  if (Seen == Read.end())
    // A fix in a file no unit read (or one that is not a plain file on
    // disk): there is nothing to tell its offsets are right.
    return fmt::format("'{}' was not read by the checks; it was left as it "
                       "was",
                       Path);
  if (Seen->second.Inconsistent)
    return fmt::format("'{}' changed while it was checked (the translation "
                       "units that include it saw different text); it was "
                       "left as it was (run pycapi-migrate again)",
                       Path);
  // Read, not mapped: the bytes compared are the bytes kept.
  auto Buffer = llvm::MemoryBuffer::getFile(Real, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false,
                                            /*IsVolatile=*/true);
  if (!Buffer)
    return fmt::format(message::CannotRead, Path, Buffer.getError().message());
  if (contentIdOf((*Buffer)->getBuffer()) != Seen->second)
    return fmt::format(message::ChangedSinceChecked, Path);
  Now = std::move(*Buffer);
  return "";
}

/// A file whose units disagree may have fixes that overlap: it changed,
/// which says more than that its fixes conflict.
void refuseChangedConflicts(const FixSet &Fixes, const ContentIds &Read,
                            llvm::StringRef Root, WritePlan &Plan) {
  for (const std::string &Path : Fixes.conflictingFiles()) {
    llvm::SmallString<256> Real;
    std::unique_ptr<llvm::MemoryBuffer> Now;
    if (!llvm::sys::fs::real_path(Path, Real) && isInside(Path, Root)) {
      std::string Changed = whyChanged(Path, Real, Read, Now);
      if (!Changed.empty())
        Plan.Refusals.push_back({Path, std::move(Changed)});
    }
  }
}

} // namespace

WritePlan
planWrites(FixSet &Fixes, const ContentIds &Read, llvm::StringRef Root,
           const std::function<std::string(llvm::StringRef)> &FormatStyleOf,
           bool WithContents) {
  WritePlan Plan;
  refuseChangedConflicts(Fixes, Read, Root, Plan);
  for (const auto &FileAndFixes : Fixes.applicable()) {
    const std::string &Path = FileAndFixes.first;
    auto Refuse = [&](std::string Message) {
      Plan.Refusals.push_back({Path, std::move(Message)});
      Fixes.refuse(Path);
    };
    llvm::SmallString<256> Real;
    bool Resolved = !llvm::sys::fs::real_path(Path, Real);
    if (!isInside(Path, Root)) {
      Refuse(fmt::format("'{}'{} is outside the project root '{}'; it was "
                         "not changed (see --root)",
                         Path,
                         Resolved && Real != Path
                             ? fmt::format(" (a link to '{}')", Real.str())
                             : "",
                         Root));
      continue;
    }
    llvm::sys::fs::file_status Status;
    if (!Resolved || llvm::sys::fs::status(Real, Status)) {
      Refuse(fmt::format(message::CannotRead, Path, "it no longer exists"));
      continue;
    }
    if (!(Status.permissions() & llvm::sys::fs::owner_write)) {
      Refuse(fmt::format(message::ReadOnly, Path));
      continue;
    }
    std::unique_ptr<llvm::MemoryBuffer> Now;
    std::string Changed = whyChanged(Path, Real, Read, Now);
    if (!Changed.empty()) {
      Refuse(std::move(Changed));
      continue;
    }
    PlannedWrite Write;
    Write.Path = Path;
    Write.RealPath = std::string(Real.str());
    if (WithContents) {
      Write.Original = Now->getBuffer().str();
      auto Fixed = fixedContents(Path, Write.Original, FileAndFixes.second,
                                 FormatStyleOf(Path));
      if (!Fixed) {
        Refuse(fmt::format("cannot apply fixes to '{}': {}", Path,
                           llvm::toString(Fixed.takeError())));
        continue;
      }
      Write.Fixed = std::move(*Fixed);
    }
    Plan.Writes.push_back(std::move(Write));
  }
  return Plan;
}

} // namespace pycapi::cli
