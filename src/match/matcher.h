#pragma once
// match: sentences -> candidate matches, overlaps resolved.
// In:  the match text, its sentences, the compiled RuleSet, and which record types are wanted.
// Out: the winning candidates, sorted by position. For each sentence (or paragraph, for rules with
//      `scope: paragraph`) the type's RE2::Set names the rules that can match; only those run their
//      own RE2 to extract groups. Matches must sit on Unicode word boundaries (RE2's \b is ASCII
//      only) and pass their `require:` list checks. Overlaps are resolved within a layer (people,
//      organizations and places compete with each other; dates, claims and boilerplate each on
//      their own) by priority, then length, then rule order. Blockers win like any rule and are
//      returned flagged, so the caller can drop them.
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "match/rule_set.h"
#include "segment/segment.h"

namespace claimx {

struct GroupSpan {
  std::int32_t begin = -1, end = -1;  // bytes of the match text; -1 when the group did not take part
  bool present() const { return begin >= 0; }
};

struct Candidate {
  const Rule* rule = nullptr;
  std::uint32_t begin = 0, end = 0;  // the record's span (the `span:` group, or the whole match)
  std::vector<GroupSpan> groups;     // by group index; [0] is the whole match
  std::uint32_t sentence = 0;        // index of the sentence holding `begin`
};

// A set of record types, e.g. from --types. By default every type but `fact`.
struct TypeMask {
  unsigned bits = ((1u << kRecordTypes) - 1) & ~(1u << static_cast<int>(RecordType::fact));
  bool has(RecordType t) const { return bits & (1u << static_cast<int>(t)); }
};

// The searches already run in one Matcher::run, for rules that share a pattern (and so one RE2):
// the search is the same for all of them, only their `require:` checks differ. The four gazetteer
// rules "(?P<place>{CAP_SEQ})" otherwise each find every capitalized run of a sentence again.
struct MatchMemo {
  // A search: the RE2, the piece it ran on (its ends are the context of ^, $ and \b), and the
  // range and anchor asked for; all offsets into the match text.
  struct Key {
    const RE2* re;
    std::uint32_t piece_begin, piece_end, from, to;
    int anchor;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      std::size_t h = std::hash<const void*>()(k.re);
      for (std::uint32_t v : {k.piece_begin, k.piece_end, k.from, k.to, static_cast<std::uint32_t>(k.anchor)})
        h = h * 1000003u ^ v;
      return h;
    }
  };
  struct Result {
    bool found = false;
    std::vector<GroupSpan> groups;  // when found
  };
  std::unordered_map<Key, Result, KeyHash> searches;
};

// One document as the matcher takes it: its match text and that text's sentences.
struct MatchDocument {
  std::string_view text;
  const std::vector<Sentence>* sentences;
};

class Matcher {
 public:
  // `backward`: run the groups, and the rules in each, last to first. Worker threads share the
  // rules' RE2s; two threads on the same one contend for its lazy DFA (its cache lock, and each
  // other's new states in their CPU caches), so every other worker goes through them backwards.
  explicit Matcher(const RuleSet& rules, bool backward = false) : rules_(rules), backward_(backward) {}
  std::vector<Candidate> run(std::string_view text, const std::vector<Sentence>& sentences, TypeMask types) const;
  // The candidates of several documents, each as `run` gives them. Each Set and rule runs over the
  // pieces of all the documents before the next one starts, so its lazy DFA is still in the CPU
  // caches when it is used again: on BBC articles, matching 64 documents at once took 0.6 of the
  // time of matching them one by one.
  std::vector<std::vector<Candidate>> run(const std::vector<MatchDocument>& docs, TypeMask types) const;

  // Every match of one rule in text[begin, end) (a sentence or paragraph of the match text), before
  // overlap resolution. Exposed for tests and benchmarks. With `memo`, searches are shared with the
  // other rules of the same pattern run with the same memo on the same text.
  void match_rule(const Rule& rule, std::string_view text, std::uint32_t begin, std::uint32_t end,
                  std::vector<Candidate>& out, MatchMemo* memo = nullptr) const;

 private:
  const RuleSet& rules_;
  bool backward_;
};

// Keeps the best of overlapping candidates (priority, then length, then rule order); exposed for tests.
std::vector<Candidate> resolve_overlaps(std::vector<Candidate> candidates, std::string_view text);

// True when the code point just before `pos` and the one at `pos` are both word characters
// (letters, marks, digits), so `pos` is inside a word. Works on UTF-8.
bool inside_word(std::string_view text, std::size_t pos);

}  // namespace claimx
