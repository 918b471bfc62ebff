//===--- RemovedApiCheckBase.cpp - uses of names CPython removed ----------===//
#include "RemovedApiCheckBase.h"
#include "CheckCatalog.h"
#include "LLVMCompat.h"
#include "SourceFilter.h"
#include "utils/TokenWatch.h"
#include "utils/SourceEdit.h"
#include "clang/AST/Decl.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include <algorithm>

using namespace clang::ast_matchers;

namespace clang::tidy::pycapi::removedapi {

using ::pycapi::CheckScope;
using ::pycapi::formatPyVersion;
using ::pycapi::isUserCode;
using ::pycapi::parsePyVersion;
using ::pycapi::PyVersion;
using ::pycapi::RemovedApi;
using ::pycapi::RewriteKind;
using ::pycapi::compat::startsWith;

namespace {

PyVersion versionOption(StringRef Text, PyVersion Default) {
  PyVersion Parsed = parsePyVersion(Text);
  return Parsed ? Parsed : Default;
}

/// Names a project may define itself as a shim for Pythons that lack them
/// (a `_PyLong_AsInt` that calls PyLong_AsInt): their uses are still
/// reported. Any other removed name that the project declares (an opcode
/// name, `xid_freefunc`) is the project's own.
bool isShimName(StringRef Name) {
  return startsWith(Name, "_Py") || startsWith(Name, "_PY") ||
         startsWith(Name, "_py") || startsWith(Name, "Py") ||
         startsWith(Name, "PY");
}

class Hooks : public ::pycapi::compat::IncludeCallbacks {
public:
  using UseKind = RemovedApiCheckBase::UseKind;
  explicit Hooks(RemovedApiCheckBase &Check) : Check(Check) {}

  void MacroExpands(const Token &NameTok, const MacroDefinition &MD,
                    SourceRange, const MacroArgs *) override {
    Check.onMacroName(NameTok, MD, UseKind::Macro);
  }
  void MacroDefined(const Token &NameTok, const MacroDirective *MD) override {
    Check.onMacroDefined(NameTok, MD);
  }
  void FileChanged(SourceLocation Loc, FileChangeReason Reason,
                   SrcMgr::CharacteristicKind, FileID) override {
    if (Reason == EnterFile)
      Check.onFileEntered(Loc);
  }
  void FileSkipped(const FileEntryRef &File, const Token &FilenameTok,
                   SrcMgr::CharacteristicKind) override {
    // `#include <tracemalloc.h>` after Python.h has included it: the
    // include guard skips the file, the project still names it.
    Check.onFileSkipped(File.getName(), FilenameTok.getLocation());
  }
  void includeNotFound(SourceLocation, StringRef FileName,
                       CharSourceRange FilenameRange) override {
    Check.onIncludeNotFound(FileName, FilenameRange);
  }

private:
  RemovedApiCheckBase &Check;
};

} // namespace

RemovedApiCheckBase::RemovedApiCheckBase(StringRef Name,
                                         ClangTidyContext *Context,
                                         CheckScope Scope)
    : ClangTidyCheck(Name, Context),
      TargetText(Options.get(catalog::TargetPythonVersion.Key,
                             catalog::TargetPythonVersion.Default)),
      MinimumText(
          Options.getLocalOrGlobal(catalog::MinimumPythonVersion.Key,
                                   catalog::MinimumPythonVersion.Default)),
      CompatHeader(Options.getLocalOrGlobal(catalog::CompatHeader.Key,
                                            catalog::CompatHeader.Default)),
      Target(versionOption(
          TargetText, parsePyVersion(catalog::TargetPythonVersion.Default))),
      Minimum(versionOption(
          MinimumText, parsePyVersion(catalog::MinimumPythonVersion.Default))),
      Index(Scope, Target), Branches(Target) {
  if (!parsePyVersion(TargetText))
    configurationDiag("invalid TargetPythonVersion '%0' for %1: expected a "
                      "version such as 3.13; using %2")
        << TargetText << Name << catalog::TargetPythonVersion.Default;
  if (!parsePyVersion(MinimumText))
    configurationDiag("invalid MinimumPythonVersion '%0' for %1: expected a "
                      "version such as 3.8; using %2")
        << MinimumText << Name << catalog::MinimumPythonVersion.Default;
}

void RemovedApiCheckBase::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, catalog::TargetPythonVersion.Key, TargetText);
  Options.store(Opts, catalog::MinimumPythonVersion.Key, MinimumText);
  Options.store(Opts, catalog::CompatHeader.Key, CompatHeader);
}

