#pragma once
// Speakers: a claim's speaker mention -> the person or organization it names or refers to.
// In:  the speaker's span, the claim's content span, the document's person/org records, and the
//      lists the rules declare: `pronouns` (with gender), `given_names` (with gender),
//      `gendered_nouns`, `titles`, `outlets`, `speaker_nouns` (noun -> person, org, outlet, group).
// Out: the mention's `name` and `id`, or none.
//      - a mention overlapping a person/org record takes it (not a possessor: "Hatcher's lawyers");
//      - "who"/"which" take the name just before them in the sentence;
//      - "he"/"she" take the nearest preceding person of that gender (or of unknown gender);
//        gender comes from the given name, a title ("Mr.", "Mrs."), a gendered noun before a
//        mention ("actress"), and from pronouns already resolved to that person;
//        "it" takes the nearest preceding organization;
//      - a definite nominal ("the reality star", "the company", "the paper") takes the nearest
//        preceding person, organization or outlet its head noun fits;
//      - an outlet ("TMZ") names itself; unnamed groups ("sources", "officials") stay unnamed.
// Mentions inside the claim's own content are never antecedents.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "match/rule_set.h"
#include "resolve/record.h"

namespace claimx {

// "who", "which" or "that", in any case: a speaker that stands for the name just before it.
bool is_relative_pronoun(std::string_view word);

class SpeakerResolver {
 public:
  SpeakerResolver(const RuleSet& rules, const std::vector<Record>& entities, std::string_view text);

  // Sets speaker.name and speaker.id (left empty when the speaker names no one). `appos`: an
  // appositive after the speaker ("Her attorney, Desmond R. Achebe, said"); when the speaker names
  // no one and the appositive is a name, the speaker becomes that name, span and all.
  // `gender`: what the claim itself says of its speaker ("the reality star said she ..."), or 0.
  void resolve(MentionRef& speaker, ByteSpan content, ByteSpan appos = {}, char gender = 0);
  // The outlet `surface` names ("the Daily Mail" -> "Daily Mail", "The Daily Mail" kept whole), or
  // "" when it is not in the outlets list.
  std::string outlet(std::string_view surface) const;
  // The nearest outlet named before `pos` (in a speaker, a source or an org record), or "".
  std::string outlet_before(std::uint32_t pos) const;
  // Records that `source` was named at `pos` (so "the paper" can refer back to it).
  void note_outlet(std::uint32_t pos, const std::string& source);

 private:
  struct Mention {
    ByteSpan span;
    std::string name, id;
    RecordType type;
  };
  char gender_of(const std::string& id) const;  // 'm', 'f' or 0
  const Mention* nearest(std::uint32_t before, ByteSpan skip, RecordType type, char gender,
                         std::string_view head = {}) const;
  void remember(const MentionRef& m, RecordType type, char gender);

  std::string_view text_;
  const WordList* pronouns_;
  const WordList* given_names_;
  const WordList* gendered_nouns_;
  const WordList* titles_;
  const WordList* outlets_;
  const WordList* speaker_nouns_;
  std::vector<Mention> mentions_;         // person/org mentions (records and resolved speakers), by position
  std::map<std::string, char> genders_;   // entity id -> gender learned from the text
  std::vector<std::pair<std::uint32_t, std::string>> outlets_seen_;
};

}  // namespace claimx
