//===--- LimitedApiCheck.cpp - pycapi-limited-api
//--------------------------===//
#include "LimitedApiCheck.h"
#include "CheckCatalog.h"
#include "LLVMCompat.h"
#include "SourceFilter.h"
#include "limited/UserFileScan.h"
#include "utils/MatchDemand.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/Path.h"

using namespace clang::ast_matchers;

namespace clang::tidy::pycapi {

using ::pycapi::findLimitedApiName;
using ::pycapi::isUserCode;
using ::pycapi::LimitedApiName;
using ::pycapi::PyVersion;

namespace {

// The check's own diagnostics. (The warning about a name is the data's
// message: limitedApiFinding in src/common/LimitedApi.h.)
constexpr llvm::StringLiteral UnreadableTarget =
    "cannot read the value of Py_LIMITED_API; define it to a number such as "
    "0x030C0000 to have its uses checked";
constexpr llvm::StringLiteral DefinedAfterPythonH =
    "Py_LIMITED_API is defined after Python.h, which ignores it; define it "
    "before the first #include of Python.h";
constexpr llvm::StringLiteral GuardBeforeVersionKnown =
    "this guard refuses Py_LIMITED_API with Py_TRACE_REFS on every Python "
    "version, as PY_VERSION_HEX is not defined yet where it is tested; "
    "#include \"patchlevel.h\" before the test";
constexpr llvm::StringLiteral GuardWithoutVersion =
    "this guard refuses Py_LIMITED_API with Py_TRACE_REFS, which the Limited "
    "API supports since Python 3.13; remove it, or #include \"patchlevel.h\" "
    "before it and limit it to older versions (PY_VERSION_HEX < 0x030D0000)";
constexpr llvm::StringLiteral GuardOnEveryVersion =
    "this guard refuses Py_LIMITED_API with Py_TRACE_REFS, which the Limited "
    "API supports since Python 3.13; limit it to older versions "
    "(PY_VERSION_HEX < 0x030D0000) or remove it";

/// What a limited build defines where the parse may not: Py_LIMITED_API, to
/// \p Target (when known: the audit's target), and with \p TraceRefs also
/// Py_TRACE_REFS.
TargetMacroMap limitedBuildMacros(PyVersion Target, bool TraceRefs) {
  TargetMacroMap Macros;
  TargetMacro &Limited = Macros["Py_LIMITED_API"];
  Limited.Defined = true;
  // An unknown value leaves a test of the value to the preprocessor's answer.
  Limited.Body.push_back(Target ? ConditionToken{tok::numeric_constant,
                                                 ::pycapi::pyVersionHex(Target)}
                                : ConditionToken{tok::unknown, ""});
  if (TraceRefs) {
    TargetMacro &Trace = Macros["Py_TRACE_REFS"];
    Trace.Defined = true;
    Trace.Body.push_back({tok::numeric_constant, "1"});
  }
  return Macros;
}

/// Python's headers that a file may include before it defines
/// Py_LIMITED_API: they define the configuration and the version, and test
/// nothing about the Limited API (CPython's xxlimited.c and cffi's output
/// include pyconfig.h first).
bool isConfigurationHeader(StringRef Path) {
  StringRef Name = llvm::sys::path::filename(Path);
  return Name == "pyconfig.h" || Name == "patchlevel.h" ||
         Name == "pymacconfig.h";
}

class LimitedApiPPCallbacks : public PPCallbacks {
public:
  explicit LimitedApiPPCallbacks(LimitedApiCheck &Check) : Check(Check) {}

