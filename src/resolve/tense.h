#pragma once
// The tense around a date expression, for choosing between the past and the coming occurrence of
// "Thursday" or "October". There is no part-of-speech tagger: cue words decide, looked up in the
// rules' `tense_cues` list (word<TAB>past|present|future|none: "said" past, "will" future,
// "need" none). A lowercase word of five letters or more ending in "ed" that the list does not
// name counts as past; a contraction counts by its ending ("they'll": the list's "'ll").
// As in HeidelTime, the last cue before the expression in its sentence decides, else the first
// cue after it. Words inside the expression itself are skipped.
#include <cstdint>
#include <string_view>

#include "resolve/date_values.h"

namespace claimx {

class WordList;

Tense tense_around(std::string_view text, std::uint32_t sentence_begin, std::uint32_t sentence_end,
                   std::uint32_t begin, std::uint32_t end, const WordList* cues);

}  // namespace claimx
