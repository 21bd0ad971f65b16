#include "match/literal_gate.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "match/pattern_walk.h"

namespace claimx {

namespace {

// Literals of one or two letters ("a", "of") are in nearly every sentence and would only cost time.
constexpr std::size_t kMinLiteral = 3;
constexpr int64_t kSetMaxMem = 8 << 20;

// Code points whose lowercase is an ASCII letter (İ -> i, KELVIN SIGN -> k) or that case-fold with
// one (ı, ſ): a case-insensitive pattern matches them where it has the ASCII letter. The gate
// lowercases ASCII bytes only, so a piece holding one of them lets every rule through.
bool has_ascii_fold_partner(std::string_view piece) {
  for (std::string_view s : {"\xC4\xB0", "\xC4\xB1", "\xC5\xBF", "\xE2\x84\xAA"})
    if (piece.find(s) != std::string_view::npos) return true;
  return false;
}

}  // namespace

LiteralGate::LiteralGate(const std::vector<std::string>& patterns) : ungated_(patterns.size(), 1) {
  std::map<std::string, std::vector<int>> rules_by_literal;
  for (int r = 0; r < static_cast<int>(patterns.size()); ++r)
    for (auto& lit : required_literals(patterns[r], kMinLiteral)) {
      rules_by_literal[lit].push_back(r);
      ungated_[r] = 0;
    }
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_max_mem(kSetMaxMem);
  set_ = std::make_unique<RE2::Set>(opt, RE2::UNANCHORED);
  for (auto& [lit, rules] : rules_by_literal) {
    std::string err;
    if (set_->Add(RE2::QuoteMeta(lit), &err) < 0) throw std::runtime_error("literal gate: " + err);
    rules_of_.push_back(std::move(rules));
  }
  if (!set_->Compile()) throw std::runtime_error("literal gate: the literal Set exceeds RE2's memory budget");
}

std::size_t LiteralGate::gated_rules() const {
  return static_cast<std::size_t>(std::count(ungated_.begin(), ungated_.end(), 0));
}

void LiteralGate::candidates(std::string_view piece, std::vector<char>& may) const {
  if (rules_of_.empty() || has_ascii_fold_partner(piece)) {
    may.assign(ungated_.size(), 1);
    return;
  }
  thread_local std::string lower;
  thread_local std::vector<int> found;
  lower.assign(piece);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  found.clear();
  RE2::Set::ErrorInfo error{};
  if (!set_->Match(lower, &found, &error) && error.kind != RE2::Set::kNoError) {
    may.assign(ungated_.size(), 1);  // out of DFA memory on this piece: let every rule through
    return;
  }
  may = ungated_;
  for (int f : found)
    for (int r : rules_of_[f]) may[r] = 1;
}

}  // namespace claimx
