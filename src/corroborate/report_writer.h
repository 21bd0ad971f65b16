#pragma once
// Writes a corroboration report: JSON Lines (entity, claim_group, fact, conflict records, in that
// order, each group most widely carried first), or a table for reading at a terminal.
#include <string>

#include "corroborate/corroborate.h"

namespace claimx {

std::string corroboration_jsonl(const CorroborationReport& report);
// `limit`: rows per section (0: all).
std::string corroboration_table(const CorroborationReport& report, std::size_t limit);

}  // namespace claimx
