//===--- PerPreprocessor.h - one shared object per preprocessor -----------===//
//
// clang-tidy builds every check of a run once, and calls each check's
// registerPPCallbacks for each translation unit. What the checks of one unit
// share (the one token watcher, the marks of MatchDemand.h, the target
// builds' #if chains) must therefore be found from the unit itself: its
// preprocessor. The objects live as long as the preprocessor, which owns the
// one hook that keeps them all: every hook in the preprocessor's chain costs
// each of its events (every macro expansion of Python's headers too) a call.
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
/// The shared objects of one preprocessor, by type.
struct UnitObjects {
  std::map<const void *, std::shared_ptr<void>> ByType;
};

/// Keeps the objects alive for as long as the preprocessor owns the hook.
class Keeper : public PPCallbacks {
public:
  explicit Keeper(std::shared_ptr<UnitObjects> Kept) : Kept(std::move(Kept)) {}

private:
  std::shared_ptr<UnitObjects> Kept;
};

struct Registry {
  // The hooks own the objects; this map only finds them again while their
  // preprocessor lives. A new preprocessor at a reused address finds an
  // expired entry. Units are parsed on several threads (-j).
  std::map<const Preprocessor *, std::weak_ptr<UnitObjects>> Units;
  std::mutex Mutex;
};

/// The one registry of the program (an inline function's static is one
/// object across translation units).
inline Registry &registry() {
  static Registry Instance;
  return Instance;
}

/// A key per type T.
template <typename T> const void *typeKey() {
  static const char Key = 0;
  return &Key;
}
} // namespace detail

/// \p PP's one T, made (and \p Created set) on the first call for \p PP.
template <typename T>
std::shared_ptr<T> perPreprocessor(Preprocessor &PP, bool *Created = nullptr) {
  detail::Registry &Registry = detail::registry();
  std::lock_guard<std::mutex> Lock(Registry.Mutex);
  std::shared_ptr<detail::UnitObjects> Unit = Registry.Units[&PP].lock();
  if (!Unit) {
    for (auto It = Registry.Units.begin(); It != Registry.Units.end();)
      It = It->second.expired() && It->first != &PP ? Registry.Units.erase(It)
                                                    : std::next(It);
    Unit = std::make_shared<detail::UnitObjects>();
    Registry.Units[&PP] = Unit;
    PP.addPPCallbacks(std::make_unique<detail::Keeper>(Unit));
  }
  std::shared_ptr<void> &Object = Unit->ByType[detail::typeKey<T>()];
  if (Created)
    *Created = !Object;
  if (!Object)
    Object = std::make_shared<T>();
  return std::static_pointer_cast<T>(Object);
}

/// \p PP's T if a check made one, or null.
template <typename T>
std::shared_ptr<T> findPerPreprocessor(const Preprocessor &PP) {
  detail::Registry &Registry = detail::registry();
  std::lock_guard<std::mutex> Lock(Registry.Mutex);
  auto Found = Registry.Units.find(&PP);
  std::shared_ptr<detail::UnitObjects> Unit =
      Found == Registry.Units.end() ? nullptr : Found->second.lock();
  if (!Unit)
    return nullptr;
  auto Object = Unit->ByType.find(detail::typeKey<T>());
  return Object == Unit->ByType.end()
             ? nullptr
             : std::static_pointer_cast<T>(Object->second);
}

} // namespace clang::tidy::pycapi

#endif // PYCAPI_CHECKS_UTILS_PERPREPROCESSOR_H
