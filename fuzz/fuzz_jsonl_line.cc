// libFuzzer entry point for claimx::fuzz::jsonl_line (see targets.h and README.md).
#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  claimx::fuzz::jsonl_line(data, size);
  return 0;
}
