#pragma once
// The cross-article panel of the report (claimx corroborate's view of the same articles).
// In:  the corroborate records (entities, claim groups, conflicts) and the article views; each
//      place the panel names (doc + span) becomes a link to the mark there, a reference mark
//      being added to the article when no record has that exact span.
// Out: <aside id="across">: entities with the articles they appear in (a button selects all
//      their mentions), claim groups with their support count, conflicts with each side's
//      figures linked. Entities and claim groups found in one article only are folded away.
#include <string>
#include <vector>

#include "render/article_view.h"

namespace claimx::render {

std::string cross_panel_html(const CrossPanel& panel, std::vector<ArticleView>& views, std::vector<std::string>& warnings);

}  // namespace claimx::render
