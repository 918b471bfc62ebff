// The C++ half of portedext: scripts/ecosystem checks C and C++ files of one
// project in separate runs when its flags hold a -std= for one language only.
#include <cstddef>

namespace {
constexpr unsigned kModulus = 65521;  // Adler-32's prime
}

extern "C" unsigned portedext_checksum(const unsigned char *data, std::size_t len) {
  unsigned a = 1, b = 0;
  for (std::size_t i = 0; i < len; ++i) {
    a = (a + data[i]) % kModulus;
    b = (b + a) % kModulus;
  }
  return (b << 16) | a;
}
