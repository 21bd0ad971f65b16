#include "match/pattern_walk.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace claimx {

Atom atom_at(std::string_view p, std::size_t i, bool in_class) {
  if (p[i] == '\\' && i + 1 < p.size()) {
    const char e = p[i + 1];
    if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < p.size() && p[i + 2] == '{') {
      auto close = p.find('}', i);
      return {(close == std::string_view::npos ? p.size() : close + 1) - i, false};
    }
    return {2, false};
  }
  if (p[i] != '[') return {};
  if (!in_class) {
    std::size_t j = i + 1;
    if (j < p.size() && p[j] == '^') ++j;
    if (j < p.size() && p[j] == ']') ++j;
    return {j - i, true};
  }
  if (i + 1 < p.size() && p[i + 1] == ':') {
    auto close = p.find(":]", i + 2);
    if (close != std::string_view::npos) return {close + 2 - i, false};
  }
  return {};
}

std::size_t group_end(std::string_view p, std::size_t open) {
  int depth = 0;
  bool in_class = false;
  for (std::size_t i = open; i < p.size(); ++i) {
    if (const Atom a = atom_at(p, i, in_class); a.len > 0) {
      in_class = in_class || a.opens_class;
      i += a.len - 1;
    } else if (in_class) {
      in_class = p[i] != ']';
    } else if (p[i] == '(') {
      ++depth;
    } else if (p[i] == ')' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

bool matches_ascii_only(std::string_view p) {
  bool in_class = false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (static_cast<unsigned char>(p[i]) >= 0x80) return false;
    if (const Atom a = atom_at(p, i, in_class); a.len > 0) {
      if (p[i] == '\\' && std::string_view("pPxCQSWD").find(p[i + 1]) != std::string_view::npos) return false;
      if (a.opens_class && p[i + 1] == '^') return false;
      in_class = in_class || a.opens_class;
      i += a.len - 1;
    } else if (in_class) {
      in_class = p[i] != ']';
    } else if (p[i] == '.') {
      return false;
    } else if (p[i] == '(' && i + 2 < p.size() && p[i + 1] == '?' && p[i + 2] != ':' && p[i + 2] != 'P') {
      return false;
    }
  }
  return true;
}

namespace {

using Literals = std::vector<std::string>;  // one of them is in every match; sorted, unique
constexpr std::size_t kMaxLiterals = 2000;  // a larger set is not worth its Set states

// The index just past the class that opens at p[i].
std::size_t class_end(std::string_view p, std::size_t i) {
  bool in_class = false;
  for (; i < p.size(); ++i) {
    if (const Atom a = atom_at(p, i, in_class); a.len > 0) {
      in_class = in_class || a.opens_class;
      i += a.len - 1;
    } else if (in_class && p[i] == ']') {
      return i + 1;
    }
  }
  return p.size();
}

// At p[i], a quantifier: its length, and whether it allows zero repetitions. {0,0} if none.
std::pair<std::size_t, bool> quantifier_at(std::string_view p, std::size_t i) {
  if (i >= p.size()) return {0, false};
  std::size_t len = 0;
  bool zero = false;
  if (p[i] == '?' || p[i] == '*') {
    len = 1, zero = true;
  } else if (p[i] == '+') {
    len = 1;
  } else if (p[i] == '{' && i + 1 < p.size() && std::isdigit(static_cast<unsigned char>(p[i + 1]))) {
    const std::size_t close = p.find('}', i);
    if (close == std::string_view::npos) return {0, false};
    len = close + 1 - i;
    zero = p[i + 1] == '0' && (i + 2 >= p.size() || !std::isdigit(static_cast<unsigned char>(p[i + 2])));
  } else {
    return {0, false};
  }
  if (i + len < p.size() && p[i + len] == '?') ++len;  // lazy
  return {len, zero};
}

// The better of two requirements: the one whose shortest literal is longer (fewer sentences hold
// it), then the one with fewer literals.
bool better(const Literals& a, const Literals& b) {
  if (b.empty()) return !a.empty();
  if (a.empty()) return false;
  auto shortest = [](const Literals& l) {
    std::size_t m = SIZE_MAX;
    for (const auto& s : l) m = std::min(m, s.size());
    return m;
  };
  if (shortest(a) != shortest(b)) return shortest(a) > shortest(b);
  return a.size() < b.size();
}

std::optional<Literals> required(std::string_view p, std::size_t min_len);

// A concatenation (no top-level `|`): its best required literal run or group.
Literals required_in_sequence(std::string_view p, std::size_t min_len) {
  Literals best;
  std::string run;
  auto end_run = [&]() {
    if (run.size() >= min_len && better(Literals{run}, best)) best = Literals{run};
    run.clear();
  };
  std::size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == '(') {
      end_run();
      const std::size_t close = group_end(p, i);
      if (close == std::string_view::npos) return {};
      const auto [qlen, zero] = quantifier_at(p, close + 1);
      std::string_view body = p.substr(i + 1, close - i - 1);
      if (body.rfind("?P<", 0) == 0) {
        body.remove_prefix(std::min(body.size(), body.find('>') + 1));
      } else if (body.rfind("?", 0) == 0) {  // (?:...), (?i:...), or a flag group (?i)
        const std::size_t colon = body.find_first_of(":)");
        body = colon == std::string_view::npos || body[colon] == ')' ? std::string_view() : body.substr(colon + 1);
      }
      if (!zero && !body.empty())
        if (auto inner = required(body, min_len); inner && better(*inner, best)) best = *inner;
      i = close + 1 + qlen;
      continue;
    }
    std::size_t len = 1;
    bool literal = false;
    char ch = c;
    if (c == '\\') {
      if (i + 1 >= p.size()) return best;
      const char e = p[i + 1];
      len = atom_at(p, i, false).len;
      literal = len == 2 && !std::isalnum(static_cast<unsigned char>(e));  // \. \- \' ...
      ch = e;
    } else if (c == '[') {
      len = class_end(p, i) - i;
    } else {
      literal = std::string_view(".^$|*+?{}[]").find(c) == std::string_view::npos &&
                static_cast<unsigned char>(c) < 0x80;
    }
    const auto [qlen, zero] = quantifier_at(p, i + len);
    if (!literal || zero) {
      end_run();
    } else {
      run += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (qlen > 0) end_run();  // "s+": one s is required, what follows may not come next
    }
    i += len + qlen;
  }
  end_run();
  return best;
}

// nullopt: some branch of `p` requires no literal.
std::optional<Literals> required(std::string_view p, std::size_t min_len) {
  if (p.find("\\Q") != std::string_view::npos) return std::nullopt;
  // Split at top-level `|`.
  std::vector<std::string_view> branches;
  std::size_t start = 0;
  bool in_class = false;
  int depth = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (const Atom a = atom_at(p, i, in_class); a.len > 0) {
      in_class = in_class || a.opens_class;
      i += a.len - 1;
    } else if (in_class) {
      in_class = p[i] != ']';
    } else if (p[i] == '(') {
      ++depth;
    } else if (p[i] == ')') {
      --depth;
    } else if (p[i] == '|' && depth == 0) {
      branches.push_back(p.substr(start, i - start));
      start = i + 1;
    }
  }
  branches.push_back(p.substr(start));
  Literals all;
  for (auto b : branches) {
    Literals l = required_in_sequence(b, min_len);
    if (l.empty()) return std::nullopt;
    all.insert(all.end(), l.begin(), l.end());
    if (all.size() > kMaxLiterals) return std::nullopt;
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

}  // namespace

std::vector<std::string> required_literals(std::string_view p, std::size_t min_len) {
  return required(p, min_len).value_or(Literals{});
}

}  // namespace claimx
