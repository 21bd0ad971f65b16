#pragma once
// Quote structure: what rules, which see one sentence or one paragraph, cannot see.
// In:  the match text and its sentences (which give the paragraphs), and the boilerplate spans.
// Out: paragraph geometry, quote marks and the quotes they pair into, and content spans that cross
//      paragraph borders:
//      - a quote left open at a paragraph's end and reopened by a quote mark at the start of the next
//        one runs on ("...hospital in the east.\n\n"The drawings are finished."), forward and back;
//      - a block quote after "writing:" or "said:" at a paragraph's end is the next paragraph, plus
//        those after it that keep the first person ("I", "my", "we");
//      - an embedded post is the paragraph before its signature ("— Name (@handle) Date", "A post
//        shared by Name (@handle)"), or all paragraphs up to a boilerplate-only paragraph above it
//        ("View this post on Instagram").
// A quote mark is `"` (the match text has made curly quotes straight) or two apostrophes `''`
// (a typewriter convention in some newspapers' archives).
#include <cstdint>
#include <string_view>
#include <vector>

#include "resolve/record.h"
#include "segment/segment.h"

namespace claimx {

// The length of the quote mark at `pos` (1 for `"`, 2 for `''`), or 0 when there is none.
std::size_t quote_mark_at(std::string_view text, std::size_t pos);

class QuoteStructure {
 public:
  // `boilerplate`: spans that are never content (embed captions, share links, photo credits).
  QuoteStructure(std::string_view text, const std::vector<Sentence>& sentences, std::vector<ByteSpan> boilerplate);

  std::size_t paragraph_count() const { return paragraphs_.size(); }
  ByteSpan paragraph(std::size_t i) const { return paragraphs_[i]; }
  // The paragraph holding byte `pos` (the one before it when `pos` lies between paragraphs).
  std::size_t paragraph_at(std::uint32_t pos) const;
  // True when the paragraph is nothing but boilerplate (and spaces).
  bool boilerplate_only(std::size_t i) const;
  // The quotes of a paragraph as spans inside their marks. A quote left open runs to the paragraph's
  // end and is flagged `open`.
  struct Quote {
    ByteSpan inside;
    bool open = false;
  };
  // Read once per paragraph and kept (claims ask again for each cue in a paragraph).
  const std::vector<Quote>& quotes(std::size_t i) const;

  // A direct quote's content, extended over the paragraphs it runs on into (forward and back).
  ByteSpan extend_quote(ByteSpan content) const;
  // The block quote after paragraph `i` ("...writing:"). `stops`: paragraphs that end any block
  // (post signatures). Empty when there is no such block.
  ByteSpan block_after(std::size_t i, const std::vector<std::size_t>& stops) const;
  // The embedded post above the signature in paragraph `i`. Empty when there is none.
  ByteSpan block_before(std::size_t i, const std::vector<std::size_t>& stops) const;
  // `span` without boilerplate at its ends, nor spaces, nor a boilerplate paragraph inside it
  // cut it short; empty when nothing is left.
  ByteSpan without_boilerplate(ByteSpan span) const;

 private:
  bool first_person(std::size_t i) const;
  bool opens_with_quote(std::size_t i) const;

  std::string_view text_;
  std::vector<ByteSpan> paragraphs_;
  std::vector<ByteSpan> boilerplate_;  // sorted by begin
  mutable std::vector<std::vector<Quote>> quotes_;  // by paragraph, once read
  mutable std::vector<bool> quotes_read_;
};

}  // namespace claimx
