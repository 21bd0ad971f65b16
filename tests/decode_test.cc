#include <catch2/catch.hpp>

#include "decode/decode.h"

using namespace claimx;
using namespace std::string_literals;

TEST_CASE("UTF-8 passes through and a BOM is dropped") {
  auto d = decode("\xEF\xBB\xBFZo\xC3\xAB said");
  CHECK(d.error.empty());
  CHECK(d.text == "Zo\xC3\xAB said");
  CHECK(d.warnings.empty());
}

TEST_CASE("Windows-1252 is detected and converted") {
  // curly quotes (0x93/0x94), an apostrophe (0x92) and é (0xE9)
  auto d = decode("\x93It\x92s fine,\x94 said Jos\xE9 \xC1lvarez, the caf\xE9 owner, on Monday.");
  CHECK(d.error.empty());
  CHECK(d.encoding == "windows-1252");
  CHECK(d.text == "\u201CIt\u2019s fine,\u201D said Jos\u00E9 \u00C1lvarez, the caf\u00E9 owner, on Monday.");
}

TEST_CASE("UTF-16 and UTF-32 with a BOM, and UTF-16 without one") {
  std::string le = "\xFF\xFE"s + "K\0i\0m\0 \0\xEB\0"s;  // "Kim ë"
  CHECK(decode(le).text == "Kim \u00EB");
  std::string be = "\xFE\xFF"s + "\0K\0i\0m"s;
  CHECK(decode(be).text == "Kim");
  std::string le32 = "\xFF\xFE\0\0"s + "K\0\0\0i\0\0\0"s;
  CHECK(decode(le32).text == "Ki");
  std::string bare = "T\0h\0e\0 \0c\0o\0u\0r\0t\0 \0r\0u\0l\0e\0d\0.\0"s;
  auto d = decode(bare);
  CHECK(d.error.empty());
  CHECK(d.text == "The court ruled.");
}

TEST_CASE("binary and empty input are errors, not text") {
  CHECK(decode("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0"s).error.find("binary") != std::string::npos);
  CHECK(decode("").error == "empty document");
  CHECK(decode("\xEF\xBB\xBF").error == "empty document");
}

TEST_CASE("invalid bytes in UTF-8 text become U+FFFD with a warning") {
  auto d = decode("caf\xC3\xA9 and \xC3\xA9t\xC3\xA9 \xFF broken");
  CHECK(d.error.empty());
  CHECK(d.text == "caf\u00E9 and \u00E9t\u00E9 \uFFFD broken");
  REQUIRE(d.warnings.size() == 1);
  CHECK(d.warnings[0].find("U+FFFD") != std::string::npos);
}
