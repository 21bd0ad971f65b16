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

// Words after which a cue is a noun: "the plan", "its schedule", "a promise".
bool determiner(std::string_view w) {
  // Not "that" or "those": they also open clauses ("the bullet that tore", "those charged").
  static const char* words[] = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "whose",
                                "no", "any"};
  for (const char* x : words)
    if (w == x) return true;
  return false;
}

struct Token {
  std::string_view word;
  std::optional<Tense> tense;
};

// Drops the cues that are not verbs or modals in their place: a cue after a determiner is a noun
// ("announced the plan Aug. 21"), "next to" is a place ("killed next to the embassy on Friday").
void drop_false_cues(std::vector<Token>& tokens, std::string_view following) {
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (!tokens[k].tense) continue;
    if (k > 0 && determiner(tokens[k - 1].word)) tokens[k].tense.reset();
    std::string_view next = k + 1 < tokens.size() ? tokens[k + 1].word : following;
    if (tokens[k].word == "next" && next == "to") tokens[k].tense.reset();
  }
}

// "set to resume Monday", "is to meet Tuesday": an arrangement still ahead.
void mark_arrangements(std::vector<Token>& tokens, std::string_view following) {
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    std::string_view next = k + 1 < tokens.size() ? tokens[k + 1].word : following;
    const std::string_view w = tokens[k].word;
    if (next == "to" && (w == "set" || w == "is" || w == "are")) tokens[k].tense = Tense::future;
  }
}

}  // namespace

Tense tense_around(std::string_view text, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                   std::uint32_t begin, std::uint32_t end, const WordList* cues) {
  // Only the words within kReach bytes either side count: tense cues sit near their date, and
  // reading a whole run-on sentence for each of its dates made long sentences quadratic.
  constexpr std::uint32_t kReach = 1000;
  std::vector<Token> before, after;
  std::uint32_t i = sentence_begin;
  bool first_word = true;
  if (begin > sentence_begin + kReach) {  // start at the first whole word inside the reach
    i = begin - kReach;
    while (i < begin && is_letter(text[i])) ++i;
    first_word = false;
  }
  if (sentence_end > end + kReach) {  // and end after the last whole word inside it
    std::uint32_t stop = end + kReach;
    while (stop < sentence_end && is_letter(text[stop])) ++stop;
    sentence_end = stop;
  }
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
      (j <= begin ? before : after).push_back({word, t});
    }
    first_word = false;
    i = j;
  }
  const std::string_view first_after = after.empty() ? std::string_view{} : after.front().word;
  mark_arrangements(before, first_after);
  mark_arrangements(after, {});
  drop_false_cues(before, first_after);
  drop_false_cues(after, {});
  for (std::size_t k = before.size(); k-- > 0;) {
    if (!before[k].tense) continue;
    for (std::size_t m = k; m-- > 0 && k - m <= 3;) {
      // A participle after a modal takes the modal's tense: "will be held Tuesday" is future ...
      if (before[m].tense == Tense::future) return Tense::future;
      // ... and a plan in the past perfect is over: "had been scheduled to expire Friday".
      if (before[k].tense == Tense::future && before[m].word == "had") return Tense::past;
      if (!auxiliary_filler(before[m].word)) break;
    }
    return *before[k].tense;
  }
  for (const auto& t : after)
    if (t.tense) return *t.tense;
  return Tense::unknown;
}

}  // namespace claimx
