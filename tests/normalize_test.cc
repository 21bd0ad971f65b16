#include <catch2/catch.hpp>

#include "normalize/normalize.h"

using namespace claimx;

namespace {

// The original text behind the first occurrence of `needle` in the match text.
std::string original_of(const std::string& original, const std::string& needle) {
  TextNormalizer norm;
  MatchText m = norm.run(original);
  auto pos = m.text().find(needle);
  REQUIRE(pos != std::string::npos);
  OriginalText o(original);
  return std::string(o.slice(m.to_original(pos, pos + needle.size())));
}

}  // namespace

TEST_CASE("typographic characters are plain in the match text") {
  TextNormalizer norm;
  MatchText m = norm.run("\u201CIt\u2019s over\u201D \u2014 she said\u2026\u00A0Done\r\nNext");
  CHECK(m.text() == "\"It's over\" - she said... Done\nNext");
}

TEST_CASE("spans map back to the original through every kind of change") {
  // Curly quotes and apostrophes
  CHECK(original_of("He said \u201CCooper\u2019s case\u201D again.", "\"Cooper's case\"") ==
        "\u201CCooper\u2019s case\u201D");
  // No-break space
  CHECK(original_of("Gov.\u00A0Newsom spoke", "Gov. Newsom") == "Gov.\u00A0Newsom");
  // Combining accent composed by NFC: "Jose\u0301" is one code point "é" in the match text
  CHECK(original_of("Jose\u0301 A\u0301lvarez won", "Jos\u00E9 \u00C1lvarez") == "Jose\u0301 A\u0301lvarez");
  // Emoji (outside the BMP) before the match
  CHECK(original_of("\U0001F600\U0001F600 Kim Kardashian", "Kim Kardashian") == "Kim Kardashian");
  // CRLF line breaks
  CHECK(original_of("First line.\r\nSecond line.\r\nThird", "Second line.\nThird") == "Second line.\r\nThird");
  // Ellipsis expanded to three dots; a match covering only part of it still maps to all of it
  CHECK(original_of("Wait\u2026 what", "Wait...") == "Wait\u2026");
  CHECK(original_of("Wait\u2026 what", "Wait.") == "Wait\u2026");
}

TEST_CASE("code point offsets count supplementary characters once") {
  TextNormalizer norm;
  std::string original = "\U0001F600 Kim";
  MatchText m = norm.run(original);
  auto pos = m.text().find("Kim");
  CodePointSpan s = m.to_original(pos, pos + 3);
  CHECK(s.begin == 2);  // the emoji is one code point, then a space
  CHECK(s.end == 5);
}

TEST_CASE("invisible characters are dropped without breaking offsets") {
  TextNormalizer norm;
  std::string original = "Kar\u00ADdashian West";  // soft hyphen inside the name
  MatchText m = norm.run(original);
  CHECK(m.text() == "Kardashian West");
  OriginalText o(original);
  CHECK(o.slice(m.to_original(0, 10)) == "Kar\u00ADdashian");
}
