#pragma once
// Merges per-document entities into cross-document ones.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "corroborate/corroborate.h"

namespace claimx {

struct EntityMerge {
  std::vector<CrossEntity> entities;
  std::map<std::pair<std::string, std::string>, std::string> cross_id;  // (doc, per-doc id) -> entity id
};

// Names of two or more words are clustered first, longest first, each joining the first cluster
// whose name it is compatible with. A one-word name then joins the only cluster it fits; when it
// fits several ("Talbrook" with Nora and Irene) it stays on its own rather than guess.
EntityMerge merge_entities(const std::vector<DocumentFacts>& docs);

}  // namespace claimx
