#include <catch2/catch.hpp>

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
