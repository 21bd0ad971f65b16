#pragma once
// A compiled rule: what a rule file block says, checked and ready to run.
// See docs/rules.md for the file format.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

namespace claimx {

class WordList;

// A problem in a rule or list file; the CLI prints "file:line: message" and exits 2.
struct RuleError {
  std::string file;
  int line = 0;
  std::string message;
  std::string what() const;
};

// The record types rules produce. `fact` (a figure about a subject: an age, a count) is emitted
// only when asked for (--types fact, and corroborate). `boilerplate` marks text that claims must
// not include and is never emitted.
enum class RecordType { person, org, place, date, claim, fact, boilerplate, count_ };
constexpr int kRecordTypes = static_cast<int>(RecordType::count_);
const char* type_name(RecordType t);
bool parse_type(const std::string& s, RecordType& out);

// Where a rule looks: one sentence at a time, or a whole paragraph (quotes spanning sentences).
enum class Scope { sentence, paragraph };

// A field value built from a match: literal text with {group} and {group:list} references
// (a list reference maps the group's text through the list's second column; text not in the list
// is used as it is).
struct Template {
  struct Part {
    std::string literal;
    int group = -1;                 // >= 0: a capture group index
    const WordList* list = nullptr;  // with group: look the text up here
  };
  std::vector<Part> parts;
  std::string source;  // as written, for messages
};

// `require: GROUP in LIST` (or `not in`): the group's text, case-folded, must (not) be in the list.
// `require: GROUP words in LIST` (or `words not in`): every (no) space-separated word of the group
// is in the list.
struct Requirement {
  int group = -1;
  std::string group_name;
  const WordList* list = nullptr;
  bool negate = false;
  bool each_word = false;
};

// An `example:` (must produce a record of this rule, with the expected fields) or a `counter:`
// (must not).
struct Example {
  int line = 0;
  std::string text;
  std::vector<std::pair<std::string, std::string>> expect;  // field -> value ("text" = record text)
  bool counter = false;
};

struct Rule {
  std::string id;
  RecordType type = RecordType::person;
  std::string file;
  int line = 0;
  int order = 0;  // position across all files: the last tie-breaker
  int priority = 0;
  Scope scope = Scope::sentence;
  bool blocker = false;       // wins spans like other rules, then emits nothing
  bool boundaries = true;     // match must start and end at (Unicode) word boundaries
  bool shrink = false;        // a failed match is retried without its last word, then the next...
  bool cut = false;           // a match that runs into a better one keeps its words before it
  int retry_group = -1;       // `retry: GROUP`: a match whose GROUP fails a check is read again with GROUP masked
  std::string pattern;        // after macro expansion
  std::shared_ptr<const RE2> re;  // one compiled RE2 for all rules with the same pattern
  bool shares_pattern = false;    // another rule has this pattern: the matcher shares their searches
  int span_group = 0;         // 0: the whole match; else the group that is the record's text
  bool whole_group = false;   // the pattern is one group around all of it: group 1 is the match
  std::vector<Requirement> requirements;
  std::map<std::string, Template> fields;  // record fields built from groups
  std::vector<std::string> group_names;    // index -> name ("" for unnamed / 0)
  std::vector<Example> examples;

  int group_index(const std::string& name) const;  // -1 when absent
};

}  // namespace claimx
