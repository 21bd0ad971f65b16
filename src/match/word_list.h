#pragma once
// A word list from rules/lists/: one entry a line, `#` comments, optional TAB-separated columns.
// Entries are looked up case-folded and without accents, so "ZOË", "Zoë" and "zoe" are one key;
// the first column is the entry, the second (if any) its value (month -> number, verb -> lemma).
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimx {

// The lookup key of UTF-8 text: ICU full case folding, then accents (non-spacing marks after
// NFD) removed. ASCII takes a fast path.
std::string fold_case(std::string_view s);

class WordList {
 public:
  WordList() = default;
  // Parses list text; `origin` names the file in error messages. Throws RuleError on bad lines.
  static WordList parse(std::string_view text, const std::string& origin);

  bool contains(std::string_view surface) const { return find(surface) != nullptr; }
  // The entry's value (second column, or "" when the list has one column); nullptr when absent.
  const std::string* find(std::string_view surface) const;
  // Row columns by folded key: all TAB-separated columns after the first.
  const std::vector<std::string>* columns(std::string_view surface) const;
  // Entries as written in the file, longest first: for expanding small lists into patterns.
  const std::vector<std::string>& surfaces() const { return surfaces_; }
  std::size_t size() const { return rows_.size(); }

 private:
  std::unordered_map<std::string, std::vector<std::string>> rows_;  // folded entry -> columns 2..n
  std::vector<std::string> surfaces_;
};

}  // namespace claimx
