#pragma once
// RuleSet: every rule and word list, loaded, checked and compiled once.
// In:  rule files (`*.rules`) and the word lists they declare, from a folder (--rules DIR) or from
//      the copy embedded in the binary at build time.
// Out: compiled rules grouped by record type and scope, each group with RE2::Sets that say which
//      of its rules can match a piece of text. Any problem throws RuleError with file:line;
//      nothing is ever silently skipped.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/set.h>

#include "match/literal_gate.h"
#include "match/rule.h"
#include "match/word_list.h"

namespace claimx {

class RuleSet {
 public:
  // `files`: path relative to the rules folder -> content ("dates.rules", "lists/months.tsv").
  static RuleSet load(const std::map<std::string, std::string>& files, const std::string& origin);
  static RuleSet load_dir(const std::string& dir);
  static RuleSet load_embedded();

  RuleSet(RuleSet&&) = default;
  RuleSet& operator=(RuleSet&&) = default;

  const std::vector<Rule>& rules() const { return rules_; }
  const WordList* list(const std::string& name) const;
  const std::string& origin() const { return origin_; }

  // The prefilter of a group: Sets over consecutive runs of its rules. Pattern i of a Set is
  // prefilter_pattern() of rules[first + i]: a Set says which rules *may* match; the rule itself
  // decides. Rules are split over several Sets because a Set's lazy DFA tracks all its patterns
  // at once and its states multiply with them; see kSetProgramBudget in rule_set.cc.
  struct Prefilter {
    std::unique_ptr<RE2::Set> set;
    int first = 0, count = 0;
  };
  struct Group {
    std::vector<Prefilter> sets;
    std::vector<const Rule*> rules;
    // Sets `hits` to the indices (into `rules`, ascending) of the rules that may match `piece`.
    // A Set whose DFA runs out of memory on the piece names all its rules: nothing is lost.
    // `literal` (from literal_candidates on the same piece, by Rule::order) skips the Sets none of
    // whose rules has the literals it needs, and drops such rules from `hits`.
    void may_match(std::string_view piece, std::vector<int>& hits, const std::vector<char>* literal = nullptr) const;
    // The same for one of `sets`: appends to `hits` (ascending within the Set) without clearing it.
    void set_may_match(std::size_t set, std::string_view piece, std::vector<int>& hits,
                       const std::vector<char>* literal = nullptr) const;
  };
  const Group& group(RecordType type, Scope scope) const {
    return groups_[static_cast<int>(type) * 2 + static_cast<int>(scope)];
  }
  // Sets `may[rule.order]` to whether the rule may match `piece` by the literals its pattern needs
  // (see LiteralGate); one pass over the piece, shared by all groups.
  void literal_candidates(std::string_view piece, std::vector<char>& may) const { gate_->candidates(piece, may); }
  const LiteralGate& literal_gate() const { return *gate_; }

 private:
  RuleSet() = default;
  std::string origin_;
  std::vector<Rule> rules_;
  std::map<std::string, std::unique_ptr<WordList>> lists_;  // by declared name
  std::vector<Group> groups_;
  std::unique_ptr<LiteralGate> gate_;
};

// A rule's pattern for the prefilter: every counted repetition {m,n} with n - m >= 2 widened to
// {m,}. It matches whatever the pattern matches (and more), and its DFA has no counters, whose
// states otherwise multiply ("[^,]{2,140}" is 140 positions a DFA state must tell apart).
std::string prefilter_pattern(const std::string& pattern);

// A rule's pattern with each group that has a `require: GROUP in LIST` replaced by the list's
// entries, case-insensitively, when the group can match only ASCII text (whose folding is
// lowercasing) and the list is short: what passes the lookup is one of those entries, so the
// result matches whatever the rule accepts. "(?P<cue>[a-z]+)" checked against 100 stance words
// then lets the prefilter pass only sentences that hold one of them.
std::string narrowed_by_lists(const Rule& rule);

// The rule files compiled into the binary, as path -> content.
std::map<std::string, std::string> embedded_rule_files();

}  // namespace claimx
