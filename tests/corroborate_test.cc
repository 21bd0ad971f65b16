#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include <map>
#include <set>

#include "corroborate/corroborate.h"
#include "corroborate/report_writer.h"
#include "test_support.h"

using namespace claimx;

namespace {

DocumentFacts::Entity person(const std::string& doc, const std::string& name, std::vector<std::string> forms) {
  DocumentFacts::Entity e{"person", name, "person:" + name, {}};
  std::uint32_t at = 0;
  for (auto& f : forms) {
    e.mentions.push_back({doc, f, {at, static_cast<std::uint32_t>(at + f.size())}});
    at += 100;
  }
  return e;
}

DocumentFacts::Claim claim(const std::string& doc, const std::string& speaker, const std::string& text) {
  return {{doc, text, {0, static_cast<std::uint32_t>(text.size())}}, speaker.empty() ? "" : "person:" + speaker, speaker, "say"};
}

DocumentFacts::Fact fact(const std::string& doc, const std::string& subject, const std::string& attribute,
                         const std::string& value) {
  return {{doc, value, {5, 7}}, "person:" + subject, subject, attribute, value};
}

const CrossEntity* entity_named(const CorroborationReport& r, const std::string& name) {
  for (const auto& e : r.entities)
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace

TEST_CASE("names merge across articles, typos included, different given names never") {
  std::vector<DocumentFacts> docs(3);
  docs[0].doc = "a";
  docs[0].entities = {person("a", "Kim Kardashian West", {"Kim Kardashian West", "Kardashian"}),
                      person("a", "Kevin Cooper", {"Kevin Cooper"})};
  docs[1].doc = "b";
  docs[1].entities = {person("b", "Kim Kardashian", {"Kim Kardashian"}), person("b", "Kevin Copper", {"Kevin Copper"}),
                      person("b", "Khloe Kardashian", {"Khloe Kardashian"})};
  docs[2].doc = "c";
  docs[2].entities = {person("c", "Kardashian West", {"Kardashian West"}), person("c", "Cooper", {"Cooper"})};
  auto report = corroborate(docs, {});
  const auto* kim = entity_named(report, "Kim Kardashian West");
  REQUIRE(kim != nullptr);
  CHECK(kim->docs == std::vector<std::string>{"a", "b", "c"});
  CHECK(kim->forms == std::vector<std::string>{"Kardashian", "Kardashian West", "Kim Kardashian", "Kim Kardashian West"});
  const auto* kevin = entity_named(report, "Kevin Cooper");
  REQUIRE(kevin != nullptr);
  CHECK(kevin->docs.size() == 3);
  const auto* khloe = entity_named(report, "Khloe Kardashian");
  REQUIRE(khloe != nullptr);
  CHECK(khloe->docs == std::vector<std::string>{"b"});
}

TEST_CASE("a bare surname that fits two people stays on its own") {
  std::vector<DocumentFacts> docs(2);
  docs[0].doc = "a";
  docs[0].entities = {person("a", "Kim Kardashian", {"Kim Kardashian"}), person("a", "Khloe Kardashian", {"Khloe Kardashian"})};
  docs[1].doc = "b";
  docs[1].entities = {person("b", "Kardashian", {"Kardashian"})};
  auto report = corroborate(docs, {});
  CHECK(report.entities.size() == 3);
  CHECK(names_compatible("Kevin Cooper", "Kevin Copper"));
  CHECK_FALSE(names_compatible("Kim Cooper", "Kevin Cooper"));
  CHECK_FALSE(names_compatible("Khloe Kardashian", "Kim Kardashian West"));
}

TEST_CASE("claims by one speaker that say the same thing form one group") {
  std::vector<DocumentFacts> docs(3);
  docs[0].doc = "a";
  docs[0].entities = {person("a", "Marisol Vance", {"Marisol Vance"})};
  docs[0].claims = {claim("a", "Marisol Vance", "I spent the afternoon with him at the prison and I believe him."),
                    claim("a", "Marisol Vance", "The fight for a new trial continues next week.")};
  docs[1].doc = "b";
  docs[1].entities = {person("b", "Vance", {"Vance"})};
  docs[1].claims = {claim("b", "Vance", "I spent the afternoon with him at the prison")};
  docs[2].doc = "c";
  docs[2].entities = {person("c", "Ronald Pike", {"Ronald Pike"})};
  docs[2].claims = {claim("c", "Ronald Pike", "I spent the afternoon with him at the prison and I believe him.")};
  auto report = corroborate(docs, {});
  REQUIRE(report.claim_groups.size() == 3);
  const auto& top = report.claim_groups[0];
  CHECK(top.docs == std::vector<std::string>{"a", "b"});  // the same words by another speaker stay apart
  CHECK(top.speaker_name == "Marisol Vance");
  CHECK(top.members.size() == 2);
  // A threshold of 1.0 and containment off keeps only identical claims together.
  CorroborateOptions strict;
  strict.similarity = 1.0;
  strict.containment = 1.1;
  CHECK(corroborate(docs, strict).claim_groups.size() == 4);
  auto [jac, con] = text_similarity("the fight continues", "The fight continues!");
  CHECK(jac == 1.0);
  CHECK(con == 1.0);
}

TEST_CASE("different figures for the same subject and attribute are a conflict") {
  std::vector<DocumentFacts> docs(3);
  docs[0].doc = "ap";
  docs[0].entities = {person("ap", "Delroy Hatcher", {"Delroy Hatcher"})};
  docs[0].facts = {fact("ap", "Delroy Hatcher", "age", "61")};
  docs[1].doc = "uk";
  docs[1].entities = {person("uk", "Hatcher", {"Hatcher"})};
  docs[1].facts = {fact("uk", "Hatcher", "age", "62"), fact("uk", "Hatcher", "count:appeals", "3")};
  docs[2].doc = "later";
  docs[2].entities = {person("later", "Delroy Hatcher", {"Delroy Hatcher"})};
  docs[2].facts = {fact("later", "Delroy Hatcher", "age", "61")};
  auto report = corroborate(docs, {});
  REQUIRE(report.facts.size() == 2);
  const auto& age = report.facts[0];
  CHECK(age.attribute == "age");
  CHECK(age.subject_name == "Delroy Hatcher");
  REQUIRE(age.sides.size() == 2);
  CHECK(age.sides[0].value == "61");
  CHECK(age.sides[0].docs == std::vector<std::string>{"ap", "later"});
  CHECK(age.sides[1].docs == std::vector<std::string>{"uk"});
  auto jsonl = corroboration_jsonl(report);
  CHECK(jsonl.find("{\"type\":\"conflict\",\"subject\":{\"name\":\"Delroy Hatcher\"") != std::string::npos);
  CHECK(corroboration_table(report, 0).find("CONFLICTS (1)") != std::string::npos);
}

TEST_CASE("corroborate on the corpus pair reports the conflicting figures") {
  using namespace claimx::testing;
  std::string corpus = std::string(CLAIMX_SOURCE_DIR) + "/corpus/";
  auto r = run_claimx("corroborate " + corpus + "01_vance_hatcher_ap.txt " + corpus + "02_vance_hatcher_uk.txt");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("\"type\":\"conflict\"") != std::string::npos);
  CHECK(r.out.find("\"value\":\"61\"") != std::string::npos);
  CHECK(r.out.find("\"value\":\"62\"") != std::string::npos);
}


TEST_CASE("names that must not merge across articles") {
  // A short surname one letter off is another person; typo tolerance needs five letters.
  CHECK_FALSE(names_compatible("Ann Dunn", "Ann Dann"));
  CHECK(names_compatible("Ann Pellow", "Ann Pelow"));
  // A typo is tolerated in the surname only, never in the given name.
  CHECK_FALSE(names_compatible("Marta Quillon", "Marty Quillon"));
  // Two different surnames after the same given name.
  CHECK_FALSE(names_compatible("Marta Quillon", "Marta Brenner"));

  std::vector<DocumentFacts> docs(2);
  docs[0].doc = "a";
  docs[0].entities = {person("a", "Ann Dunn", {"Ann Dunn"}), {"place", "Jordan", "place:Jordan", {{"a", "Jordan", {40, 46}}}}};
  docs[1].doc = "b";
  docs[1].entities = {person("b", "Ann Dann", {"Ann Dann"}), person("b", "Jordan", {"Jordan"})};
  auto report = corroborate(docs, {});
  // Nothing merges: different surnames, and a place never joins a person of the same name.
  CHECK(report.entities.size() == 4);
  for (const auto& e : report.entities) CHECK(e.docs.size() == 1);
}

TEST_CASE("claim grouping thresholds are inclusive and configurable") {
  const std::string a = "the new bridge will open to traffic in the spring after two years of work";
  const std::string b = "the new bridge will open to traffic in the autumn after two years of work";
  auto [jac, con] = text_similarity(a, b);
  REQUIRE(jac > 0.0);
  REQUIRE(jac < 1.0);
  std::vector<DocumentFacts> docs(2);
  docs[0].doc = "a";
  docs[0].entities = {person("a", "Leona Marsh", {"Leona Marsh"})};
  docs[0].claims = {claim("a", "Leona Marsh", a)};
  docs[1].doc = "b";
  docs[1].entities = {person("b", "Leona Marsh", {"Leona Marsh"})};
  docs[1].claims = {claim("b", "Leona Marsh", b)};
  CorroborateOptions at;
  at.similarity = jac;
  at.containment = 2.0;  // off
  CHECK(corroborate(docs, at).claim_groups.size() == 1);
  CorroborateOptions above = at;
  above.similarity = jac + 1e-9;
  CHECK(corroborate(docs, above).claim_groups.size() == 2);
  // Containment: a claim quoted in part joins the full one, though their Jaccard is low.
  docs[1].claims = {claim("b", "Leona Marsh", "the new bridge will open to traffic")};
  auto [jac2, con2] = text_similarity(a, docs[1].claims[0].content.text);
  CHECK(jac2 < 0.5);
  CHECK(con2 == 1.0);
  CHECK(corroborate(docs, {}).claim_groups.size() == 1);
  CorroborateOptions no_containment;
  no_containment.containment = 2.0;
  CHECK(corroborate(docs, no_containment).claim_groups.size() == 2);
  // The same words unattributed in one article and attributed in the other stay apart.
  docs[1].claims = {claim("b", "", a)};
  CHECK(corroborate(docs, {}).claim_groups.size() == 2);
}

TEST_CASE("two values in one article are not a conflict between articles") {
  std::vector<DocumentFacts> docs(2);
  docs[0].doc = "a";
  docs[0].entities = {person("a", "Ruth Calder", {"Ruth Calder"})};
  docs[0].facts = {fact("a", "Ruth Calder", "age", "70"), fact("a", "Ruth Calder", "age", "69")};
  docs[1].doc = "b";
  docs[1].entities = {person("b", "Ruth Calder", {"Ruth Calder"})};
  docs[1].facts = {fact("b", "Ruth Calder", "age", "70")};
  auto report = corroborate(docs, {});
  REQUIRE(report.facts.size() == 1);
  CHECK(report.facts[0].sides.size() == 2);
  CHECK_FALSE(is_conflict(report.facts[0]));  // the only other value is a's own
  CHECK(corroboration_jsonl(report).find("\"conflict\"") == std::string::npos);
  docs[1].facts = {fact("b", "Ruth Calder", "age", "69")};  // still one of a's values
  CHECK_FALSE(is_conflict(corroborate(docs, {}).facts[0]));
  docs[1].facts = {fact("b", "Ruth Calder", "age", "72")};  // none of them
  auto disputed = corroborate(docs, {});
  REQUIRE(disputed.facts.size() == 1);
  CHECK(is_conflict(disputed.facts[0]));
  CHECK(disputed.facts[0].sides.size() == 3);
  // Different attributes of one subject never conflict.
  docs[0].facts = {fact("a", "Ruth Calder", "count:prisoners", "12")};
  docs[1].facts = {fact("b", "Ruth Calder", "count:patients", "30")};
  for (const auto& g : corroborate(docs, {}).facts) CHECK_FALSE(is_conflict(g));
}

// End to end: the extractor's own records of three invented articles about one event.
TEST_CASE("corroborate on invented articles: merged names, a repeated quote, a disputed age") {
  using namespace claimx::testing;
  TempDir dir;
  dir.write("a.txt",
            "LEEDS, England (AP) - Campaigner Harriet Colwell met inmate Dominic Farrow at Wakefield prison on "
            "Tuesday. Farrow, 58, has spent 30 years in prison for a robbery he says he did not commit.\n\n"
            "Colwell wrote on Twitter: \"I spent four hours with Dominic Farrow today. I am convinced he is innocent "
            "and I will keep fighting for him.\"\n");
  dir.write("b.txt",
            "Harriet Colwel has visited Dominic Farrow, the 59-year-old serving a life sentence for a 1994 robbery. "
            "He was arrested with his 19-year-old nephew.\n\n"
            "\"I spent four hours with Dominic Farrow today. I am convinced he is innocent and I will keep fighting "
            "for him,\" Colwel tweeted afterwards.\n\n"
            "Her sister Joan Colwell, who runs a prisoners' charity, said the family had backed the campaign.\n");
  dir.write("c.txt",
            "Dominic Farrow, 58, hopes to hear from the appeal judges soon.\n\n"
            "Harriet Colwell said she had not yet spoken to the prison governor about the visit.\n");
  auto r = run_claimx("corroborate " + dir.str());
  REQUIRE(r.status == 0);
  std::map<std::string, std::set<std::string>> entity_docs;  // name -> docs
  std::vector<rapidjson::Document> groups, conflicts;
  std::size_t facts = 0;
  for (const auto& l : lines(r.out)) {
    rapidjson::Document d;
    d.Parse(l.c_str());
    REQUIRE_FALSE(d.HasParseError());
    std::string type = d["type"].GetString();
    if (type == "entity") {
      for (const auto& doc : d["docs"].GetArray()) entity_docs[d["name"].GetString()].insert(doc["doc"].GetString());
    } else if (type == "claim_group") {
      groups.push_back(std::move(d));
    } else if (type == "conflict") {
      conflicts.push_back(std::move(d));
    } else if (type == "fact") {
      ++facts;
    }
  }
  const std::set<std::string> all = {"a.txt", "b.txt", "c.txt"};
  CHECK(entity_docs["Dominic Farrow"] == all);
  CHECK(entity_docs["Harriet Colwell"] == all);                        // "Colwel" in b is a typo of her
  CHECK(entity_docs["Joan Colwell"] == std::set<std::string>{"b.txt"});  // her sister is not
  CHECK_FALSE(entity_docs.count("Harriet Colwel"));
  REQUIRE_FALSE(groups.empty());
  CHECK(groups[0]["doc_count"].GetUint() == 2);
  CHECK(std::string(groups[0]["speaker"]["name"].GetString()) == "Harriet Colwell");
  CHECK(groups[0]["claims"].Size() == 2);
  for (std::size_t i = 1; i < groups.size(); ++i) CHECK(groups[i]["doc_count"].GetUint() == 1);
  // One conflict, Farrow's age, with both sides and where each is written; the nephew's age (his
  // 19-year-old nephew is someone else) and the "prisoners' charity" are no figures about anyone here.
  REQUIRE(conflicts.size() == 1);
  const auto& c = conflicts[0];
  CHECK(std::string(c["subject"]["name"].GetString()) == "Dominic Farrow");
  CHECK(std::string(c["attribute"].GetString()) == "age");
  REQUIRE(c["sides"].Size() == 2);
  CHECK(std::string(c["sides"][0]["value"].GetString()) == "58");
  CHECK(c["sides"][0]["docs"].Size() == 2);
  CHECK(std::string(c["sides"][1]["value"].GetString()) == "59");
  CHECK(std::string(c["sides"][1]["figures"][0]["doc"].GetString()) == "b.txt");
  CHECK(std::string(c["sides"][1]["figures"][0]["text"].GetString()) == "59");
  CHECK(facts == 0);
}

TEST_CASE("fact records name their subject when only facts are asked for") {
  using namespace claimx::testing;
  auto r = run_claimx("-q --types fact -", "Campaigner Harriet Colwell met Dominic Farrow, 58, on Tuesday.\n");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("\"type\":\"fact\"") != std::string::npos);
  CHECK(r.out.find("\"name\":\"Dominic Farrow\"") != std::string::npos);
  CHECK(r.out.find("\"type\":\"person\"") == std::string::npos);  // the names are found, not emitted
}
