// libFuzzer entry point for claimx::fuzz::text_stages (see targets.h and README.md).
#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  claimx::fuzz::text_stages(data, size);
  return 0;
}
