#include "render/cross_panel_view.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "render/html_escape.h"

namespace claimx::render {

namespace {

class Linker {
 public:
  Linker(std::vector<ArticleView>& views, std::vector<std::string>& warnings) : views_(views), warnings_(warnings) {
    for (std::size_t i = 0; i < views.size(); ++i) by_doc_.emplace(views[i].doc().doc, i);
  }

  // The key of the mark for this place, or "" (with one warning per unknown document).
  std::string key(const DocSpan& at, const std::string& type) {
    auto it = by_doc_.find(at.doc);
    if (it == by_doc_.end()) {
      if (unknown_.insert(at.doc).second)
        warnings_.push_back(fmt::format("corroborate output names {}, which is not among the articles; "
                                        "its links are left out", at.doc));
      return "";
    }
    return views_[it->second].anchor_for(at.span, type);
  }

  // A link to the place, labelled with the document name (or `label`).
  std::string link(const DocSpan& at, const std::string& type, const std::string& label = "") {
    std::string k = key(at, type);
    std::string text = escape_html(label.empty() ? at.doc : label);
    if (k.empty()) return fmt::format("<span class=\"muted\">{}</span>", text);
    return fmt::format("<a href=\"#{}\" title=\"{}\">{}</a>", k, escape_html(at.doc + ": " + at.text), text);
  }

