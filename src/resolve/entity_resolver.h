#pragma once
// Names: candidates of person/org/place rules -> records with a canonical `name` and a stable `id`.
// In:  the document's winning person, org and place candidates (sorted by position) and its match
//      text.
// Out: one record per mention that is kept, with `name` = the canonical name of what it names in
//      this document and `id` = "TYPE:" + slug(name). Steps:
//      - a person name in a title-case headline is cut back to the longest form the body uses
//        ("Dennis Pellow Case Reopened" -> "Dennis Pellow" when the body says "Dennis Pellow");
//      - a one-word place that is the surname of a person in the document is that person
//        ("Washington" after "Denzel Washington"); a place with the name of an organization of
//        the document is that organization ("Surrey" in a cricket report); a person name that
//        names a place or organization of the document, or starts a place's name, is that
//        place or organization ("Coldwater Ridge" after "Coldwater Ridge State Prison");
//      - people are grouped by name coreference (name_coref.h); the longest form is canonical;
//      - partial mentions (rules with `mention: partial`) are kept only when they repeat a person's
//        name (or a run of it), or the name (or, for two words or more, the beginning) of an
//        organization or place; they take that entity's type, name and kind, and their span
//        shrinks to the words that matched ("Pellow Case" -> "Pellow").
#include <string_view>
#include <vector>

#include "match/matcher.h"
#include "resolve/name_coref.h"
#include "resolve/record.h"

namespace claimx {

class EntityResolver {
 public:
  explicit EntityResolver(const RuleSet& rules);
  std::vector<Record> run(const std::vector<Candidate>& candidates, std::string_view text) const;
};

// Whether the line around `pos` reads as a title-case or all-caps headline: at least three words,
// nearly all capitalized ("Pop Star Vows To Fight For Every Lost Appeal").
bool in_headline(std::string_view text, std::size_t pos);

}  // namespace claimx