  void MacroExpands(const Token &NameTok, const MacroDefinition &Definition,
                    SourceRange Range, const MacroArgs *Args) override {
    Check.macroExpanded(NameTok, Definition);
  }
  void FileChanged(SourceLocation Loc, FileChangeReason Reason,
                   SrcMgr::CharacteristicKind FileType,
                   FileID PrevFID) override {
    if (Reason == EnterFile)
      Check.fileEntered(Loc);
  }
  void MacroDefined(const Token &NameTok,
                    const MacroDirective *Directive) override {
    Check.macroDefined(NameTok);
  }
  void SourceRangeSkipped(SourceRange Range, SourceLocation EndifLoc) override {
    Check.rangeSkipped(Range);
  }

private:
  LimitedApiCheck &Check;
};

/// Walks the user's declarations for the names they reference: functions,
/// variables and enumerators (DeclRefExpr), typedefs, structs and enums
/// (type locations), and names C++ left unresolved.
class ReferenceVisitor : public RecursiveASTVisitor<ReferenceVisitor> {
public:
  explicit ReferenceVisitor(LimitedApiCheck &Check) : Check(Check) {}

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl()->getDeclName().isIdentifier())
      Check.nameReferenced(E->getDecl()->getName(), E->getLocation(),
                           E->getDecl());
    return true;
  }
  bool VisitUnresolvedLookupExpr(UnresolvedLookupExpr *E) {
    if (!E->getName().isIdentifier())
      return true;
    const Decl *First = E->decls_begin() == E->decls_end()
                            ? nullptr
                            : (*E->decls_begin())->getUnderlyingDecl();
    Check.nameReferenced(E->getName().getAsIdentifierInfo()->getName(),
                         E->getNameLoc(), First);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    Check.memberReferenced(E);
    return true;
  }
  bool VisitVarDecl(VarDecl *D) {
    Check.objectDefined(D);
    return true;
  }
  bool VisitFieldDecl(FieldDecl *D) {
    Check.objectDefined(D);
    return true;
  }
  bool VisitTypedefTypeLoc(TypedefTypeLoc TL) {
    return visitNamedType(TL.getTypePtr()->getDecl(), TL.getNameLoc());
  }
  bool VisitRecordTypeLoc(RecordTypeLoc TL) {
    return visitNamedType(TL.getTypePtr()->getDecl(), TL.getNameLoc());
  }
  bool VisitEnumTypeLoc(EnumTypeLoc TL) {
    return visitNamedType(TL.getTypePtr()->getDecl(), TL.getNameLoc());
  }

private:
  bool visitNamedType(const NamedDecl *D, SourceLocation Loc) {
    if (D && D->getDeclName().isIdentifier())
      Check.nameReferenced(D->getName(), Loc, D);
    return true;
  }

  LimitedApiCheck &Check;
};

/// The value of a macro's body when it is a number, or another macro whose
/// body is; \p Depth stops a self-referencing chain.
bool macroValue(Preprocessor &PP, const MacroInfo *Info, uint64_t &Value,
                unsigned Depth = 0) {
  llvm::SmallVector<Token, 4> Tokens;
  for (const Token &Tok : Info->tokens())
    if (!Tok.isOneOf(tok::l_paren, tok::r_paren))
      Tokens.push_back(Tok);
  if (Tokens.empty()) { // -DPy_LIMITED_API, or an empty #define
    Value = 1;
    return true;
  }
  if (Tokens.size() != 1)
    return false;
  const Token &Tok = Tokens.front();
  if (Tok.is(tok::numeric_constant)) {
    StringRef Text(Tok.getLiteralData(), Tok.getLength());
    Text = Text.rtrim("uUlL");
    return !Text.getAsInteger(0, Value);
  }
  if (Tok.is(tok::identifier) && Depth < 4)
    if (const MacroInfo *Next = PP.getMacroInfo(Tok.getIdentifierInfo()))
      return macroValue(PP, Next, Value, Depth + 1);
  return false;
}

} // namespace

LimitedApiCheck::LimitedApiCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      AuditOption(Options.get(catalog::LimitedApiAudit.Key,
                              catalog::LimitedApiAudit.Default)),
      AuditTarget(::pycapi::parseLimitedApiTarget(AuditOption)),
      LimitedMacros(limitedBuildMacros(AuditTarget, /*TraceRefs=*/false)),
      TraceRefsMacros(limitedBuildMacros(AuditTarget, /*TraceRefs=*/true)) {
  if (!AuditOption.empty() && !AuditTarget)
    configurationDiag("invalid LimitedApiAudit '%0': expected a Python "
                      "version such as 3.12 or a PY_VERSION_HEX such as "
                      "0x030C0000")
        << AuditOption;
}

void LimitedApiCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, catalog::LimitedApiAudit.Key, AuditOption);
}

void LimitedApiCheck::registerMatchers(MatchFinder *Finder) {
  // One walk of the user's declarations (ReferenceVisitor) rather than a
  // matcher per kind of reference: every reference is a candidate.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void LimitedApiCheck::registerPPCallbacks(const SourceManager &SM,
                                          Preprocessor *PP,
                                          Preprocessor *ModuleExpanderPP) {
  Unit.Sources = &SM;
  Unit.PP = PP;
  PP->addPPCallbacks(std::make_unique<LimitedApiPPCallbacks>(*this));
  if (AuditTarget)
    LimitedBuild = TargetBranches::of(*PP, 0, LimitedMacros);
  TraceRefsBuild = TargetBranches::of(*PP, 0, TraceRefsMacros);
  // The only matcher is on the translation unit, which check() walks
  // itself: the matchers need none of its declarations.
  MatchDemand::of(*PP).promise();
}

bool LimitedApiCheck::isCandidate(StringRef Name) const {
  PyVersion Target = target();
  if (!Target)
    return false;
  if (const LimitedApiName *Entry = findLimitedApiName(Name))
    return !Entry->admits(Target);
  return ::pycapi::hasPythonApiPrefix(Name);
}

bool LimitedApiCheck::isPythonHeaderFile(FileID File) {
  auto It = Unit.PythonHeaderFiles.find(File);
  if (It != Unit.PythonHeaderFiles.end())
    return It->second;
  StringRef Path =
      Unit.Sources->getFilename(Unit.Sources->getLocForStartOfFile(File));
  bool Python =
      !Path.empty() && ::pycapi::isPythonHeaderPath(*Unit.Sources, Path);
  Unit.PythonHeaderFiles[File] = Python;
  return Python;
}

bool LimitedApiCheck::isPythonDecl(const Decl *D) {
  SourceLocation Loc = Unit.Sources->getSpellingLoc(D->getLocation());
  return Loc.isValid() && isPythonHeaderFile(Unit.Sources->getFileID(Loc));
}

bool LimitedApiCheck::decidesTarget(FileID File) {
  return isPythonHeaderFile(File) &&
         !isConfigurationHeader(Unit.Sources->getFilename(
             Unit.Sources->getLocForStartOfFile(File)));
}

void LimitedApiCheck::fileEntered(SourceLocation Start) {
  FileID File = Unit.Sources->getFileID(Start);
  if (File.isInvalid())
    return;
  if (!Unit.TargetRead && decidesTarget(File)) {
    Unit.TargetRead = true;
    readLimitedTarget();
  }
  if (isUserCode(*Unit.Sources, Start))
    Unit.UserFiles.insert(File);
}

void LimitedApiCheck::readLimitedTarget() {
  // The target is what Py_LIMITED_API says when Python.h is entered: the
  // headers it includes decide what they declare by it, and its include
  // guard makes every later #include of it a no-op.
  const MacroInfo *Info =
      Unit.PP->getMacroInfo(Unit.PP->getIdentifierInfo("Py_LIMITED_API"));
  if (!Info)
    return;
  uint64_t Value = 0;
  if (macroValue(*Unit.PP, Info, Value)) {
    Unit.LimitedTarget = ::pycapi::limitedApiTargetFromHex(Value);
    return;
  }
  SourceLocation Loc = Info->getDefinitionLoc();
  if (!isUserCode(*Unit.Sources, Loc))
    Loc = Unit.Sources->getLocForStartOfFile(Unit.Sources->getMainFileID());
  diag(Loc, UnreadableTarget);
}

