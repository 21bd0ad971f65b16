#pragma once
// segment: match text -> sentences and paragraphs.
// In:  the match text of one article and the abbreviation list from the rules.
// Out: sentences as byte ranges of the match text, in order, trimmed of surrounding whitespace,
//      each with its paragraph (a paragraph is a non-empty line). ICU's sentence rules decide the
//      breaks; a break right after a listed abbreviation ("Gov.", "Jan.", "U.S.") or a single
//      capital initial ("Brittany K. Barnett") is dropped. A sentence never crosses a line break.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace claimx {

struct Sentence {
  std::uint32_t begin = 0, end = 0;  // byte range in the match text
  std::uint32_t paragraph = 0;       // index of its line among non-empty lines
};

// The sentence that holds byte `pos`: the last one starting at or before it; end() when `pos` comes
// before the first.
std::vector<Sentence>::const_iterator sentence_at(const std::vector<Sentence>& sentences, std::uint32_t pos);

class SentenceSplitter {
 public:
  // `abbreviations`: tokens without their final period, matched exactly ("Gov", "U.S", "a.m").
  explicit SentenceSplitter(std::unordered_set<std::string> abbreviations);
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  std::vector<Sentence> split(std::string_view text) const;

 private:
  bool keeps_going(std::string_view text, std::size_t from, std::size_t boundary) const;
  std::unordered_set<std::string> abbreviations_;
  std::unique_ptr<icu::BreakIterator> breaker_;
};

}  // namespace claimx
