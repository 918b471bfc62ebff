//===--- TestHooks.cpp - pauses at fixed points, for the tests only
//--------===//
#include "TestHooks.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <cstdlib>
#include <thread>
#include <tuple>

namespace pycapi::cli {

static const char *pointName(PausePoint Point) {
  switch (Point) {
  case PausePoint::FirstUnitChecked:
    return "unit";
  case PausePoint::AllChecked:
    return "checked";
  case PausePoint::Planned:
    return "planned";
  case PausePoint::Writing:
    return "writing";
  }
  return "";
}

void pauseForTest(PausePoint Point, const std::function<bool()> &StopWaiting) {
  const char *Request = std::getenv("PYCAPI_MIGRATE_TEST_PAUSE");
  if (!Request)
    return;
  llvm::StringRef Name, Path;
  std::tie(Name, Path) = llvm::StringRef(Request).split(':');
  if (Name != pointName(Point) || Path.empty())
    return;
  int FD;
  if (llvm::sys::fs::openFileForWrite(Path + ".ready", FD))
    return;
  llvm::sys::Process::SafelyCloseFileDescriptor(FD);
  // Polls: the test creates PATH when it has done what it paused the run for.
  while (!llvm::sys::fs::exists(Path) && !(StopWaiting && StopWaiting()))
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

bool ignorePromisesForTest() {
  const char *Scope = std::getenv("PYCAPI_MIGRATE_TEST_SCOPE");
  return Scope && llvm::StringRef(Scope) == "ignore-promises";
}

void reportScopeForTest(clang::ASTContext &Context, llvm::StringRef How) {
  if (!std::getenv("PYCAPI_MIGRATE_TEST_SCOPE"))
    return;
  const clang::SourceManager &SM = Context.getSourceManager();
  std::string Line = ("pycapi-migrate: test: walk " + How + ":").str();
  for (clang::Decl *D : Context.getTraversalScope()) {
    const auto *Named = llvm::dyn_cast<clang::NamedDecl>(D);
    if (Named && Named->getIdentifier() &&
        SM.isInMainFile(SM.getExpansionLoc(D->getLocation())))
      Line += " " + Named->getName().str();
  }
  llvm::errs() << Line << "\n";
}

} // namespace pycapi::cli