void LimitedApiCheck::macroDefined(const Token &NameTok) {
  StringRef Name = NameTok.getIdentifierInfo()->getName();
  if (Name == "PY_VERSION_HEX" && Unit.VersionHexDefined.isInvalid())
    Unit.VersionHexDefined = NameTok.getLocation();
  if (!Unit.TargetRead || Unit.LimitedTarget || Name != "Py_LIMITED_API" ||
      !isUserCode(*Unit.Sources, NameTok.getLocation()))
    return;
  diag(NameTok.getLocation(), DefinedAfterPythonH);
}

void LimitedApiCheck::macroExpanded(const Token &NameTok,
                                    const MacroDefinition &Definition) {
  StringRef Name = NameTok.getIdentifierInfo()->getName();
  if (!isCandidate(Name))
    return;
  const MacroInfo *Info = Definition.getMacroInfo();
  if (!Info || Info->isBuiltinMacro())
    return;
  SourceLocation Defined =
      Unit.Sources->getSpellingLoc(Info->getDefinitionLoc());
  if (Defined.isInvalid() ||
      !isPythonHeaderFile(Unit.Sources->getFileID(Defined)))
    return;
  // A macro that Python's own macros expand to is spelled in their headers.
  if (!isUserCode(*Unit.Sources, NameTok.getLocation()))
    return;
  recordUse(Name, NameTok.getLocation());
}

void LimitedApiCheck::nameReferenced(StringRef Name, SourceLocation Loc,
                                     const Decl *Declaration) {
  if (!isCandidate(Name))
    return;
  // Undeclared, or declared implicitly by C at a call: CPython's only when
  // the table knows the name (not a typo, not the user's own function called
  // before its declaration).
  bool Undeclared = !Declaration || Declaration->isImplicit();
  if (Undeclared ? !findLimitedApiName(Name) : !isPythonDecl(Declaration))
    return;
  if (!isUserCode(*Unit.Sources, Loc))
    return;
  recordUse(Name, Loc);
}

void LimitedApiCheck::recordUse(
    StringRef Name, SourceLocation Loc,
    std::optional<::pycapi::LimitedApiFinding> Finding) {
  SourceLocation SpellingLoc = Unit.Sources->getSpellingLoc(Loc);
  SourceLocation ExpansionLoc = Unit.Sources->getExpansionLoc(Loc);
  if (ExpansionLoc == SpellingLoc)
    ExpansionLoc = SourceLocation();
  // Audit mode parses the code as a build without Py_LIMITED_API compiles
  // it; what counts is what a limited build compiles (not the branch under
  // #ifndef Py_LIMITED_API), where the name is spelled and where its macro
  // is used.
  if (auditing() && (!LimitedBuild->compiledAtTarget(SpellingLoc) ||
                     !LimitedBuild->compiledAtTarget(ExpansionLoc)))
    return;
  // One report per place: where a name also defines an opaque object, that
  // says more than the name.
  auto [It, New] =
      Unit.UseLocs.try_emplace(SpellingLoc.getRawEncoding(), Unit.Uses.size());
  if (New)
    Unit.Uses.push_back(
        {Name.str(), SpellingLoc, ExpansionLoc, std::move(Finding)});
  else if (Finding && !Unit.Uses[It->second].Finding)
    Unit.Uses[It->second] = {Name.str(), SpellingLoc, ExpansionLoc,
                             std::move(Finding)};
}

const ::pycapi::LimitedApiStruct *LimitedApiCheck::partialStruct(QualType T) {
  while (!T.isNull()) {
    const Type *Ty = T.getTypePtr();
    if (const auto *Typedef = dyn_cast<TypedefType>(Ty)) {
      const TypedefNameDecl *D = Typedef->getDecl();
      if (const auto *Struct = ::pycapi::findLimitedApiStruct(D->getName()))
        return isPythonDecl(D) ? Struct : nullptr;
    } else if (const auto *Record = dyn_cast<RecordType>(Ty)) {
      const RecordDecl *D = Record->getDecl();
      if (D->getIdentifier())
        if (const auto *Struct = ::pycapi::findLimitedApiStruct(D->getName()))
          return isPythonDecl(D) ? Struct : nullptr;
      return nullptr;
    }
    QualType Next = T.getSingleStepDesugaredType(*Unit.Context);
    if (Next == T)
      return nullptr;
    T = Next;
  }
  return nullptr;
}

