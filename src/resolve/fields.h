#pragma once
// Builds record field values from a rule's field templates and a candidate's groups.
#include <string>
#include <string_view>

#include "match/matcher.h"
#include "resolve/record.h"

namespace claimx {

// The template's text: literals as written, {group} as the group's text, {group:list} as the
// list's value for it (the text itself when not listed). A missing group gives "".
std::string expand_template(const Template& t, const Candidate& c, std::string_view text);

// The expanded field, or `fallback` when the rule does not set it.
std::string field_or(const Candidate& c, const std::string& field, std::string_view text, std::string fallback);

// Text of a group by name ("" when absent); its span (empty when absent).
std::string_view group_text(const Candidate& c, const std::string& name, std::string_view text);
ByteSpan group_span(const Candidate& c, const std::string& name);

// A record with the fields every type shares (type, span, sentence, rule, named groups).
Record base_record(const Candidate& c);

}  // namespace claimx
