#pragma once
// The grouping steps of corroborate, after entities are merged.
#include <vector>

#include "corroborate/corroborate.h"
#include "corroborate/entity_merge.h"

namespace claimx {

// Claims whose speakers are the same cross-document entity (or both unattributed) and whose
// contents are similar (CorroborateOptions) form one group; groups are transitive.
std::vector<ClaimGroup> group_claims(const std::vector<DocumentFacts>& docs, const EntityMerge& entities,
                                     const CorroborateOptions& options);

// Facts by (subject entity, attribute), split by value: a group with two values is a conflict.
std::vector<FactGroup> group_facts(const std::vector<DocumentFacts>& docs, const EntityMerge& entities);

}  // namespace claimx