void LimitedApiCheck::memberReferenced(const MemberExpr *E) {
  const auto *Field = dyn_cast<FieldDecl>(E->getMemberDecl());
  if (!Field || !Field->getIdentifier() ||
      !isUserCode(*Unit.Sources, E->getMemberLoc()))
    return;
  QualType Base = E->getBase()->getType();
  if (E->isArrow()) {
    const auto *Pointer = Base->getAs<PointerType>();
    if (!Pointer)
      return;
    Base = Pointer->getPointeeType();
  }
  const auto *Struct = partialStruct(Base);
  if (!Struct || (!Struct->Opaque && Struct->offersMember(Field->getName())))
    return;
  recordUse(
      Field->getName(), E->getMemberLoc(),
      ::pycapi::limitedApiMemberFinding(*Struct, Field->getName(), target()));
}

void LimitedApiCheck::objectDefined(const DeclaratorDecl *D) {
  // A variable counts once, where it is defined: an `extern` declaration of
  // an incomplete type compiles (a static type declared in a header and
  // defined in a .c file), and a tentative definition followed by the
  // definition (a forward declaration of a static type) is the same object.
  if (const auto *Var = dyn_cast<VarDecl>(D); Var && !isa<ParmVarDecl>(Var)) {
    const VarDecl *Definition = Var->getDefinition();
    if (Definition ? Definition != Var : Var->getActingDefinition() != Var)
      return;
  }
  const TypeSourceInfo *Info = D->getTypeSourceInfo();
  if (!Info)
    return;
  // Arrays of it too; a pointer is fine.
  TypeLoc Loc = Info->getTypeLoc().getUnqualifiedLoc();
  while (auto Array = Loc.getAs<ArrayTypeLoc>())
    Loc = Array.getElementLoc().getUnqualifiedLoc();
  const auto *Struct = partialStruct(Loc.getType());
  if (!Struct || !Struct->Opaque ||
      !isUserCode(*Unit.Sources, Loc.getBeginLoc()))
    return;
  recordUse(Struct->Name, Loc.getBeginLoc(),
            ::pycapi::limitedApiObjectFinding(*Struct, target()));
}

void LimitedApiCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *TU = Result.Nodes.getNodeAs<TranslationUnitDecl>("tu");
  if (!TU || !(Unit.LimitedTarget || AuditTarget))
    return;
  Unit.Context = Result.Context;
  Unit.Sources = Result.SourceManager;
  ReferenceVisitor Visitor(*this);
  for (Decl *D : TU->decls()) {
    // Python's headers are most of a translation unit; walk only the user's
    // declarations (a declaration that a Python macro such as PyMODINIT_FUNC
    // begins is the user's when it is expanded in the user's file).
    SourceLocation Loc = Unit.Sources->getExpansionLoc(D->getLocation());
    if (D->isImplicit() || !isUserCode(*Unit.Sources, Loc))
      continue;
    Visitor.TraverseDecl(D);
  }
}

void LimitedApiCheck::reportTraceRefsGuard(SourceLocation Loc,
                                           bool TestsVersion) {
  // Only where a limited build with Py_TRACE_REFS reaches it: not in a branch
  // of another platform (cffi's `#ifdef _MSC_VER` sanity checks).
  if (!TraceRefsBuild->compiledAtTarget(Loc))
    return;
  // Before patchlevel.h, PY_VERSION_HEX is not defined: a test of it reads
  // 0, and the guard refuses on every version.
  bool VersionKnown =
      Unit.VersionHexDefined.isValid() &&
      Unit.Sources->isBeforeInTranslationUnit(Unit.VersionHexDefined, Loc);
  if (TestsVersion && VersionKnown)
    return;
  if (TestsVersion) {
    diag(Loc, GuardBeforeVersionKnown);
    return;
  }
  if (!VersionKnown) {
    diag(Loc, GuardWithoutVersion);
    return;
  }
  diag(Loc, GuardOnEveryVersion);
}

