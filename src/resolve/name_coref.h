#pragma once
// Coreference of person names within one document.
// In:  the person mentions of a document in text order, each as case-folded words ("nora",
//      "talbrook", "quist"), with a flag for partial mentions (capitalized words that are a
//      person only if they repeat part of a name).
// Out: for each mention, the person it names (an index shared by all its mentions), or -1 for a
//      partial mention that repeats no name. Rules:
//      - a shorter form joins the longest name it is part of, found before or after it
//        ("Talbrook", "Nora", "Talbrook Quist" -> "Nora Talbrook Quist");
//      - a surname one edit away from a known person's joins that person when the given names
//        agree or one is absent ("Dennis Pallow" -> "Dennis Pellow"); names differing only in a
//        middle name or initial are one person ("Brittany K. Barnett", "Brittany Barnett");
//      - two different given names never merge ("Irene Talbrook" is not "Nora Talbrook Quist");
//      - a form that fits several people goes to the one mentioned most recently before it (or,
//        with none before, first after it).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimx {

using NameWords = std::vector<std::string>;

struct PersonMention {
  NameWords words;       // case-folded
  std::size_t position;  // offset in the text, for "most recent"
  bool partial = false;  // only a person if it repeats part of a name
};

// Whether `form` can name the person whose full name is `full` (both case-folded words).
bool name_form_fits(const NameWords& form, const NameWords& full);

// Where in `words` a run fitting `full` sits, longest first, then leftmost: the [begin, end) of
// the words kept from a partial mention ("Pellow Case" -> "Pellow"). {0, 0} when none fits.
std::pair<std::size_t, std::size_t> best_fitting_run(const NameWords& words, const NameWords& full);

// Person index per mention (-1: a partial mention that names nobody). Indices are dense from 0.
std::vector<int> cluster_person_mentions(const std::vector<PersonMention>& mentions);

// Levenshtein distance in bytes, capped: returns cap + 1 as soon as it is certain to exceed `cap`.
int edit_distance(std::string_view a, std::string_view b, int cap);

}  // namespace claimx
