// libFuzzer entry point for claimx::fuzz::rule_file (see targets.h and README.md).
#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  claimx::fuzz::rule_file(data, size);
  return 0;
}