void LimitedApiCheck::scanUserFiles() {
  // The main file first, then the user's headers in the order entered.
  llvm::SetVector<FileID> UserFiles;
  if (!Unit.UserFiles.count(Unit.Sources->getMainFileID()))
    UserFiles.insert(Unit.Sources->getMainFileID());
  UserFiles.insert(Unit.UserFiles.begin(), Unit.UserFiles.end());

  // Names the limited headers leave undeclared have no AST node unless C
  // declared them implicitly or C++ kept an unresolved call; read them from
  // the text. A name counts when it is a known Python name that is neither a
  // macro nor declared at file scope (those the AST and macro hooks saw).
  auto Undeclared = [&](StringRef Name, SourceLocation Loc) {
    if (!isCandidate(Name) || !findLimitedApiName(Name))
      return;
    IdentifierInfo &Id = Unit.PP->getIdentifierTable().get(Name);
    if (Id.hadMacroDefinition())
      return;
    if (Unit.Context) {
      auto Found = Unit.Context->getTranslationUnitDecl()->lookup(&Id);
      if (std::any_of(Found.begin(), Found.end(),
                      [](const NamedDecl *D) { return !D->isImplicit(); }))
        return;
    }
    recordUse(Name, Loc);
  };
  // In audit mode, the code that the parse skips but a limited build
  // compiles (`#ifdef Py_LIMITED_API`): known names its target does not
  // admit, unless the project defines them itself there.
  auto LimitedOnly = [&](StringRef Name, SourceLocation Loc) {
    if (!auditing() || !isCandidate(Name) || !findLimitedApiName(Name) ||
        LimitedBuild->whySkipped(Loc).Reason !=
            TargetBranches::SkipReason::CompiledAtTarget)
      return;
    const TargetMacro *Own = LimitedBuild->targetMacro(Name);
    const MacroInfo *Macro =
        Unit.PP->getMacroInfo(&Unit.PP->getIdentifierTable().get(Name));
    if ((Own && Own->Defined) ||
        (Macro && isUserCode(*Unit.Sources, Macro->getDefinitionLoc())))
      return;
    recordUse(Name, Loc);
  };
  auto Guard = [&](SourceLocation Loc, bool TestsVersion) {
    reportTraceRefsGuard(Loc, TestsVersion);
  };
  for (FileID File : UserFiles) {
    // Without a target, only the guards are looked for, and a file that
    // never names Py_TRACE_REFS has none: its text is not lexed.
    if (!target() &&
        !Unit.Sources->getBufferData(File).contains("Py_TRACE_REFS"))
      continue;
    limited::scanUserFile(*Unit.Sources, Unit.PP->getLangOpts(), File,
                          Unit.SkippedRanges, {Undeclared, LimitedOnly, Guard});
  }
}

void LimitedApiCheck::onEndOfTranslationUnit() {
  // Without the preprocessor's hooks the unit recorded nothing to report;
  // its state is reset all the same.
  if (Unit.Sources && Unit.PP)
    scanUserFiles();

  if (PyVersion Target = target()) {
    llvm::sort(Unit.Uses, [&](const Use &A, const Use &B) {
      return Unit.Sources->isBeforeInTranslationUnit(A.Loc, B.Loc);
    });
    for (const Use &U : Unit.Uses) {
      ::pycapi::LimitedApiFinding Finding =
          U.Finding ? *U.Finding
                    : ::pycapi::limitedApiFinding(
                          U.Name, findLimitedApiName(U.Name), Target);
      diag(U.Loc, "%0") << Finding.Message;
      // For the CLI's --limited-api-report, which groups the data.
      ::pycapi::recordCheckFinding(*this, *Unit.Sources, U.Loc,
                                   std::move(Finding));
    }
  }
  LimitedBuild.reset();
  TraceRefsBuild.reset();
  Unit = {};
}

} // namespace clang::tidy::pycapi
