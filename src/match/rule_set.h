#pragma once
// RuleSet: every rule and word list, loaded, checked and compiled once.
// In:  rule files (`*.rules`) and the word lists they declare, from a folder (--rules DIR) or from
//      the copy embedded in the binary at build time.
// Out: compiled rules grouped by record type and scope, each group with one RE2::Set that says
//      which of its rules can match a piece of text. Any problem throws RuleError with file:line;
//      nothing is ever silently skipped.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <re2/set.h>

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

  struct Group {
    std::unique_ptr<RE2::Set> set;   // pattern i of the set is rules[i]'s pattern
    std::vector<const Rule*> rules;
  };
  const Group& group(RecordType type, Scope scope) const {
    return groups_[static_cast<int>(type) * 2 + static_cast<int>(scope)];
  }

 private:
  RuleSet() = default;
  std::string origin_;
  std::vector<Rule> rules_;
  std::map<std::string, std::unique_ptr<WordList>> lists_;  // by declared name
  std::vector<Group> groups_;
};

// The rule files compiled into the binary, as path -> content.
std::map<std::string, std::string> embedded_rule_files();

}  // namespace claimx
