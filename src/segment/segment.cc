#include "segment/segment.h"

#include <algorithm>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <stdexcept>

namespace claimx {

SentenceSplitter::SentenceSplitter(std::unordered_set<std::string> abbreviations)
    : abbreviations_(std::move(abbreviations)) {
  UErrorCode status = U_ZERO_ERROR;
  breaker_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getUS(), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU sentence break iterator unavailable");
}

SentenceSplitter::~SentenceSplitter() = default;

// True when the ICU break at `boundary` follows an abbreviation or an initial, so the sentence
// that started at `from` goes on.
bool SentenceSplitter::keeps_going(std::string_view text, std::size_t from, std::size_t boundary) const {
  std::size_t end = boundary;
  while (end > from && (text[end - 1] == ' ')) --end;
  if (end == from || text[end - 1] != '.') return false;
  if (text.substr(end, boundary - end).find('\n') != std::string_view::npos) return false;
  std::size_t start = end - 1;
  while (start > from && text[start - 1] != ' ' && text[start - 1] != '(' && text[start - 1] != '"' &&
         text[start - 1] != '\n')
    --start;
  std::string_view token = text.substr(start, end - 1 - start);
  if (token.empty()) return false;
  if (token.size() == 1 && token[0] >= 'A' && token[0] <= 'Z') return true;  // an initial
  return abbreviations_.count(std::string(token)) > 0;
}

std::vector<Sentence> SentenceSplitter::split(std::string_view text) const {
  std::vector<Sentence> out;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return out;
  breaker_->setText(ut, status);
  std::uint32_t paragraph = 0;
  bool seen_text_in_line = false;
  std::size_t line_breaks_seen = 0;  // index into `text` up to which paragraphs are counted
  auto push = [&](std::size_t b, std::size_t e) {
    // Split further at line breaks, trim, and count paragraphs.
    std::size_t s = b;
    while (s < e) {
      // Look for a line break only inside [s, e): searching the rest of the text from every
      // sentence made a long single-line document quadratic.
      std::size_t nl = text.substr(0, e).find('\n', s);
      std::size_t piece_end = nl == std::string_view::npos ? e : nl;
      for (; line_breaks_seen < s; ++line_breaks_seen)
        if (text[line_breaks_seen] == '\n' && seen_text_in_line) {
          ++paragraph;
          seen_text_in_line = false;
        }
      std::size_t pb = s, pe = piece_end;
      while (pb < pe && (text[pb] == ' ' || text[pb] == '\n')) ++pb;
      while (pe > pb && (text[pe - 1] == ' ' || text[pe - 1] == '\n')) --pe;
      if (pb < pe) {
        out.push_back({static_cast<std::uint32_t>(pb), static_cast<std::uint32_t>(pe), paragraph});
        seen_text_in_line = true;
      }
      s = piece_end == e ? e : piece_end + 1;
    }
  };
  std::size_t start = 0;
  if (U_SUCCESS(status)) {
    for (int32_t b = breaker_->next(); b != icu::BreakIterator::DONE; b = breaker_->next()) {
      std::size_t boundary = static_cast<std::size_t>(b);
      if (boundary < text.size() && keeps_going(text, start, boundary)) continue;
      push(start, boundary);
      start = boundary;
    }
  }
  if (start < text.size()) push(start, text.size());
  utext_close(ut);
  return out;
}

std::vector<Sentence>::const_iterator sentence_at(const std::vector<Sentence>& sentences, std::uint32_t pos) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                             [](std::uint32_t p, const Sentence& s) { return p < s.begin; });
  return it == sentences.begin() ? sentences.end() : std::prev(it);
}

}  // namespace claimx
