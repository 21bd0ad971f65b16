// libFuzzer entry point for claimx::fuzz::extract_document (see targets.h and README.md).
#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  claimx::fuzz::extract_document(data, size);
  return 0;
}
