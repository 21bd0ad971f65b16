#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <set>

#include "corroborate/groups.h"
#include "match/word_list.h"

namespace claimx {

namespace {

constexpr std::size_t kShingle = 3;

// Lower-cased words (letters and digits) and their 3-word shingles; texts shorter than three
// words are one shingle of all their words.
std::set<std::string> shingles(const std::string& text) {
  std::vector<std::string> w;
  std::string cur;
  for (char ch : fold_case(text)) {
    unsigned char u = static_cast<unsigned char>(ch);
    if (std::isalnum(u) || u >= 0x80) cur += ch;
    else if (!cur.empty()) w.push_back(std::move(cur)), cur.clear();
  }
  if (!cur.empty()) w.push_back(cur);
  std::set<std::string> out;
  if (w.empty()) return out;
  if (w.size() < kShingle) {
    out.insert(std::accumulate(w.begin() + 1, w.end(), w[0], [](std::string a, const std::string& b) { return a + " " + b; }));
    return out;
  }
  for (std::size_t i = 0; i + kShingle <= w.size(); ++i) out.insert(w[i] + " " + w[i + 1] + " " + w[i + 2]);
  return out;
}

std::pair<double, double> similarity(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return {0, 0};
  std::size_t common = 0;
  for (const auto& s : a) common += b.count(s);
  double jaccard = static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
  double contained = static_cast<double>(common) / static_cast<double>(std::min(a.size(), b.size()));
  return {jaccard, contained};
}

}  // namespace

std::pair<double, double> text_similarity(const std::string& a, const std::string& b) {
  return similarity(shingles(a), shingles(b));
}

std::vector<ClaimGroup> group_claims(const std::vector<DocumentFacts>& docs, const EntityMerge& entities,
                                     const CorroborateOptions& options) {
  struct Item {
    const DocumentFacts::Claim* claim;
    std::string speaker_id, speaker_name;
    std::set<std::string> shingles;
  };
  std::vector<Item> items;
  std::map<std::string, std::string> names;  // cross id -> name
  for (const auto& e : entities.entities) names[e.id] = e.name;
  for (const auto& d : docs)
    for (const auto& c : d.claims) {
      Item it{&c, "", "", shingles(c.content.text)};
      if (!c.speaker_id.empty()) {
        auto found = entities.cross_id.find({d.doc, c.speaker_id});
        it.speaker_id = found != entities.cross_id.end() ? found->second : c.speaker_id;
        it.speaker_name = names.count(it.speaker_id) ? names[it.speaker_id] : c.speaker_name;
      }
      items.push_back(std::move(it));
    }
  // Union-find over claims by the same speaker that say the same thing.
  std::vector<std::size_t> parent(items.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (std::size_t i = 0; i < items.size(); ++i)
    for (std::size_t j = i + 1; j < items.size(); ++j) {
      if (items[i].speaker_id != items[j].speaker_id) continue;
      auto [jac, con] = similarity(items[i].shingles, items[j].shingles);
      if (jac >= options.similarity || con >= options.containment) parent[find(j)] = find(i);
    }
  std::map<std::size_t, ClaimGroup> by_root;
  std::vector<std::size_t> roots;
  for (std::size_t i = 0; i < items.size(); ++i) {
    std::size_t r = find(i);
    auto [it, fresh] = by_root.try_emplace(r);
    if (fresh) roots.push_back(r);
    ClaimGroup& g = it->second;
    g.speaker_id = items[i].speaker_id;
    g.speaker_name = items[i].speaker_name;
    const Mention& m = items[i].claim->content;
    g.members.push_back(m);
    if (m.text.size() > g.text.size()) g.text = m.text;
    if (std::find(g.docs.begin(), g.docs.end(), m.doc) == g.docs.end()) g.docs.push_back(m.doc);
  }
  std::vector<ClaimGroup> out;
  for (std::size_t r : roots) out.push_back(std::move(by_root[r]));
  // Most widely carried first; input order otherwise.
  std::stable_sort(out.begin(), out.end(), [](const ClaimGroup& a, const ClaimGroup& b) { return a.docs.size() > b.docs.size(); });
  for (std::size_t i = 0; i < out.size(); ++i) out[i].id = "claim_group:" + std::to_string(i + 1);
  return out;
}

bool is_conflict(const FactGroup& g) {
  std::map<std::string, std::set<std::string>> values;  // doc -> the values it gives
  for (const auto& side : g.sides)
    for (const auto& d : side.docs) values[d].insert(side.value);
  for (auto a = values.begin(); a != values.end(); ++a)
    for (auto b = std::next(a); b != values.end(); ++b)
      if (std::none_of(a->second.begin(), a->second.end(), [&](const std::string& v) { return b->second.count(v) > 0; }))
        return true;
  return false;
}

std::vector<FactGroup> group_facts(const std::vector<DocumentFacts>& docs, const EntityMerge& entities) {
  std::map<std::string, std::string> names;
  for (const auto& e : entities.entities) names[e.id] = e.name;
  std::vector<FactGroup> out;
  std::map<std::pair<std::string, std::string>, std::size_t> index;  // (subject, attribute) -> group
  for (const auto& d : docs)
    for (const auto& f : d.facts) {
      auto found = entities.cross_id.find({d.doc, f.subject_id});
      std::string subject = found != entities.cross_id.end() ? found->second : f.subject_id;
      auto [it, fresh] = index.emplace(std::make_pair(subject, f.attribute), out.size());
      if (fresh) out.push_back({subject, names.count(subject) ? names[subject] : f.subject_name, f.attribute, {}});
      FactGroup& g = out[it->second];
      auto side = std::find_if(g.sides.begin(), g.sides.end(), [&](const FactSide& s) { return s.value == f.value; });
      if (side == g.sides.end()) {
        g.sides.push_back({f.value, {}, {}});
        side = g.sides.end() - 1;
      }
      side->figures.push_back(f.figure);
      if (std::find(side->docs.begin(), side->docs.end(), d.doc) == side->docs.end()) side->docs.push_back(d.doc);
    }
  return out;
}

}  // namespace claimx
