#include <catch2/catch.hpp>

#include "segment/segment.h"

using namespace claimx;

namespace {

std::vector<std::string> sentences(const std::string& text) {
  SentenceSplitter splitter({"Mr", "Mrs", "Dr", "Gov", "Sen", "Jan", "U.S", "St"});
  std::vector<std::string> out;
  for (const auto& s : splitter.split(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

}  // namespace

TEST_CASE("abbreviations and initials do not end sentences") {
  auto s = sentences("The case was led by Brittany K. Barnett in court. Gov. Newsom agreed on Jan. 5 with the U.S. Senate.");
  REQUIRE(s.size() == 2);
  CHECK(s[0] == "The case was led by Brittany K. Barnett in court.");
  CHECK(s[1] == "Gov. Newsom agreed on Jan. 5 with the U.S. Senate.");
}

TEST_CASE("ordinary sentence ends still break") {
  auto s = sentences("He left. She stayed! Did they know? \"Yes,\" he said.");
  CHECK(s.size() == 4);
}

TEST_CASE("line breaks end sentences and count paragraphs") {
  SentenceSplitter splitter({});
  std::string text = "Headline Without Period\n\nFirst sentence. Second one.\nNew paragraph here";
  auto s = splitter.split(text);
  REQUIRE(s.size() == 4);
  CHECK(text.substr(s[0].begin, s[0].end - s[0].begin) == "Headline Without Period");
  CHECK(s[0].paragraph == 0);
  CHECK(s[1].paragraph == 1);
  CHECK(s[2].paragraph == 1);
  CHECK(s[3].paragraph == 2);
}
