#pragma once
// The records claimx emits, before they are written out. Spans here are byte ranges of the match
// text; the emit stage maps them to code points of the original article.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "match/rule.h"

namespace claimx {

struct ByteSpan {
  std::uint32_t begin = 0, end = 0;
  bool overlaps(const ByteSpan& o) const { return begin < o.end && o.begin < end; }
};

// A reference from a claim to a mention inside it (speaker, cue).
struct MentionRef {
  ByteSpan span;
  std::string name;   // speaker: resolved canonical name, empty for null
  std::string id;     // speaker: entity id, empty for null
  std::string lemma;  // cue: the lemma
};

struct Record {
  RecordType type = RecordType::person;
  ByteSpan span;
  std::uint32_t sentence = 0;
  const Rule* rule = nullptr;
  std::vector<std::pair<std::string, ByteSpan>> groups;  // named groups, for --explain

  // person, org, place
  std::string name, id, kind;
  // date
  std::string timex, value, anchor, mod;  // value empty: null
  // claim
  std::optional<MentionRef> speaker, cue;
  std::string quote, hedge, source;  // empty: null (quote is never null)
  bool negated = false;
  // fact (the figure itself is in `value`)
  std::optional<MentionRef> subject;
  std::string attribute;
};

}  // namespace claimx
