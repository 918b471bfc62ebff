//===--- ParallelRunner.cpp - translation units on worker threads ---------===//
//
// Threads, not processes: each translation unit gets its own ClangTidyContext,
// options provider, checks and file system view, so workers share only the
// check registry (read-only after start-up), the removed-API table (built
// once, under a static's guard) and the compilation database (behind a lock).
// What the checks record of their findings goes to the collector of the
// thread's own unit (CheckFindings.h).
//
//===----------------------------------------------------------------------===//
#include "ParallelRunner.h"
#include "CompileDatabase.h"
#include "TestHooks.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace pycapi::cli {

std::vector<UnitResult>
runInParallel(const RunSettings &Settings,
              const clang::tooling::CompilationDatabase &Database,
              const std::vector<std::string> &Files, unsigned Jobs,
              const ProgressFn &Progress) {
  std::vector<UnitResult> Results(Files.size());
  auto Shared = synchronized(Database);
  std::atomic<size_t> Next{0};
  std::mutex ProgressLock;
  std::exception_ptr Failure;
  auto Report = [&](const std::string &File, bool Done) {
    std::lock_guard<std::mutex> Lock(ProgressLock);
    if (Progress)
      Progress(File, Done);
  };
  auto Work = [&] {
    for (size_t I = Next++; I < Files.size(); I = Next++) {
      Report(Files[I], false);
      Results[I].File = Files[I];
      // Outside the recovery: a crash unwinds no destructor inside it.
      ::pycapi::CheckFindingsCollector Collect(Results[I].CheckFindings);
      llvm::CrashRecoveryContext Recovery;
      bool Finished = Recovery.RunSafely([&] {
        try {
          Results[I].Errors =
              runChecksOn(Settings, *Shared, Files[I], Results[I].Read,
                          Results[I].Suppressed);
        } catch (...) {
          std::lock_guard<std::mutex> Lock(ProgressLock);
          if (!Failure)
            Failure = std::current_exception();
        }
      });
      if (!Finished) {
        Results[I].Errors.clear();
        Results[I].Read.clear();
        Results[I].CheckFindings.clear();
        Results[I].Crashed = true;
      }
      Report(Files[I], true);
      if (I == 0)
        pauseForTest(PausePoint::FirstUnitChecked);
    }
  };

  Jobs = std::max(1u, std::min<unsigned>(Jobs, Files.size()));
  if (Jobs == 1) {
    Work(); // no thread at all: the common case for one file stays simple
  } else {
    std::vector<std::thread> Workers;
    for (unsigned I = 0; I < Jobs; ++I)
      Workers.emplace_back(Work);
    for (std::thread &Worker : Workers)
      Worker.join();
  }
  if (Failure)
    std::rethrow_exception(Failure);
  return Results;
}

CheckFindingIndex::Key
CheckFindingIndex::keyOf(const clang::tidy::ClangTidyError &Error) {
  return {Error.DiagnosticName, Error.BuildDirectory, Error.Message.FilePath,
          Error.Message.FileOffset};
}

CheckFindingIndex::CheckFindingIndex(const std::vector<UnitResult> &Results) {
  for (const UnitResult &Unit : Results) {
    // Within a unit, the place of a diagnostic is the place its check
    // recorded; the first record of a place is the one kept.
    std::map<std::tuple<llvm::StringRef, llvm::StringRef, unsigned>,
             const ::pycapi::CheckFinding *>
        InUnit;
    for (const ::pycapi::CheckFinding &Found : Unit.CheckFindings)
      InUnit.emplace(std::make_tuple(llvm::StringRef(Found.Check),
                                     llvm::StringRef(Found.FilePath),
                                     Found.FileOffset),
                     &Found);
    for (const clang::tidy::ClangTidyError &Error : Unit.Errors) {
      auto It = InUnit.find(std::make_tuple(
          llvm::StringRef(Error.DiagnosticName),
          llvm::StringRef(Error.Message.FilePath), Error.Message.FileOffset));
      if (It != InUnit.end())
        ByDiagnostic.emplace(keyOf(Error), It->second);
    }
  }
}

const ::pycapi::CheckFinding *
CheckFindingIndex::find(const clang::tidy::ClangTidyError &Error) const {
  auto It = ByDiagnostic.find(keyOf(Error));
  return It == ByDiagnostic.end() ? nullptr : It->second;
}

} // namespace pycapi::cli