void RemovedApiCheckBase::registerMatchers(MatchFinder *Finder) {
  // The project's own declarations of removed names: never reported, and
  // they decide whether the name's uses are the project's (see isUsersOwn).
  Finder->addMatcher(namedDecl(names::hasRemovedName(&Index)).bind("decl"),
                     this);
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
  registerMemberMatchers(Finder);
  registerStatementMatchers(Finder);
}

void RemovedApiCheckBase::registerPPCallbacks(const SourceManager &SM,
                                              Preprocessor *PP,
                                              Preprocessor *ModuleExpanderPP) {
  Sources = &SM;
  LangOpts = &PP->getLangOpts();
  this->PP = PP;
  PP->addPPCallbacks(std::make_unique<Hooks>(*this));
  Branches.attach(*PP);
  Identifiers.attach(*PP);
  addTokenListener(*PP, [this](const Token &Tok) { onToken(Tok); });
}

void RemovedApiCheckBase::onToken(const Token &Tok) {
  if (!Tok.is(tok::identifier))
    return;
  const IdentifierInfo *Name = Tok.getIdentifierInfo();
  if (!Name)
    return;
  if (const RemovedApi *Api = Index.find(Name->getName()))
    record(Tok.getLocation(), *Api, UseKind::Name, false);
}

void RemovedApiCheckBase::onMacroName(const Token &NameTok,
                                      const MacroDefinition &MD, UseKind Kind) {
  const IdentifierInfo *Name = NameTok.getIdentifierInfo();
  if (!Name)
    return;
  const RemovedApi *Api = Index.find(Name->getName());
  if (!Api)
    return;
  const MacroInfo *Info = MD.getMacroInfo();
  bool FromPython = Info && !isUserCode(*Sources, Info->getDefinitionLoc());
  // A macro the project defines under a name of its own is its own.
  if (!isShimName(Api->Name) && !FromPython)
    return;
  record(NameTok.getLocation(), *Api, Kind, FromPython);
}

void RemovedApiCheckBase::onMacroDefined(const Token &NameTok,
                                         const MacroDirective *MD) {
  const IdentifierInfo *Name = NameTok.getIdentifierInfo();
  if (!Name || !isUserCode(*Sources, NameTok.getLocation()))
    return;
  const MacroInfo *Info = MD->getMacroInfo();
  if (!Info)
    return;
  for (const Token &Tok : Info->tokens()) {
    const IdentifierInfo *Used = Tok.getIdentifierInfo();
    if (Used && Index.find(Used->getName())) {
      MacrosWithRemovedNames.push_back(
          {Name->getName().str(),
           {Info->getDefinitionLoc(), Info->getDefinitionEndLoc()}});
      return;
    }
  }
}

const RemovedApiCheckBase::MacroWithRemovedName *
RemovedApiCheckBase::macroDefining(SourceLocation Loc) const {
  const SourceManager &SM = *Sources;
  for (const MacroWithRemovedName &Macro : MacrosWithRemovedNames)
    if (SM.getFileID(Macro.Definition.getBegin()) == SM.getFileID(Loc) &&
        !SM.isBeforeInTranslationUnit(Loc, Macro.Definition.getBegin()) &&
        !SM.isBeforeInTranslationUnit(Macro.Definition.getEnd(), Loc))
      return &Macro;
  return nullptr;
}

void RemovedApiCheckBase::onFileEntered(SourceLocation Loc) {
  const SourceManager &SM = *Sources;
  StringRef Path = SM.getFilename(Loc);
  if (!CompatHeader.empty() && !CompatIncluded)
    CompatIncluded = isCompatHeaderFile(Path);
  // Where the compat header's #include can go (see compatIncludePlace).
  if (PythonIncludeLoc.isInvalid() &&
      llvm::sys::path::filename(Path) == "Python.h")
    PythonIncludeLoc = SM.getIncludeLoc(SM.getFileID(Loc));
  // A removed header of Python's that the project includes itself (Python.h
  // including it is Python's business).
  const RemovedApi *Header = removedHeader(Path);
  if (!Header || !::pycapi::isPythonHeaderPath(SM, Path))
    return;
  SourceLocation IncludeLoc = SM.getIncludeLoc(SM.getFileID(Loc));
  if (IncludeLoc.isValid())
    record(IncludeLoc, *Header, UseKind::Include, true);
}

void RemovedApiCheckBase::onFileSkipped(StringRef Path,
                                        SourceLocation IncludeLoc) {
  const RemovedApi *Header = removedHeader(Path);
  if (Header && ::pycapi::isPythonHeaderPath(*Sources, Path))
    record(IncludeLoc, *Header, UseKind::Include, true);
}

