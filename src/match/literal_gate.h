#pragma once
// LiteralGate: which rules may match a piece of text, from the literal words their patterns need.
// Each rule's pattern is read for a set of literals one of which every match contains
// (required_literals: its cue words, "according to"); one RE2::Set over all of them finds those a
// piece holds, in one pass, and a rule whose literals are all absent cannot match the piece. A
// group then skips the prefilter Sets of such rules: a sentence with no speech or stance word
// never reaches the claim rules' large DFAs. A rule that needs no literal (a name pattern of
// letter classes) always passes, and the group's Sets decide for it.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/set.h>

namespace claimx {

class LiteralGate {
 public:
  // `patterns[i]` is rule i's pattern after macro expansion (narrowed by its lists: narrowed_by_lists).
  explicit LiteralGate(const std::vector<std::string>& patterns);

  // Sets `may[i]` to 1 for each rule i that may match `piece`, 0 for each that cannot.
  void candidates(std::string_view piece, std::vector<char>& may) const;
  std::size_t literals() const { return rules_of_.size(); }
  std::size_t gated_rules() const;

 private:
  std::unique_ptr<RE2::Set> set_;                // every rule's literals, escaped
  std::vector<std::vector<int>> rules_of_;       // Set index -> the rules that need that literal
  std::vector<char> ungated_;                    // rule -> 1 when it needs no literal
};

}  // namespace claimx
