#include "corroborate/corroborate.h"

#include "corroborate/groups.h"

namespace claimx {

CorroborationReport corroborate(const std::vector<DocumentFacts>& docs, const CorroborateOptions& options) {
  EntityMerge merged = merge_entities(docs);
  CorroborationReport report;
  report.claim_groups = group_claims(docs, merged, options);
  report.facts = group_facts(docs, merged);
  report.entities = std::move(merged.entities);
  return report;
}

}  // namespace claimx
