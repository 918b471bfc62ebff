//===--- CheckCatalog.cpp - what each pycapi check is and reads -----------===//
#include "CheckCatalog.h"
#include "HostTool.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::pycapi {

std::string defaultChecks() {
  std::string Glob = ("-*," + AllChecksGlob).str();
  for (const CheckInfo *Check : catalog::AllChecks)
    if (Check->OptIn)
      Glob += ",-" + Check->Name.str();
  return Glob;
}

const CheckInfo *findCheck(llvm::StringRef Name) {
  for (const CheckInfo *Check : catalog::AllChecks)
    if (Check->Name == Name)
      return Check;
  return nullptr;
}

std::string localKey(const CheckInfo &Check, const CheckOption &Option) {
  return (Check.Name + "." + Option.Key).str();
}

const CheckOption *findFlagOption(llvm::StringRef Flag) {
  for (const CheckInfo *Check : catalog::AllChecks)
    for (const CheckOption *Option : Check->Options)
      if (!Option->Flag.empty() && Option->Flag == Flag)
        return Option;
  return nullptr;
}

std::vector<std::string> flagKeys(const CheckOption &Option) {
  if (Option.Scope == OptionScope::LocalOrGlobal)
    return {Option.Key.str()};
  std::vector<std::string> Keys;
  for (const CheckInfo *Check : catalog::AllChecks)
    if (llvm::is_contained(Check->Options, &Option))
      Keys.push_back(localKey(*Check, Option));
  return Keys;
}

std::string invalidChoiceMessage(llvm::StringRef Check,
                                 const CheckOption &Option,
                                 llvm::StringRef Value) {
  std::string Expected;
  for (size_t I = 0; I < Option.Choices.size(); ++I) {
    if (I > 0)
      Expected += I + 1 == Option.Choices.size() ? " or " : ", ";
    Expected += Option.Choices[I];
  }
  return ("invalid " + Option.Key + " '" + Value + "' for " + Check +
          ": expected " + Expected)
      .str();
}

llvm::StringRef optionNameInNotes(const CheckOption &Option) {
  if (::pycapi::hostTool().NamesOptionsByFlag && !Option.Flag.empty())
    return Option.Flag;
  return Option.Key;
}

} // namespace clang::tidy::pycapi

namespace clang::tidy {

llvm::ArrayRef<std::pair<pycapi::ReleaseStrategy, llvm::StringRef>>
OptionEnumMapping<pycapi::ReleaseStrategy>::getEnumMapping() {
  using pycapi::ReleaseStrategy;
  using pycapi::catalog::ReleaseStrategyNames;
  static constexpr std::pair<ReleaseStrategy, llvm::StringRef> Mapping[] = {
      {ReleaseStrategy::Lifetime,
       ReleaseStrategyNames[static_cast<int>(ReleaseStrategy::Lifetime)]},
      {ReleaseStrategy::Immediate,
       ReleaseStrategyNames[static_cast<int>(ReleaseStrategy::Immediate)]}};
  static_assert(std::size(Mapping) == std::size(ReleaseStrategyNames),
                "every value of ReleaseStrategy has its name");
  return Mapping;
}

} // namespace clang::tidy
