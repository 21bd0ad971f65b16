#pragma once
// Checks every rule's `example:` and `counter:` lines by running the full extraction on them at a
// fixed reference date (2019-06-01, a Saturday), as Duckling checks its corpus: an example must
// yield a record made by its rule with the expected fields; a counter must yield none.
#include <string>
#include <vector>

#include "match/rule_set.h"

namespace claimx {

struct ExampleFailure {
  std::string file;
  int line = 0;
  std::string rule;
  std::string message;  // "expected ... got ..."
};

struct ExampleReport {
  std::size_t passed = 0;
  std::vector<ExampleFailure> failures;
};

constexpr const char* kExampleRefDate = "2019-06-01";

ExampleReport check_rule_examples(const RuleSet& rules);

}  // namespace claimx
