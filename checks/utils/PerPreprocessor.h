//===--- PerPreprocessor.h - one shared object per preprocessor -----------===//
//
// clang-tidy builds every check of a run once, and calls each check's
// registerPPCallbacks for each translation unit. What the checks of one unit
// share (the one token watcher, the marks of MatchDemand.h) must therefore
// be found from the unit itself: its preprocessor. The object lives as long
// as the preprocessor, which owns the hook that keeps it.
//
//===----------------------------------------------------------------------===//
#ifndef PYCAPI_CHECKS_UTILS_PERPREPROCESSOR_H
#define PYCAPI_CHECKS_UTILS_PERPREPROCESSOR_H

#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include <map>
#include <memory>
#include <mutex>

namespace clang::tidy::pycapi {

namespace detail {
/// Keeps its object alive for as long as the preprocessor owns the hook.
template <typename T> class Keeper : public PPCallbacks {
public:
  explicit Keeper(std::shared_ptr<T> Kept) : Kept(std::move(Kept)) {}

private:
  std::shared_ptr<T> Kept;
};

template <typename T> struct Registry {
  // The hooks own the objects; this map only finds them again while their
  // preprocessor lives. A new preprocessor at a reused address finds an
  // expired entry. Units are parsed on several threads (-j).
  std::map<const Preprocessor *, std::weak_ptr<T>> Objects;
  std::mutex Mutex;

  static Registry &get() {
    static Registry Instance;
    return Instance;
  }
};
} // namespace detail

/// \p PP's one T, made (and \p Created set) on the first call for \p PP.
template <typename T>
std::shared_ptr<T> perPreprocessor(Preprocessor &PP, bool *Created = nullptr) {
  auto &Registry = detail::Registry<T>::get();
  std::lock_guard<std::mutex> Lock(Registry.Mutex);
  for (auto It = Registry.Objects.begin(); It != Registry.Objects.end();)
    It = It->second.expired() ? Registry.Objects.erase(It) : std::next(It);
  std::shared_ptr<T> Object = Registry.Objects[&PP].lock();
  if (Created)
    *Created = !Object;
  if (!Object) {
    Object = std::make_shared<T>();
    Registry.Objects[&PP] = Object;
    PP.addPPCallbacks(std::make_unique<detail::Keeper<T>>(Object));
  }
  return Object;
}

/// \p PP's T if a check made one, or null.
template <typename T>
std::shared_ptr<T> findPerPreprocessor(const Preprocessor &PP) {
  auto &Registry = detail::Registry<T>::get();
  std::lock_guard<std::mutex> Lock(Registry.Mutex);
  auto Found = Registry.Objects.find(&PP);
  return Found == Registry.Objects.end() ? nullptr : Found->second.lock();
}

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_UTILS_PERPREPROCESSOR_H