void RemovedApiCheckBase::onIncludeNotFound(StringRef FileName,
                                            CharSourceRange FilenameRange) {
  // Parsed against headers that no longer have it, `#include
  // "tracemalloc.h"` is a fatal error; the project's code still needs the
  // warning saying why and what to include instead.
  const RemovedApi *Header = removedHeader(FileName);
  if (!Header)
    return;
  // `tracemalloc.h`, `python3.12/tracemalloc.h`: Python's; a missing
  // `mylib/tracemalloc.h` is the project's own header.
  StringRef Relative = Header->Name;
  Relative.consume_front("Include/");
  StringRef Dir = llvm::sys::path::filename(
      FileName.drop_back(Relative.size()).rtrim("/\\"));
  if (!Dir.empty() && !startsWith(Dir.lower(), "python") && Dir != "Include")
    return;
  // Not FromPython: no file of Python's declares it (see stillDeclared).
  record(FilenameRange.getBegin(), *Header, UseKind::Include, false);
}

const RemovedApi *RemovedApiCheckBase::removedHeader(StringRef Path) const {
  for (const RemovedApi *Header : Index.headers()) {
    StringRef Relative = Header->Name;
    Relative.consume_front("Include/");
    if (Path != Relative &&
        !::pycapi::compat::endsWith(Path, "/" + Relative.str()))
      continue;
    // `tracemalloc.h` is removed, `cpython/tracemalloc.h` is not.
    StringRef Dir =
        llvm::sys::path::filename(llvm::sys::path::parent_path(Path));
    if (!Relative.contains('/') && (Dir == "cpython" || Dir == "internal"))
      continue;
    return Header;
  }
  return nullptr;
}

bool RemovedApiCheckBase::isCompatHeaderFile(StringRef Path) const {
  if (CompatHeader.empty() || Path.empty())
    return false;
  return Path == CompatHeader ||
         ::pycapi::compat::endsWith(Path, "/" + CompatHeader);
}

void RemovedApiCheckBase::record(SourceLocation Loc, const RemovedApi &Api,
                                 UseKind Kind, bool FromPython) {
  // PY_TIMEOUT_MAX and the like left only the limited C API.
  if (Api.LimitedApiOnly && !PP->isMacroDefined("Py_LIMITED_API"))
    return;
  const SourceManager &SM = *Sources;
  SourceLocation Spelling = SM.getSpellingLoc(Loc);
  // A macro argument expanded twice is still written once.
  if (!SeenLocs.insert(Spelling.getRawEncoding()).second)
    return;
  if (!isUserCode(SM, Loc) || !isUserCode(SM, SM.getExpansionLoc(Loc)) ||
      isCompatHeaderFile(SM.getFilename(Spelling)))
    return;
  SourceLocation Expansion = SM.getExpansionLoc(Loc);
  Uses.push_back({Spelling, &Api, Kind, FromPython,
                  Expansion != Spelling ? Expansion : SourceLocation()});
}

void RemovedApiCheckBase::recordSkippedUses() {
  // Code the parsed headers skip but the target compiles (a removed name
  // inside `#if PY_VERSION_HEX >= 0x030D0000` parsed against 3.11): only
  // its text can be read, so it is reported without a fix.
  const SourceManager &SM = *Sources;
  bool Limited = PP && PP->isMacroDefined("Py_LIMITED_API");
  for (SourceRange Range : Branches.skippedRanges())
    forEachRawIdentifier(
        Range.getBegin(), Range.getEnd(), SM, *LangOpts,
        [&](StringRef Name, SourceLocation Loc) {
          const RemovedApi *Api = Index.find(Name);
          if (!Api || (Api->LimitedApiOnly && !Limited) ||
              isCompatHeaderFile(SM.getFilename(Loc)) ||
              Branches.whySkipped(Loc).Reason !=
                  TargetBranches::SkipReason::CompiledAtTarget ||
              !SeenLocs.insert(Loc.getRawEncoding()).second)
            return;
          Use U{Loc, Api, UseKind::Name, false};
          U.InSkippedCode = true;
          Uses.push_back(U);
        });
}

