#include "render/report_builder.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "build_info.h"
#include "render/cross_panel_view.h"
#include "render/html_escape.h"
#include "render/report_template.h"

namespace claimx::render {

namespace {

std::string count_chips(const ArticleView& v) {
  std::string out = "<span class=\"counts\">";
  for (const char* t : kShownTypes) {
    std::size_t n = v.count(t);
    if (n == 0 && std::string_view(t) == "fact") continue;
    out += fmt::format("<span class=\"c c-{}{}\" title=\"{} {}\">{}</span>", t, n == 0 ? " zero" : "", n, t, n);
  }
  return out + "</span>";
}

std::string sidebar(const std::vector<ArticleView>& views, bool with_panel) {
  std::string out = fmt::format("<h2>Articles ({})</h2>\n", views.size());
  if (with_panel) out += "<p><a href=\"#across\">Across articles</a></p>\n";
  out += "<ol>\n";
  for (const auto& v : views)
    out += fmt::format("<li data-for=\"{}\"><a href=\"#{}\">{}</a>{}</li>\n", v.element_id(), v.element_id(),
                       escape_html(v.doc().doc), count_chips(v));
  return out + "</ol>";
}

std::string type_filters(const std::vector<ArticleView>& views) {
  std::string out;
  for (const char* t : kShownTypes) {
    std::size_t n = 0;
    for (const auto& v : views) n += v.count(t);
    if (n == 0 && std::string_view(t) == "fact") continue;
    out += fmt::format(
        "<label class=\"chip t-{}\"><input type=\"checkbox\" value=\"{}\" checked> {} <span class=\"n\">{}</span></label>", t,
        t, t, n);
  }
  return out;
}

// The speakers of all claims, most claims first; the unattributed ones last.
std::string speaker_options(const std::vector<ArticleView>& views) {
  std::map<std::string, std::size_t> all;
  for (const auto& v : views)
    for (const auto& [who, n] : v.speakers()) all[who] += n;
  std::vector<std::pair<std::string, std::size_t>> order(all.begin(), all.end());
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    if (a.first.empty() != b.first.empty()) return b.first.empty();
    return a.second > b.second;
  });
  std::string out;
  for (const auto& [who, n] : order)
    out += fmt::format("<option value=\"{}\">{} ({})</option>", escape_html(who),
                       who.empty() ? std::string("unattributed") : escape_html(who), n);
  return out;
}

}  // namespace

std::string render_report(const std::vector<RenderDocument>& docs, const CrossPanel* panel, const RenderOptions& options,
                          std::vector<std::string>& warnings) {
  std::vector<ArticleView> views;
  views.reserve(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) views.emplace_back(docs[i], i, options);
  // The panel first: its links may add reference marks to the articles.
  std::string panel_html = panel ? cross_panel_html(*panel, views, warnings) : "";
  std::string articles;
  for (const auto& v : views) {
    warnings.insert(warnings.end(), v.warnings().begin(), v.warnings().end());
    articles += v.html();
  }
  if (views.empty()) articles = "<p class=\"empty\">No articles.</p>\n";
  return fill_template(report_template(), {
                                              {"generator", escape_html(std::string("claimx ") + CLAIMX_VERSION)},
                                              {"body_class", panel ? "with-panel" : ""},
                                              {"title", escape_html(options.title)},
                                              {"type_filters", type_filters(views)},
                                              {"speaker_options", speaker_options(views)},
                                              {"sidebar", sidebar(views, panel != nullptr)},
                                              {"panel", panel_html},
                                              {"articles", articles},
                                          });
}

}  // namespace claimx::render
