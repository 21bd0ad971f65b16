#pragma once
// render: extracted articles -> one self-contained HTML report.
// In:  the articles (original text and the records claimx gave for each, as it prints them), and
//      optionally the corroborate records of the same articles.
// Out: one HTML page with no outside resource (inline CSS, a little inline JavaScript): a
//      sidebar of the articles with record counts per type; each article's text with names,
//      places, organizations and dates highlighted by type (title/tooltip: name, value, id, and
//      the rule with `explain`), claims underlined and linked to their speaker mention and cue,
//      hedged and negated claims flagged; filters by type, speaker and text; a cross-article
//      panel when corroborate records are given. Every piece of input text is escaped, so an
//      article containing markup shows it as text. Records that do not fit their article are
//      left out and reported in `warnings`.
#include <string>
#include <vector>

#include "render/article_view.h"
#include "render/render_input.h"

namespace claimx::render {

std::string render_report(const std::vector<RenderDocument>& docs, const CrossPanel* panel, const RenderOptions& options,
                          std::vector<std::string>& warnings);

}  // namespace claimx::render
