#include "corroborate/entity_merge.h"

#include <algorithm>
#include <set>

#include "resolve/entity_resolver.h"
#include "resolve/slug.h"

namespace claimx {

namespace {

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    auto sp = s.find(' ', i);
    if (sp == std::string::npos) sp = s.size();
    if (sp > i) out.push_back(s.substr(i, sp - i));
    i = sp + 1;
  }
  return out;
}

bool same_word(const std::string& a, const std::string& b, bool fuzzy) {
  if (a == b) return true;
  return fuzzy && a.size() >= 5 && b.size() >= 5 && edit_distance(a, b, 1) <= 1;
}

}  // namespace

bool names_compatible(const std::string& a, const std::string& b) {
  auto x = words(a), y = words(b);
  if (x.size() > y.size()) std::swap(x, y);
  if (x.empty()) return false;
  // The shorter name must be a run of the longer one's words; only a surname (the last word of
  // the run, when the run is not a lone given name) may differ by one edit.
  for (std::size_t s = 0; s + x.size() <= y.size(); ++s) {
    bool ok = true;
    for (std::size_t k = 0; k < x.size() && ok; ++k) {
      bool fuzzy = k + 1 == x.size() && (x.size() > 1 || s > 0);
      ok = same_word(x[k], y[s + k], fuzzy);
    }
    if (ok) return true;
  }
  return false;
}

EntityMerge merge_entities(const std::vector<DocumentFacts>& docs) {
  struct Item {
    const DocumentFacts::Entity* entity;
    const std::string* doc;
    std::size_t order;
    std::size_t words;
  };
  std::vector<Item> items;
  for (const auto& d : docs)
    for (const auto& e : d.entities) items.push_back({&e, &d.doc, items.size(), words(e.name).size()});
  // Longest names first, so clusters are named by their fullest form.
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.words > b.words; });

  struct Cluster {
    std::string type, name;
    std::vector<const Item*> members;
  };
  std::vector<Cluster> clusters;
  for (const auto& it : items) {
    std::vector<std::size_t> fits;
    for (std::size_t c = 0; c < clusters.size(); ++c)
      if (clusters[c].type == it.entity->type && names_compatible(it.entity->name, clusters[c].name)) fits.push_back(c);
    bool join = it.words >= 2 ? !fits.empty() : fits.size() == 1;
    if (join) clusters[fits.front()].members.push_back(&it);
    else clusters.push_back({it.entity->type, it.entity->name, {&it}});
  }

  std::map<std::string, std::size_t> doc_order;
  for (std::size_t i = 0; i < docs.size(); ++i) doc_order.emplace(docs[i].doc, i);
  EntityMerge out;
  std::set<std::string> used_ids;
  for (auto& c : clusters) {
    CrossEntity e;
    e.type = c.type;
    e.name = c.name;
    e.id = c.type + ":" + slug(c.name);
    for (int n = 2; !used_ids.insert(e.id).second; ++n) e.id = c.type + ":" + slug(c.name) + "-" + std::to_string(n);
    std::set<std::string> forms;
    std::sort(c.members.begin(), c.members.end(), [](const Item* a, const Item* b) { return a->order < b->order; });
    for (const Item* m : c.members) {
      auto& list = e.by_doc[*m->doc];
      if (list.empty()) e.docs.push_back(*m->doc);
      for (const auto& mention : m->entity->mentions) {
        list.push_back(mention);
        forms.insert(mention.text);
      }
      out.cross_id[{*m->doc, m->entity->id}] = e.id;
    }
    std::sort(e.docs.begin(), e.docs.end(), [&](const std::string& a, const std::string& b) { return doc_order[a] < doc_order[b]; });
    e.forms.assign(forms.begin(), forms.end());
    out.entities.push_back(std::move(e));
  }
  // Most widely reported first; then by name for a stable order.
  std::stable_sort(out.entities.begin(), out.entities.end(), [](const CrossEntity& a, const CrossEntity& b) {
    if (a.docs.size() != b.docs.size()) return a.docs.size() > b.docs.size();
    return a.id < b.id;
  });
  return out;
}

}  // namespace claimx
