#include "resolve/entity_resolver.h"

#include <algorithm>
#include <cstdlib>

#include "match/word_list.h"
#include "resolve/fields.h"
#include "resolve/slug.h"

namespace claimx {

namespace {

std::vector<std::string> tokens(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = s.find(' ', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool same_token(const std::string& a, const std::string& b, bool fuzzy) {
  if (a == b) return true;
  if (!fuzzy || a.size() < 5 || b.size() < 5) return false;
  return edit_distance(a, b, 1) <= 1;
}

// Where `part` sits inside `full` as a contiguous run of tokens (-1 if it does not).
int find_run(const std::vector<std::string>& part, const std::vector<std::string>& full, bool fuzzy) {
  if (part.empty() || part.size() > full.size()) return -1;
  for (std::size_t s = 0; s + part.size() <= full.size(); ++s) {
    bool ok = true;
    for (std::size_t k = 0; k < part.size() && ok; ++k) ok = same_token(part[k], full[s + k], fuzzy && k + 1 == part.size());
    if (ok) return static_cast<int>(s);
  }
  return -1;
}

}  // namespace

int edit_distance(std::string_view a, std::string_view b, int cap) {
  if (std::abs(static_cast<int>(a.size()) - static_cast<int>(b.size())) > cap) return cap + 1;
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    int best = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      best = std::min(best, cur[j]);
    }
    if (best > cap) return cap + 1;
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

EntityResolver::EntityResolver(const RuleSet& rules) : given_names_(rules.list("given_names")) {}

std::vector<Record> EntityResolver::run(const std::vector<Candidate>& candidates, std::string_view text) const {
  std::vector<Record> out;
  for (const auto& c : candidates) {
    Record r = base_record(c);
    std::string surface(text.substr(c.begin, c.end - c.begin));
    r.name = field_or(c, "name", text, surface);
    r.kind = field_or(c, "kind", text, "");
    out.push_back(std::move(r));
  }
  // People: every mention takes the longest full name it is part of.
  std::vector<std::size_t> people;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i].type == RecordType::person) people.push_back(i);
  std::vector<std::vector<std::string>> toks(out.size());
  for (std::size_t i : people) toks[i] = tokens(out[i].name);
  auto is_given = [&](const std::string& t) { return given_names_ != nullptr && given_names_->contains(t); };
  std::vector<std::string> canonical(out.size());
  for (std::size_t i : people) {
    const auto& m = toks[i];
    std::size_t best = i;
    std::size_t best_len = m.size();
    std::size_t best_distance = 0;
    for (std::size_t j : people) {
      if (j == i) continue;
      const auto& f = toks[j];
      if (f.size() <= m.size() && !(f.size() == m.size() && f != m)) continue;
      if (f.size() < best_len) continue;
      // Given names must agree: "Khloe Kardashian" is not part of "Kim Kardashian West".
      int at = find_run(m, f, true);
      if (at < 0) {
        if (m.size() >= 2 && f.size() >= m.size()) {
          // "Kevin Copper" vs "Kevin Cooper": same given name, surname one edit away.
          if (m.front() == f.front() && same_token(m.back(), f.back(), true) && m.size() == f.size()) at = 0;
        }
        if (at < 0) continue;
      }
      if (at > 0 && m.size() >= 1 && is_given(m.front()) && !is_given(f[at]) && m.size() > 1) continue;
      if (at == 0 && m.size() == 1 && f.size() >= 2 && !is_given(m.front()) && is_given(f.front())) {
        // a bare surname cannot be the given name of a longer name; it can only be a later token
        continue;
      }
      std::size_t distance = j < i ? i - j : (j - i) + out.size();  // prefer the most recent earlier one
      if (f.size() > best_len || best == i || distance < best_distance) {
        best = j;
        best_len = f.size();
        best_distance = distance;
      }
    }
    canonical[i] = out[best].name;
  }
  // A canonical name may itself be part of a longer one (chains through middle forms).
  for (std::size_t i : people) {
    out[i].name = canonical[i];
  }
  for (auto& r : out) r.id = std::string(type_name(r.type)) + ":" + slug(r.name);
  return out;
}

}  // namespace claimx