 private:
  std::vector<ArticleView>& views_;
  std::vector<std::string>& warnings_;
  std::map<std::string, std::size_t> by_doc_;
  std::set<std::string> unknown_;
};

// Links to several places, grouped by document: "a.txt #2 #3 b.txt".
std::string links_by_doc(const std::vector<DocSpan>& places, const std::string& type, Linker& linker) {
  std::string out;
  std::vector<std::string> order;
  std::map<std::string, std::vector<const DocSpan*>> by_doc;
  for (const auto& p : places) {
    if (!by_doc.count(p.doc)) order.push_back(p.doc);
    by_doc[p.doc].push_back(&p);
  }
  for (const auto& doc : order) {
    const auto& here = by_doc[doc];
    out += fmt::format("<span class=\"where\">{}", linker.link(*here[0], type));
    for (std::size_t i = 1; i < here.size(); ++i) out += fmt::format(" {}", linker.link(*here[i], type, fmt::format("#{}", i + 1)));
    out += "</span> ";
  }
  return out;
}

std::string entity_list(const std::vector<const PanelEntity*>& rows, Linker& linker) {
  std::string out = "<ul class=\"ents\">\n";
  for (const PanelEntity* e : rows) {
    std::string targets, links;
    std::size_t mentions = 0;
    for (const auto& [doc, spans] : e->docs) {
      for (const auto& s : spans) {
        std::string k = linker.key(s, e->type);
        if (!k.empty()) targets += (targets.empty() ? "" : " ") + k;
      }
      mentions += spans.size();
      if (!spans.empty())
        links += fmt::format("<span class=\"where\">{}</span> ",
                             linker.link(spans.front(), e->type, fmt::format("{} ({})", doc, spans.size())));
    }
    std::string forms;
    for (const auto& f : e->forms)
      if (f != e->name) forms += (forms.empty() ? "" : ", ") + f;
    out += fmt::format(
        "<li><button type=\"button\" class=\"ent t-{}\" data-targets=\"{}\" title=\"select its {} mentions\">{}</button> "
        "<span class=\"muted\">{} \u00b7 {} article{}</span>{}<div class=\"links\">{}</div></li>\n",
        escape_html(e->type), targets, mentions, escape_html(e->name), escape_html(e->type), e->docs.size(),
        e->docs.size() == 1 ? "" : "s",
        forms.empty() ? "" : fmt::format("<div class=\"forms\">also written: {}</div>", escape_html(forms)), links);
  }
  return out + "</ul>\n";
}

std::string claim_list(const std::vector<const PanelClaimGroup*>& rows, Linker& linker) {
  std::string out = "<ul class=\"groups\">\n";
  for (const PanelClaimGroup* g : rows) {
    std::set<std::string> docs;
    for (const auto& c : g->claims) docs.insert(c.doc);
    std::size_t support = std::max(g->doc_count, docs.size());
    out += fmt::format(
        "<li><div class=\"who\">{} <span class=\"support\" title=\"articles carrying this claim\">{} article{}</span></div>"
        "<div class=\"claimtext\" title=\"{}\">{}</div><div class=\"links\">{}</div></li>\n",
        g->speaker_id.empty() ? "<span class=\"muted\">unattributed</span>" : escape_html(g->speaker_name), support,
        support == 1 ? "" : "s", escape_html(g->text), escape_html(g->text), links_by_doc(g->claims, "claim", linker));
  }
  return out + "</ul>\n";
}

std::string conflict_block(const PanelConflict& c, Linker& linker) {
  std::string out = fmt::format("<div class=\"conflict\"><h4>{} <span class=\"muted\">\u2014 {}</span></h4><ul>\n",
                                escape_html(c.subject_name.empty() ? "(unknown subject)" : c.subject_name),
                                escape_html(c.attribute));
  for (const auto& side : c.sides) {
    std::string links;
    for (const auto& f : side.figures)
      links += fmt::format("<span class=\"where\">{}</span> ",
                           linker.link(f, "fact", fmt::format("{} \u201c{}\u201d", f.doc, f.text)));
    if (side.figures.empty())
      for (const auto& d : side.docs) links += escape_html(d) + " ";
    out += fmt::format("<li><span class=\"value\">{}</span> {}</li>\n", escape_html(side.value), links);
  }
  return out + "</ul></div>\n";
}

}  // namespace

std::string cross_panel_html(const CrossPanel& panel, std::vector<ArticleView>& views, std::vector<std::string>& warnings) {
  Linker linker(views, warnings);
  std::vector<const PanelEntity*> shared_entities, single_entities;
  for (const auto& e : panel.entities) (e.docs.size() > 1 ? shared_entities : single_entities).push_back(&e);
  std::vector<const PanelClaimGroup*> shared_claims, single_claims;
  for (const auto& g : panel.claim_groups) {
    std::set<std::string> docs;
    for (const auto& c : g.claims) docs.insert(c.doc);
    (std::max(docs.size(), g.doc_count) > 1 ? shared_claims : single_claims).push_back(&g);
  }
  auto section = [](const char* title, std::size_t n, bool open, const std::string& body) {
    return fmt::format("<details{}><summary>{} <span class=\"n\">({})</span></summary>\n{}</details>\n",
                       open ? " open" : "", title, n, body);
  };

  std::string out = "<aside id=\"across\" aria-labelledby=\"across-h\">\n<h2 id=\"across-h\">Across articles</h2>\n";
  std::string conflicts;
  for (const auto& c : panel.conflicts) conflicts += conflict_block(c, linker);
  out += section("Conflicting figures", panel.conflicts.size(), true,
                 conflicts.empty() ? "<p class=\"empty\">No two articles give different figures for the same thing.</p>\n"
                                   : conflicts);
  out += section("Claims in several articles", shared_claims.size(), true,
                 shared_claims.empty() ? "<p class=\"empty\">None.</p>\n" : claim_list(shared_claims, linker));
  out += section("Entities in several articles", shared_entities.size(), true,
                 shared_entities.empty() ? "<p class=\"empty\">None.</p>\n" : entity_list(shared_entities, linker));
  if (!single_claims.empty())
    out += section("Claims in one article", single_claims.size(), false, claim_list(single_claims, linker));
  if (!single_entities.empty())
    out += section("Entities in one article", single_entities.size(), false, entity_list(single_entities, linker));
  return out + "</aside>\n";
}

}  // namespace claimx::render
