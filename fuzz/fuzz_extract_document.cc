// libFuzzer entry point for claimx::fuzz::extract_document (see targets.h and README.md).
#include "targets.h"

// The first call builds the embedded rule set and the extractor, which under ASan and coverage
// took 32 s on a loaded 2-core machine: over fuzz/run's -timeout=30, reported as a timeout on the
// empty input. Built here, before libFuzzer times any input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  claimx::fuzz::extract_document(nullptr, 0);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  claimx::fuzz::extract_document(data, size);
  return 0;
}
