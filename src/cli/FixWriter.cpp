//===--- FixWriter.cpp - apply fixes to files, atomically ------------------===//
#include "FixWriter.h"
#include "FixedText.h"
#include "clang/Format/Format.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace pycapi::cli {

static llvm::Error fail(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 Message.str());
}

llvm::Expected<std::string>
fixedContents(llvm::StringRef Path, const clang::tooling::Replacements &Fixes,
              llvm::StringRef FormatStyle) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return fail("cannot read '" + Path + "': " + Buffer.getError().message());
  llvm::StringRef Code = (*Buffer)->getBuffer();
  auto Style = clang::format::getStyle(FormatStyle, Path, "none");
  if (!Style)
    return Style.takeError();
  return fixedText(Code, Fixes, *Style);
}

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Contents) {
  llvm::sys::fs::file_status Status;
  if (auto EC = llvm::sys::fs::status(Path, Status))
    return fail("cannot stat '" + Path + "': " + EC.message());
  // The owner's write bit, not only access(): root may write anything, but a
  // file its owner made read-only is not one to rewrite behind their back.
  if (!(Status.permissions() & llvm::sys::fs::owner_write))
    return fail("'" + Path + "' is read-only; it was left as it was");
  if (auto EC = llvm::sys::fs::access(Path, llvm::sys::fs::AccessMode::Write))
    return fail("cannot write '" + Path + "': " + EC.message());

  llvm::SmallString<256> Model(Path);
  Model += ".pycapi-%%%%%%.tmp";
  int FD = -1;
  llvm::SmallString<256> TempPath;
  if (auto EC = llvm::sys::fs::createUniqueFile(Model, FD, TempPath))
    return fail("cannot create a temporary file next to '" + Path +
                "': " + EC.message());
  llvm::FileRemover RemoveTemp(TempPath);
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Contents;
    OS.flush();
    if (OS.has_error())
      return fail("cannot write '" + TempPath + "': " + OS.error().message());
  }
  if (auto EC = llvm::sys::fs::setPermissions(TempPath, Status.permissions()))
    return fail("cannot set permissions of '" + TempPath +
                "': " + EC.message());
  if (auto EC = llvm::sys::fs::rename(TempPath, Path))
    return fail("cannot replace '" + Path + "': " + EC.message());
  RemoveTemp.releaseFile();
  return llvm::Error::success();
}

} // namespace pycapi::cli
