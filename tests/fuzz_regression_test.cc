// Replays every input a fuzz target once crashed on (tests/regressions/TARGET/) and every seed
// (fuzz/seeds/), through the same checks the libFuzzer targets run (fuzz/targets.h), in a normal
// build without libFuzzer. A broken invariant aborts the test binary, as it would the fuzzer.
#include <catch2/catch.hpp>

#include <filesystem>
#include <vector>

#include "targets.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace claimx;
using claimx::testing::slurp;

namespace {

// Every file under `dir` (recursively), in sorted order.
std::vector<fs::path> files_under(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().filename() != "README.md") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t replay(const std::string& target, const fs::path& dir) {
  auto run = fuzz::target_named(target);
  REQUIRE(run != nullptr);
  std::size_t n = 0;
  for (const auto& p : files_under(dir)) {
    INFO(p.string());
    std::string bytes = slurp(p);
    run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    ++n;
  }
  return n;
}

const fs::path kSource = CLAIMX_SOURCE_DIR;

}  // namespace

TEST_CASE("inputs that once crashed a fuzz target stay fixed") {
  std::size_t n = 0;
  for (const char* t : {"text_stages", "rule_file", "jsonl_line", "extract_document"})
    n += replay(t, kSource / "tests/regressions" / t);
  SUCCEED(n << " regression inputs replayed");
}

TEST_CASE("the fuzz seeds pass the fuzz targets' checks") {
  CHECK(replay("text_stages", kSource / "fuzz/seeds/text") > 10);
  CHECK(replay("extract_document", kSource / "fuzz/seeds/text") > 10);
  CHECK(replay("jsonl_line", kSource / "fuzz/seeds/jsonl_line") > 2);
  CHECK(replay("rule_file", kSource / "fuzz/seeds/rule_file") > 1);
}
