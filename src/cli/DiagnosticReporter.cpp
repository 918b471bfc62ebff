//===--- DiagnosticReporter.cpp - print findings, collect their fixes
//------===//
//
// Mirrors clang-tidy's own ErrorReporter, so that the plugin under clang-tidy
// and this CLI print the same lines for the same findings (the lit runner
// compares them).
//
//===----------------------------------------------------------------------===//
#include "DiagnosticReporter.h"
#include "FileCollector.h"
#include "SourceText.h"
#include "clang/Basic/DiagnosticFrontend.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;

namespace pycapi::cli {

/// Relative names are opened in \p Root (the report names files that way),
/// and printed as they are named (FileSystemOptions::WorkingDir would print
/// them absolute).
static llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
openedIn(llvm::StringRef Root) {
  std::unique_ptr<llvm::vfs::FileSystem> FS =
      llvm::vfs::createPhysicalFileSystem();
  if (!Root.empty())
    FS->setCurrentWorkingDirectory(Root);
  return llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(FS.release());
}

DiagnosticReporter::DiagnosticReporter(llvm::raw_ostream &OS, bool UseColor,
                                       const FixSet *Applied,
                                       llvm::StringRef Root)
    : Files(FileSystemOptions(), openedIn(Root)), Applied(Applied),
      Root(Root.str()) {
  Setup.options().ShowColors = UseColor;
  Printer = Setup.makeTextPrinter(OS);
  Diags = Setup.makeEngine(Printer.get());
  Sources = std::make_unique<SourceManager>(*Diags, Files);
  Diags->setSourceManager(Sources.get());
  Printer->BeginSourceFile(LangOpts, nullptr);
}

DiagnosticReporter::~DiagnosticReporter() { Printer->EndSourceFile(); }

SourceLocation DiagnosticReporter::locationOf(llvm::StringRef GivenPath,
                                              unsigned Offset) {
  if (GivenPath.empty())
    return SourceLocation();
  // Absolute paths (of Finding::Absolute) are named as resolved() names.
  std::string Named = llvm::sys::path::is_absolute(GivenPath)
                          ? relativeTo(Root, GivenPath)
                          : GivenPath.str();
  llvm::StringRef Path = Named;
  auto It = FileIDs.find(Path);
  if (It == FileIDs.end()) {
    FileID ID;
    if (auto File = Files.getFileRef(Path))
      ID = Sources->createFileID(*File, SourceLocation(), SrcMgr::C_User);
    else
      llvm::consumeError(File.takeError());
    It = FileIDs.try_emplace(Path, ID).first;
  }
  if (It->second.isInvalid())
    return SourceLocation();
  return Sources->getLocForStartOfFile(It->second).getLocWithOffset(Offset);
}

CharSourceRange
DiagnosticReporter::rangeOf(const tooling::FileByteRange &Range) {
  SourceLocation Begin = locationOf(Range.FilePath, Range.FileOffset);
  return CharSourceRange::getCharRange(Begin,
                                       Begin.getLocWithOffset(Range.Length));
}

/// Paths in a diagnostic are relative to the compile command's directory:
/// they are joined to it, made absolute, and then named relative to the
/// root when inside it.
std::string DiagnosticReporter::shown(llvm::StringRef BuildDirectory,
                                      llvm::StringRef Path) const {
  if (Path.empty())
    return "";
  llvm::SmallString<256> Absolute(Path);
  if (!llvm::sys::path::is_absolute(Path) && !BuildDirectory.empty()) {
    Absolute = BuildDirectory;
    llvm::sys::path::append(Absolute, Path);
  }
  return relativeTo(Root, absolutePath(Absolute));
}

tidy::ClangTidyError DiagnosticReporter::resolved(const Finding &Found) const {
  tidy::ClangTidyError Error = Found.Original;
  auto Resolve = [&](tooling::DiagnosticMessage &Message) {
    Message.FilePath = shown(Error.BuildDirectory, Message.FilePath);
    for (tooling::FileByteRange &Range : Message.Ranges)
      Range.FilePath = shown(Error.BuildDirectory, Range.FilePath);
    llvm::StringMap<tooling::Replacements> Fix;
    for (auto &FileAndReplacements : Message.Fix) {
      tooling::Replacements Resolved;
      for (const tooling::Replacement &Repl : FileAndReplacements.second)
        llvm::consumeError(Resolved.add(tooling::Replacement(
            shown(Error.BuildDirectory, Repl.getFilePath()), Repl.getOffset(),
            Repl.getLength(), Repl.getReplacementText())));
      Fix[shown(Error.BuildDirectory, FileAndReplacements.first())] =
          std::move(Resolved);
    }
    Message.Fix = std::move(Fix);
  };
  Resolve(Error.Message);
  for (tooling::DiagnosticMessage &Note : Error.Notes)
    Resolve(Note);
  return Error;
}

void DiagnosticReporter::readFiles(const Finding &Found) {
  tidy::ClangTidyError Error = resolved(Found);
  auto Read = [&](llvm::StringRef Path) {
    SourceLocation Loc = locationOf(Path, 0);
    if (Loc.isValid())
      (void)Sources->getBufferData(Sources->getFileID(Loc));
  };
  auto ReadAll = [&](const tooling::DiagnosticMessage &Message) {
    Read(Message.FilePath);
    for (const tooling::FileByteRange &Range : Message.Ranges)
      Read(Range.FilePath);
    for (const auto &FileAndReplacements : Message.Fix)
      for (const tooling::Replacement &Repl : FileAndReplacements.second)
        Read(Repl.getFilePath());
  };
  ReadAll(Error.Message);
  for (const tooling::DiagnosticMessage &Note : Error.Notes)
    ReadAll(Note);
  // The "FIX-IT applied" notes are placed by the absolute paths.
  for (const auto &FileAndReplacements : Found.Absolute.Message.Fix)
    for (const tooling::Replacement &Repl : FileAndReplacements.second)
      Read(Repl.getFilePath());
}

void DiagnosticReporter::report(const Finding &Found) {
  tidy::ClangTidyError Error = resolved(Found);
  const tooling::DiagnosticMessage &Message = Error.Message;
  SourceLocation Loc = locationOf(Message.FilePath, Message.FileOffset);
  llvm::SmallVector<SourceLocation, 4> FixLocations;
  {
    auto Level = static_cast<DiagnosticsEngine::Level>(Error.DiagLevel);
    std::string Name = Error.DiagnosticName;
    auto Diag = Diags->Report(Loc, Diags->getCustomDiagID(Level, "%0 [%1]"))
                << Message.Message << Name;
    for (const tooling::FileByteRange &Range : Message.Ranges)
      Diag << rangeOf(Range);
    // Like clang-tidy's --fix: only a warning's own fix is applied, never a
    // fix that hangs on a note. Unlike it, an applied fix gets no note (the
    // summary counts them); one that was not applied does.
    if (Applied)
      for (const auto &FileAndReplacements : Found.Absolute.Message.Fix)
        for (const tooling::Replacement &Repl : FileAndReplacements.second)
          if (Repl.isApplicable() && !Applied->willApply(Repl))
            FixLocations.push_back(
                locationOf(Repl.getFilePath(), Repl.getOffset()));
    addFixIts(Diag, Message);
  }
  for (SourceLocation Fix : FixLocations)
    Diags->Report(Fix, diag::note_fixit_failed);
  for (const tooling::DiagnosticMessage &Note : Error.Notes)
    reportNote(Note);
}

void DiagnosticReporter::reportNote(const tooling::DiagnosticMessage &Note) {
  SourceLocation Loc = locationOf(Note.FilePath, Note.FileOffset);
  auto Diag =
      Diags->Report(Loc, Diags->getCustomDiagID(DiagnosticsEngine::Note, "%0"))
      << Note.Message;
  for (const tooling::FileByteRange &Range : Note.Ranges)
    Diag << rangeOf(Range);
  addFixIts(Diag, Note);
}

void DiagnosticReporter::addFixIts(const DiagnosticBuilder &Diag,
                                   const tooling::DiagnosticMessage &Message) {
  for (const auto &FileAndReplacements : Message.Fix)
    for (const tooling::Replacement &Repl : FileAndReplacements.second) {
      SourceLocation Begin = locationOf(Repl.getFilePath(), Repl.getOffset());
      Diag << FixItHint::CreateReplacement(
          CharSourceRange::getCharRange(
              Begin, Begin.getLocWithOffset(Repl.getLength())),
          Repl.getReplacementText());
    }
}

} // namespace pycapi::cli
