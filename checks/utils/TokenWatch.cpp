//===--- TokenWatch.cpp - share the preprocessor's one token watcher ------===//
#include "TokenWatch.h"
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace clang::tidy::pycapi {
namespace {

struct Listeners {
  std::vector<TokenListener> List;
};

// The watcher installed on a preprocessor owns its listeners; this map only
// finds them again while that preprocessor (and so the watcher) lives. A new
// preprocessor at a reused address finds an expired entry.
std::map<const Preprocessor *, std::weak_ptr<Listeners>> Registry;
std::mutex RegistryMutex;

} // namespace

void addTokenListener(Preprocessor &PP, TokenListener Listener) {
  std::lock_guard<std::mutex> Lock(RegistryMutex);
  for (auto It = Registry.begin(); It != Registry.end();)
    It = It->second.expired() ? Registry.erase(It) : std::next(It);
  std::shared_ptr<Listeners> Shared = Registry[&PP].lock();
  if (!Shared) {
    Shared = std::make_shared<Listeners>();
    Registry[&PP] = Shared;
    PP.setTokenWatcher([Shared](const Token &Tok) {
      for (const TokenListener &Each : Shared->List)
        Each(Tok);
    });
  }
  Shared->List.push_back(std::move(Listener));
}

} // namespace clang::tidy::pycapi