void RemovedApiCheckBase::check(const MatchFinder::MatchResult &Result) {
  if (Result.Nodes.getNodeAs<TranslationUnitDecl>("unit")) {
    Context = Result.Context;
    return;
  }
  const auto *D = Result.Nodes.getNodeAs<NamedDecl>("decl");
  if (Result.Nodes.getNodeAs<CallExpr>("removed-call")) {
    checkRemovedCall(Result);
    return;
  }
  if (!D) {
    checkMember(Result);
    return;
  }
  const SourceManager &SM = *Result.SourceManager;
  // C's implicit declaration of an unknown function sits at the call: a use.
  if (D->isImplicit())
    return;
  if (!isUserCode(SM, D->getLocation())) {
    PythonDeclared.insert(D->getName());
    return;
  }
  // `struct _xid *p;` declares nothing in C++ and a tag in C: either way it
  // names the type.
  if (const auto *Tag = dyn_cast<TagDecl>(D);
      Tag && !Tag->isThisDeclarationADefinition())
    return;
  DeclLocs.insert(SM.getSpellingLoc(D->getLocation()).getRawEncoding());
  bool Shim =
      isShimName(D->getName()) &&
      isa<FunctionDecl, TypedefNameDecl, VarDecl, EnumConstantDecl, TagDecl>(
          D) &&
      D->getDeclContext()->getRedeclContext()->isFileContext();
  if (!Shim)
    OwnNames.insert(D->getName());
}

bool RemovedApiCheckBase::stillDeclared(const Use &U) const {
  // Parsed against the headers of a release that removed the name, a
  // declaration of it can only come from the internal C API (a project
  // that defines Py_BUILD_CORE): that release still declares it.
  // A member access was matched on Python's struct itself: whatever the
  // headers' version, it is the removed member.
  if (Branches.headersVersion() < U.Api->RemovedIn ||
      U.Kind == UseKind::Member || U.InSkippedCode)
    return false;
  return U.Kind == UseKind::Name ? PythonDeclared.count(U.Api->Name) > 0
                                 : U.FromPython;
}

bool RemovedApiCheckBase::isUsersOwn(const Use &U) const {
  switch (U.Kind) {
  case UseKind::Name:
    return DeclLocs.count(U.Loc.getRawEncoding()) ||
           OwnNames.count(U.Api->Name);
  case UseKind::Macro:
  case UseKind::Include:
  case UseKind::Member: // the object's type is Python's struct
    return false;
  }
  return false;
}

RemovedApiCheckBase::Generator RemovedApiCheckBase::generatorOf(FileID File) {
  Generator &Gen = Generators[File];
  if (Gen != Generator::Unknown)
    return Gen;
  bool Invalid = false;
  StringRef Buffer = Sources->getBufferData(File, &Invalid);
  StringRef FirstLine =
      Invalid ? StringRef()
              : Buffer.take_until([](char C) { return C == '\n'; });
  if (FirstLine.find("Generated by Cython") != StringRef::npos)
    Gen = Generator::Cython;
  else if (startsWith(FirstLine, "/*[clinic input]"))
    Gen = Generator::Clinic;
  else
    Gen = Generator::None;
  return Gen;
}

void RemovedApiCheckBase::onEndOfTranslationUnit() {
  if (Sources) {
    const SourceManager &SM = *Sources;
    recordSkippedUses();
    llvm::sort(Uses, [&](const Use &A, const Use &B) {
      return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
    });
    for (const Use &U : Uses) {
      // The one rule: report what the target compiles. Code that only
      // older Pythons compile is the project's support of them.
      if (!U.InSkippedCode && (!Branches.compiledAtTarget(U.Loc) ||
                               !Branches.compiledAtTarget(U.ExpansionLoc)))
        continue;
      if (isUsersOwn(U) || stillDeclared(U))
        continue;
      Generator Gen = generatorOf(SM.getFileID(U.Loc));
      if (Gen == Generator::None)
        report(U);
      else
        reportGenerated(U, Gen);
    }
  }
  Uses.clear();
  SeenLocs.clear();
  DeclLocs.clear();
  OwnNames.clear();
  PythonDeclared.clear();
  MacrosWithRemovedNames.clear();
  Branches.clear();
  CompatIncluded = false;
  Context = nullptr;
  PythonIncludeLoc = SourceLocation();
  CompatInserts.clear();
  GeneratedReported.clear();
  Generators.clear();
  RemovedCalls.clear();
  ShimsWritten.clear();
  Identifiers.clear();
}

void RemovedApiCheckBase::reportGenerated(const Use &U, Generator Gen) {
  if (!GeneratedReported.insert(Sources->getFileID(U.Loc)).second)
    return;
  diag(U.Loc, "this file was generated by %0 and uses '%1', which was "
              "removed in Python %2; regenerate it with a current %0")
      << (Gen == Generator::Cython ? "Cython" : "Argument Clinic")
      << U.Api->Name << formatPyVersion(U.Api->RemovedIn);
}

} // namespace clang::tidy::pycapi::removedapi
