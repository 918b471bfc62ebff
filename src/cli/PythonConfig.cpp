//===--- PythonConfig.cpp - ask a Python for its include directories
//-------===//
#include "PythonConfig.h"
#include "LLVMCompat.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

namespace pycapi::cli {

static llvm::Error fail(const std::string &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

llvm::Expected<std::vector<std::string>>
pythonIncludeDirs(const std::string &Python) {
  auto Program = llvm::sys::findProgramByName(Python);
  if (!Program || !llvm::sys::fs::can_execute(*Program))
    return fail("cannot find Python interpreter '" + Python +
                "'; pass --python PATH, or compiler arguments after --");

  llvm::SmallString<128> OutPath;
  if (auto EC = llvm::sys::fs::createTemporaryFile("pycapi-sysconfig", "txt",
                                                   OutPath))
    return fail("cannot create a temporary file: " + EC.message());
  llvm::FileRemover RemoveOut(OutPath);

  const char *Script = "import sysconfig\n"
                       "print(sysconfig.get_path('include'))\n"
                       "print(sysconfig.get_path('platinclude'))\n";
  std::vector<llvm::StringRef> Args = {*Program, "-c", Script};
  compat::Optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(OutPath), llvm::StringRef("")};
  std::string ErrMsg;
  int Status = llvm::sys::ExecuteAndWait(*Program, Args, /*Env=*/{}, Redirects,
                                         /*SecondsToWait=*/30, 0, &ErrMsg);
  if (Status != 0)
    return fail("'" + *Program + "' could not report its include directory" +
                (ErrMsg.empty() ? std::string() : ": " + ErrMsg));

  auto Buffer = llvm::MemoryBuffer::getFile(OutPath);
  if (!Buffer)
    return fail("cannot read the output of '" + *Program + "'");
  // include and platinclude are one directory on most installations.
  llvm::SetVector<llvm::StringRef> Dirs;
  llvm::SmallVector<llvm::StringRef, 2> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Line : Lines)
    if (!Line.trim().empty())
      Dirs.insert(Line.trim());
  if (Dirs.empty())
    return fail("'" + *Program + "' reported no include directory");
  // A Python without its development files (Debian's python3-dev) names an
  // include folder that does not hold Python.h: every file would then fail
  // to compile, far from the cause.
  if (llvm::none_of(Dirs, [](llvm::StringRef Dir) {
        llvm::SmallString<256> Header(Dir);
        llvm::sys::path::append(Header, "Python.h");
        return llvm::sys::fs::exists(Header);
      }))
    return fail("'" + *Program + "' has no C headers (no Python.h in '" +
                Dirs.front().str() +
                "'); install python3-dev or choose another --python");
  return std::vector<std::string>(Dirs.begin(), Dirs.end());
}

} // namespace pycapi::cli
