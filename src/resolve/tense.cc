#include "resolve/tense.h"

#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "match/word_list.h"

namespace claimx {

namespace {

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

std::optional<Tense> cue_tense(std::string_view word, bool sentence_start, const WordList* cues) {
  if (!std::islower(static_cast<unsigned char>(word[0])) && !sentence_start) return std::nullopt;  // names: "Will", "May"
  auto lookup = [&](std::string_view w) -> std::optional<Tense> {
    const std::string* v = cues ? cues->find(w) : nullptr;
    if (v == nullptr) return std::nullopt;
    if (*v == "past") return Tense::past;
    if (*v == "future") return Tense::future;
    if (*v == "present") return Tense::present;
    return Tense::unknown;  // listed as none: not a cue
  };
  if (auto t = lookup(word)) return t;
  if (auto apostrophe = word.rfind('\''); apostrophe != std::string_view::npos && apostrophe > 0)
    if (auto t = lookup(word.substr(apostrophe))) return t;
  if (word.size() >= 5 && word.substr(word.size() - 2) == "ed" && std::islower(static_cast<unsigned char>(word[0])))
    return Tense::past;
  return std::nullopt;
}

// Words that sit between a modal and its participle: "will be held", "would not have been".
bool auxiliary_filler(std::string_view w) {
  static const char* words[] = {"be", "been", "being", "have", "not", "also", "still", "likely", "probably", "then",
                                "now", "only", "again", "finally", "formally", "officially"};
  for (const char* x : words)
    if (w == x) return true;
  return false;
}

struct Token {
  std::string_view word;
  std::optional<Tense> tense;
};

}  // namespace

Tense tense_around(std::string_view text, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                   std::uint32_t begin, std::uint32_t end, const WordList* cues) {
  std::vector<Token> before;
  std::optional<Tense> after;
  std::uint32_t i = sentence_begin;
  bool first_word = true;
  while (i < sentence_end) {
    if (!is_letter(text[i])) {
      ++i;
      continue;
    }
    std::uint32_t j = i;
    while (j < sentence_end && (is_letter(text[j]) || (text[j] == '\'' && j + 1 < sentence_end && is_letter(text[j + 1])))) ++j;
    std::string_view word = text.substr(i, j - i);
    if (!(i < end && j > begin)) {  // words of the expression itself do not count
      auto t = cue_tense(word, first_word, cues);
      if (t && *t == Tense::unknown) t.reset();
      if (j <= begin) before.push_back({word, t});
      else if (t && !after) after = t;
    }
    first_word = false;
    i = j;
    if (i >= end && after) break;
  }
  for (std::size_t k = before.size(); k-- > 0;) {
    if (!before[k].tense) continue;
    // A participle after a modal takes the modal's tense: "will be held Tuesday" is future.
    for (std::size_t m = k; m-- > 0 && k - m <= 3;) {
      if (before[m].tense == Tense::future) return Tense::future;
      if (!auxiliary_filler(before[m].word)) break;
    }
    return *before[k].tense;
  }
  if (after) return *after;
  return Tense::unknown;
}

}  // namespace claimx
