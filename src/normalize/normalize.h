#pragma once
// normalize: original text -> match text, with an offset map back to the original.
// In:  the decoded article (UTF-8).
// Out: a MatchText in NFC where typographic quotes, apostrophes, dashes, ellipses, no-break and
//      other odd spaces are plain ASCII, CRLF and lone CR are "\n", and invisible format characters
//      are gone. Rules match the match text; every byte of it knows the range of original code
//      points it came from, so any match maps back to a span of the original article
//      (`text == article[start:end]` in code points).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace claimx {

// [begin, end) in Unicode code points of the original article.
struct CodePointSpan {
  std::uint32_t begin = 0, end = 0;
};

class MatchText {
 public:
  const std::string& text() const { return text_; }
  // Maps the match-text byte range [b, e) to the original code points it came from.
  CodePointSpan to_original(std::size_t b, std::size_t e) const;

 private:
  friend class TextNormalizer;
  std::string text_;
  std::vector<std::uint32_t> begin_cp_;  // per byte: first original code point of its source
  std::vector<std::uint32_t> end_cp_;    // per byte: one past the last original code point
  std::uint32_t total_cp_ = 0;
};

// The original article, indexable by code point.
class OriginalText {
 public:
  explicit OriginalText(std::string utf8);
  const std::string& utf8() const { return text_; }
  std::uint32_t size_cp() const { return static_cast<std::uint32_t>(cp_byte_.size() - 1); }
  std::string_view slice(CodePointSpan s) const;

 private:
  std::string text_;
  std::vector<std::uint32_t> cp_byte_;  // code point index -> byte offset; one extra at the end
};

// Holds the ICU normalizer; create one per thread and reuse it.
class TextNormalizer {
 public:
  TextNormalizer();
  MatchText run(std::string_view original) const;

 private:
  const void* nfc_;  // icu::Normalizer2*, owned by ICU
};

}  // namespace claimx
