#include "resolve/quote_structure.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace claimx {

namespace {

// How far a block quote or an embedded post may reach, in paragraphs.
constexpr std::size_t kMaxBlockParagraphs = 8;

bool is_space(char c) { return c == ' ' || c == '\n'; }

}  // namespace

std::size_t quote_mark_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  if (text[pos] == '"') return 1;
  if (text[pos] == '\'' && pos + 1 < text.size() && text[pos + 1] == '\'') return 2;
  return 0;
}

QuoteStructure::QuoteStructure(std::string_view text, const std::vector<Sentence>& sentences,
                               std::vector<ByteSpan> boilerplate)
    : text_(text), boilerplate_(std::move(boilerplate)) {
  for (const auto& s : sentences) {
    if (paragraphs_.size() <= s.paragraph) paragraphs_.resize(s.paragraph + 1, ByteSpan{s.begin, s.end});
    paragraphs_[s.paragraph].end = s.end;
  }
  std::sort(boilerplate_.begin(), boilerplate_.end(),
            [](const ByteSpan& a, const ByteSpan& b) { return a.begin < b.begin; });
}

std::size_t QuoteStructure::paragraph_at(std::uint32_t pos) const {
  auto it = std::upper_bound(paragraphs_.begin(), paragraphs_.end(), pos,
                             [](std::uint32_t p, const ByteSpan& s) { return p < s.begin; });
  return it == paragraphs_.begin() ? 0 : static_cast<std::size_t>(it - paragraphs_.begin() - 1);
}

bool QuoteStructure::boilerplate_only(std::size_t i) const {
  const ByteSpan p = paragraphs_[i];
  std::uint32_t pos = p.begin;
  for (const auto& b : boilerplate_) {
    if (b.end <= pos) continue;
    if (b.begin >= p.end) break;
    for (; pos < b.begin; ++pos)
      if (!is_space(text_[pos])) return false;
    pos = std::max(pos, b.end);
  }
  for (; pos < p.end; ++pos)
    if (!is_space(text_[pos])) return false;
  return true;
}

const std::vector<QuoteStructure::Quote>& QuoteStructure::quotes(std::size_t i) const {
  if (quotes_read_.size() != paragraphs_.size()) {
    quotes_read_.assign(paragraphs_.size(), false);
    quotes_.assign(paragraphs_.size(), {});
  }
  std::vector<Quote>& out = quotes_[i];
  if (quotes_read_[i]) return out;
  quotes_read_[i] = true;
  const ByteSpan p = paragraphs_[i];
  bool inside = false;
  std::uint32_t open_end = 0;
  for (std::uint32_t pos = p.begin; pos < p.end;) {
    std::size_t n = quote_mark_at(text_, pos);
    if (n == 0) {
      ++pos;
      continue;
    }
    if (!inside) open_end = pos + static_cast<std::uint32_t>(n);
    else out.push_back({ByteSpan{open_end, pos}, false});
    inside = !inside;
    pos += static_cast<std::uint32_t>(n);
  }
  if (inside) out.push_back({ByteSpan{open_end, p.end}, true});
  return out;
}

bool QuoteStructure::opens_with_quote(std::size_t i) const { return quote_mark_at(text_, paragraphs_[i].begin) > 0; }

bool QuoteStructure::first_person(std::size_t i) const {
  static const char* const kWords[] = {"i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself", "we", "we're",
                                       "we've", "we'd", "we'll", "us", "our", "ours", "ourselves"};
  const ByteSpan p = paragraphs_[i];
  std::uint32_t pos = p.begin;
  while (pos < p.end) {
    while (pos < p.end && !std::isalpha(static_cast<unsigned char>(text_[pos]))) ++pos;
    std::uint32_t b = pos;
    while (pos < p.end && (std::isalpha(static_cast<unsigned char>(text_[pos])) || text_[pos] == '\'')) ++pos;
    if (pos == b) break;
    std::string w(text_.substr(b, pos - b));
    if (w == "US" || w == "Us") continue;  // the country, not the pronoun
    if (w.size() == 1 && w != "I") continue;  // "i" alone is not the pronoun
    std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const char* k : kWords)
      if (w == k) return true;
  }
  return false;
}

ByteSpan QuoteStructure::extend_quote(ByteSpan content) const {
  if (paragraphs_.empty()) return content;
  // Forward: the quote holding the content is still open at its paragraph's end.
  std::size_t p = paragraph_at(content.begin);
  for (const auto& q : quotes(p)) {
    if (!(q.inside.begin <= content.begin && content.begin < q.inside.end + 1) || !q.open) continue;
    for (std::size_t j = p + 1; j < paragraphs_.size() && opens_with_quote(j); ++j) {
      const auto& next = quotes(j);
      if (next.empty()) break;
      content.end = next.front().inside.end;
      if (!next.front().open) break;
    }
  }
  // Back: the content's quote opens its paragraph, and the paragraph before ends in an open quote.
  std::size_t b = paragraph_at(content.begin);
  while (b > 0 && opens_with_quote(b)) {
    const auto& own = quotes(b);
    if (own.empty() || content.begin < own.front().inside.begin || content.begin > own.front().inside.end) break;
    const auto& before = quotes(b - 1);
    if (before.empty() || !before.back().open) break;
    content.begin = before.back().inside.begin;
    --b;
  }
  return content;
}

ByteSpan QuoteStructure::block_after(std::size_t i, const std::vector<std::size_t>& stops) const {
  auto stop = [&](std::size_t j) { return std::find(stops.begin(), stops.end(), j) != stops.end(); };
  std::size_t j = i + 1;
  while (j < paragraphs_.size() && boilerplate_only(j) && !stop(j)) ++j;
  if (j >= paragraphs_.size() || stop(j)) return {};
  if (opens_with_quote(j)) {
    const auto& q = quotes(j);
    return extend_quote(q.front().inside);
  }
  ByteSpan out = paragraphs_[j];
  for (std::size_t k = j + 1; k < paragraphs_.size() && k <= j + kMaxBlockParagraphs; ++k) {
    if (stop(k) || boilerplate_only(k) || opens_with_quote(k) || !first_person(k)) break;
    out.end = paragraphs_[k].end;
  }
  return out;
}

ByteSpan QuoteStructure::block_before(std::size_t i, const std::vector<std::size_t>& stops) const {
  if (i == 0) return {};
  auto stop = [&](std::size_t j) { return std::find(stops.begin(), stops.end(), j) != stops.end(); };
  const std::size_t last = i - 1;
  if (boilerplate_only(last) || stop(last)) return {};
  // Look up for a marker paragraph ("View this post on Instagram"): the post is everything below it.
  for (std::size_t k = last; k-- > 0 && last - k <= kMaxBlockParagraphs;) {
    if (stop(k)) break;
    if (boilerplate_only(k)) return ByteSpan{paragraphs_[k + 1].begin, paragraphs_[last].end};
  }
  return paragraphs_[last];
}

ByteSpan QuoteStructure::without_boilerplate(ByteSpan span) const {
  for (const auto& b : boilerplate_) {
    if (!b.overlaps(span)) continue;
    if (b.begin <= span.begin && b.end >= span.end) return {};
    if (b.begin > span.begin) span.end = b.begin;
    else span.begin = b.end;
  }
  while (span.end > span.begin && is_space(text_[span.end - 1])) --span.end;
  while (span.begin < span.end && is_space(text_[span.begin])) ++span.begin;
  if (span.begin >= span.end) return {};
  return span;
}

}  // namespace claimx
