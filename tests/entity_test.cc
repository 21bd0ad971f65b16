// People, organizations and places: name coreference (src/resolve/name_coref.cc) and the whole
// name pipeline (rules + EntityResolver) on short articles written for these tests.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract_support.h"
#include "pipeline/extractor.h"
#include "resolve/entity_resolver.h"
#include "resolve/name_coref.h"

using namespace claimx;
using namespace claimx::testing;

namespace {

NameWords words(const std::string& s) {
  NameWords out;
  std::size_t i = 0;
  while (i < s.size()) {
    auto sp = s.find(' ', i);
    if (sp == std::string::npos) sp = s.size();
    if (sp > i) out.push_back(s.substr(i, sp - i));
    i = sp + 1;
  }
  return out;
}

struct Mention {
  std::string type, text, name, id, kind;
};

std::vector<Mention> extract(const std::string& text) {
  ExtractedDocument doc = extract_text(text);
  std::vector<Mention> out;
  for (const auto& r : doc.records) {
    if (r.type != RecordType::person && r.type != RecordType::org && r.type != RecordType::place) continue;
    out.push_back({type_name(r.type), original_text(doc, r.span), r.name, r.id, r.kind});
  }
  return out;
}

// Canonical name of every person mention, as "text -> name".
std::vector<std::string> people(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& m : extract(text))
    if (m.type == "person") out.push_back(m.text + " -> " + m.name);
  return out;
}

}  // namespace

TEST_CASE("name forms: runs, short forms, one-edit surnames") {
  CHECK(name_form_fits(words("kardashian"), words("kim kardashian west")));
  CHECK(name_form_fits(words("kim"), words("kim kardashian west")));
  CHECK(name_form_fits(words("kardashian west"), words("kim kardashian west")));
  CHECK(name_form_fits(words("kim kardashian"), words("kim kardashian west")));
  CHECK(name_form_fits(words("brittany barnett"), words("brittany k. barnett")));
  CHECK(name_form_fits(words("kevin copper"), words("kevin cooper")));
  CHECK(name_form_fits(words("copper"), words("kevin cooper")));
  // Different given names never fit; a given name is never "fuzzy".
  CHECK_FALSE(name_form_fits(words("khloe kardashian"), words("kim kardashian west")));
  CHECK_FALSE(name_form_fits(words("kid"), words("kim kardashian")));
  CHECK_FALSE(name_form_fits(words("kevin"), words("keven cooper")));
  // Short words are not typo-matched: "Rice" is not "Rich".
  CHECK_FALSE(name_form_fits(words("rice"), words("condoleezza rich")));
  // A typo keeps the first letter; a plural is no typo.
  CHECK_FALSE(name_form_fits(words("women"), words("daniel komen")));
  CHECK_FALSE(name_form_fits(words("eurodollars"), words("december eurodollar")));
  CHECK(edit_distance("cooper", "copper", 1) == 1);
  CHECK(edit_distance("cooper", "hopper", 1) == 2);
}

TEST_CASE("partial mentions keep the run that fits") {
  CHECK(best_fitting_run(words("cooper case reopened"), words("kevin cooper")) == std::make_pair<std::size_t, std::size_t>(0, 1));
  CHECK(best_fitting_run(words("after kardashian west"), words("kim kardashian west")) == std::make_pair<std::size_t, std::size_t>(1, 3));
  CHECK(best_fitting_run(words("many"), words("kim kardashian west")) == std::make_pair<std::size_t, std::size_t>(0, 0));
}

TEST_CASE("clusters: the longest form, most recent compatible person, partials that repeat nobody") {
  std::vector<PersonMention> m = {
      {words("kim kardashian"), 0, false},         // 0
      {words("kardashian"), 10, false},            // 1 -> Kim (the only one so far)
      {words("khloe kardashian"), 20, false},      // 2
      {words("kardashian"), 30, true},             // 3 -> Khloe (most recent)
      {words("kim kardashian west"), 40, false},   // 4 -> Kim (longest form)
      {words("kim"), 50, false},                   // 5 -> Kim
      {words("many"), 60, true},                   // 6 -> nobody
      {words("kardashian"), 5, true},              // 7 -> Kim: nobody before it but Kim at 0
  };
  auto c = cluster_person_mentions(m);
  CHECK(c[0] == c[4]);
  CHECK(c[1] == c[0]);
  CHECK(c[2] != c[0]);
  CHECK(c[3] == c[2]);
  CHECK(c[5] == c[0]);
  CHECK(c[6] == -1);
  CHECK(c[7] == c[0]);
}

