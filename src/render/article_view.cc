#include "render/article_view.h"

#include <fmt/format.h>

#include "render/html_escape.h"

namespace claimx::render {

namespace {

// Outer to inner at equal spans: a claim holds its speaker and cue marks, which hold the record
// marks of the same words; a reference mark (a cross-article link target) is innermost.
enum Layer { kClaimLayer = 0, kMentionLayer = 1, kRecordLayer = 2, kRefLayer = 3 };

bool is_shown(const std::string& type) {
  for (const char* t : kShownTypes)
    if (type == t) return true;
  return false;
}

std::string quoted(const std::string& s) { return "\u201c" + s + "\u201d"; }

// The tooltip: what the record says beyond its text.
std::string describe(const RenderRecord& r, bool explain) {
  std::string t;
  if (r.type == "person" || r.type == "org" || r.type == "place") {
    t = fmt::format("{}: {}\nid: {}", r.type, r.name, r.id);
    if (!r.kind.empty()) t += "\nkind: " + r.kind;
  } else if (r.type == "date") {
    t = fmt::format("date ({}): {}\nanchor: {}", r.timex, r.value.empty() ? "no value" : r.value, r.anchor);
    if (!r.mod.empty()) t += "\nmod: " + r.mod;
  } else if (r.type == "claim") {
    t = fmt::format("claim ({} quote)", r.quote.empty() ? "?" : r.quote);
    if (!r.speaker)
      t += "\nspeaker: unattributed";
    else if (r.speaker->name.empty())
      t += fmt::format("\nspeaker: {} (no name resolved)", quoted(r.speaker->text));
    else if (r.speaker->name == r.speaker->text)
      t += fmt::format("\nspeaker: {} [{}]", r.speaker->name, r.speaker->id);
    else
      t += fmt::format("\nspeaker: {} [{}], written {}", r.speaker->name, r.speaker->id, quoted(r.speaker->text));
    if (r.cue) t += fmt::format("\ncue: {} ({})", quoted(r.cue->text), r.cue->lemma);
    if (!r.hedge.empty()) t += "\nhedged: " + r.hedge;
    if (!r.source.empty()) t += "\nsource: " + r.source;
    if (r.negated) t += "\nnegated";
  } else if (r.type == "fact") {
    t = fmt::format("fact: {} of {} = {}", r.attribute, r.subject ? r.subject->name : std::string("?"),
                    r.value.empty() ? "?" : r.value);
  }
  if (explain && !r.rule.empty()) t += "\nrule: " + r.rule;
  return t;
}

}  // namespace

ArticleView::ArticleView(const RenderDocument& doc, std::size_t position, const RenderOptions& options)
    : doc_(doc), options_(options), id_(fmt::format("d{}", position)), text_(doc.text) {
  // Names and dates first, so a claim finds its speaker's mark wherever the speaker stands.
  for (bool claims : {false, true})
    for (std::size_t i = 0; i < doc.records.size(); ++i)
      if (is_shown(doc.records[i].type) && (doc.records[i].type == "claim") == claims) add_record(i);
}

void ArticleView::add_record(std::size_t i) {
  const RenderRecord& r = doc_.records[i];
  if (r.span.end > text_.size_cp() || text_.slice(r.span) != r.text) {
    warnings_.push_back(fmt::format("{}: {} record at [{}, {}) does not match the article text there; not shown",
                                    doc_.doc, r.type, r.span.begin, r.span.end));
    return;
  }
  const std::string key = fmt::format("{}-r{}", id_, i);
  std::string cls = "m m-" + r.type;
  std::string attrs = fmt::format(" data-t=\"{}\"", r.type);
  if (!r.id.empty()) attrs += fmt::format(" data-id=\"{}\" data-name=\"{}\"", escape_html(r.id), escape_html(r.name));
  if (options_.explain && !r.rule.empty()) attrs += fmt::format(" data-rule=\"{}\"", escape_html(r.rule));
  if (r.type == "claim") {
    if (!r.hedge.empty()) cls += " hedged";
    if (r.negated) cls += " negated";
    std::string links;
    if (r.speaker) {
      // The speaker is usually a name the article already highlights: link that mark.
      if (auto it = records_at_.find({r.speaker->span.begin, r.speaker->span.end}); it != records_at_.end())
        for (const auto& [type, k] : it->second)
          if (type == "person" || type == "org") links = k;
      if (links.empty())
        links = mention_key(*r.speaker, 's', "m-speaker",
                            "speaker: " + (r.speaker->name.empty() ? r.speaker->text : r.speaker->name));
    }
    if (r.cue) {
      if (!links.empty()) links += ' ';
      links += mention_key(*r.cue, 'c', "m-cue", "cue: " + r.cue->lemma);
    }
    if (!links.empty()) attrs += fmt::format(" data-links=\"{}\"", links);
    const std::string who = r.speaker ? (r.speaker->name.empty() ? r.speaker->text : r.speaker->name) : "";
    attrs += fmt::format(" data-speaker=\"{}\"", escape_html(who));
    if (!r.hedge.empty()) attrs += fmt::format(" data-hedge=\"{}\"", escape_html(r.hedge));
    ++speakers_[who];
  }
  attrs = fmt::format(" class=\"{}\"{} tabindex=\"0\" title=\"{}\"", cls, attrs, escape_html(describe(r, options_.explain)));
  add_mark(r.span, r.type == "claim" ? kClaimLayer : kRecordLayer, key, attrs);
  records_at_[{r.span.begin, r.span.end}].emplace_back(r.type, key);
  ++counts_[r.type];
}

std::size_t ArticleView::count(const std::string& type) const {
  auto it = counts_.find(type);
  return it == counts_.end() ? 0 : it->second;
}

std::string ArticleView::add_mark(CodePointSpan span, int layer, const std::string& key, const std::string& attrs) {
  Mark m;
  m.span = span;
  m.layer = layer;
  m.open = fmt::format("<mark id=\"{}\" data-m=\"{}\"{}>", key, key, attrs);
  // A continuation fragment: same key, no id (ids are unique), flagged so badges show once.
  std::string cont = attrs;
  if (auto cls = cont.find(" class=\""); cls != std::string::npos) cont.insert(cls + 8, "cont ");
  m.reopen = fmt::format("<mark data-m=\"{}\"{}>", key, cont);
  marks_.push_back(std::move(m));
  return key;
}

std::string ArticleView::mention_key(const MentionField& m, char prefix, const char* cls, const std::string& title) {
  auto [it, fresh] = extra_at_.try_emplace({m.span.begin, m.span.end, prefix});
  if (!fresh) return it->second;
  it->second = fmt::format("{}-{}{}", id_, prefix, extra_at_.size());
  add_mark(m.span, prefix == 'x' ? kRefLayer : kMentionLayer, it->second,
           fmt::format(" class=\"{}\" tabindex=\"-1\" title=\"{}\"", cls, escape_html(title)));
  return it->second;
}

std::string ArticleView::anchor_for(CodePointSpan span, const std::string& type) {
  if (span.end > text_.size_cp() || span.begin >= span.end) return "";
  if (auto it = records_at_.find({span.begin, span.end}); it != records_at_.end()) {
    for (const auto& [t, k] : it->second)
      if (t == type) return k;
    return it->second.front().second;
  }
  for (char kind : {'s', 'c'})
    if (auto it = extra_at_.find({span.begin, span.end, kind}); it != extra_at_.end()) return it->second;
  MentionField m;
  m.span = span;
  return mention_key(m, 'x', "m-ref", "linked from the cross-article panel");
}

std::string ArticleView::html() const {
  std::string out = fmt::format("<article class=\"doc\" id=\"{}\" data-doc=\"{}\" aria-labelledby=\"{}-h\">\n", id_,
                                escape_html(doc_.doc), id_);
  out += fmt::format("<header><h2 id=\"{}-h\" tabindex=\"-1\">{}</h2><p class=\"counts\">", id_, escape_html(doc_.doc));
  for (const char* t : kShownTypes)
    if (count(t) > 0 || std::string_view(t) != "fact")
      out += fmt::format("<span class=\"c c-{}\">{} {}</span> ", t, count(t), t);
  out += "</p></header>\n";
  if (!doc_.error.empty()) {
    out += fmt::format("<p class=\"error\" role=\"alert\">Not read: {}</p>\n</article>\n", escape_html(doc_.error));
    return out;
  }
  out += "<div class=\"text\">";
  out += layout_marks(text_, marks_);
  out += "</div>\n</article>\n";
  return out;
}

}  // namespace claimx::render