TEST_CASE("a headline name before its full form joins it") {
  std::vector<PersonMention> m = {
      {words("pellow"), 0, false},
      {words("victor pellow"), 50, false},
  };
  auto c = cluster_person_mentions(m);
  CHECK(c[0] == c[1]);
}

TEST_CASE("headlines: title-case and all-caps lines") {
  CHECK(in_headline("Nora Talbrook Quist Is Eager To Open Another Bakery\nShe met him.", 3));
  CHECK(in_headline("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .", 10));
  CHECK_FALSE(in_headline("Nora Talbrook Quist is eager to open another bakery.", 3));
  CHECK_FALSE(in_headline("Title Line Here Is Long\nDennis Pellow was fined at a hearing.", 30));
}

TEST_CASE("pipeline: every mention of a person gets the canonical name, across spellings") {
  const std::string article =
      "Talbrook Quist Meets Dennis Pellow At Harbor\n"
      "Nora Talbrook Quist met Dennis Pellow on Tuesday. Talbrook said Pellow was blameless.\n"
      "Nora is sure Dennis was cheated, and urged Governor Trask to review Pallow's file.\n"
      "Then-Governor Harold Trask ordered an audit. Trask later retired.\n"
      "Her sister Irene Talbrook did not comment.\n";
  auto got = people(article);
  std::multiset<std::string> have(got.begin(), got.end());
  CHECK(have.count("Talbrook Quist -> Nora Talbrook Quist") == 1);
  CHECK(have.count("Dennis Pellow -> Dennis Pellow") == 2);
  CHECK(have.count("Talbrook -> Nora Talbrook Quist") == 1);
  CHECK(have.count("Pellow -> Dennis Pellow") == 1);
  CHECK(have.count("Nora -> Nora Talbrook Quist") == 1);
  CHECK(have.count("Dennis -> Dennis Pellow") == 1);
  CHECK(have.count("Pallow -> Dennis Pellow") == 1);
  CHECK(have.count("Trask -> Harold Trask") == 2);
  CHECK(have.count("Irene Talbrook -> Irene Talbrook") == 1);
  // Headline words are no person: only "Talbrook Quist" and "Dennis Pellow" come from line 1.
  for (const auto& p : got) CHECK(p.find("Meets") == std::string::npos);
}

TEST_CASE("pipeline: a title-case headline stops the name before its verb") {
  auto got = people("Nora Talbrook Quist Is Eager To Open Another Bakery\n"
                    "It seems that Nora Talbrook Quist is busy again.\n");
  REQUIRE(got.size() == 2);
  CHECK(got[0] == "Nora Talbrook Quist -> Nora Talbrook Quist");
}

TEST_CASE("pipeline: ids are slugs of the canonical name, shared by every mention") {
  std::map<std::string, std::set<std::string>> ids;
  for (const auto& m : extract("Zoë Brandt spoke in São Paulo. Later Brandt flew to São Paulo again."))
    ids[m.type + " " + m.name].insert(m.id);
  CHECK(ids["person Zoë Brandt"] == std::set<std::string>{"person:zoe-brandt"});
  CHECK(ids["place São Paulo"] == std::set<std::string>{"place:sao-paulo"});
}

TEST_CASE("pipeline: places carry their kind; a facility name is whole") {
  std::map<std::string, std::string> kind;
  for (const auto& m : extract("Dennis Pellow is kept at California's Coldwater Ridge State Prison, far from "
                               "Palo Alto, and from Europe and the United States."))
    if (m.type == "place") kind[m.text] = m.kind;
  CHECK(kind["California"] == "state");
  CHECK(kind["Coldwater Ridge State Prison"] == "facility");
  CHECK(kind["Palo Alto"] == "city");
  CHECK(kind["Europe"] == "continent");
  CHECK(kind["United States"] == "country");
}

TEST_CASE("pipeline: a partial mention repeats an organization's name and takes its type") {
  std::vector<std::string> got;
  for (const auto& m : extract("Shares of Brightwater Holdings fell. Brightwater Holdings said on Monday "
                               "it would cut jobs, and Kevin Cooper left."))
    got.push_back(m.type + ":" + m.text);
  CHECK(got == std::vector<std::string>{"org:Brightwater Holdings", "org:Brightwater Holdings", "person:Kevin Cooper"});
}
