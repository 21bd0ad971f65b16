#include <filesystem>
#include <fstream>
#include <iterator>

#include <catch2/catch.hpp>

#include "extract_support.h"
#include "match/matcher.h"
#include "match/pattern_walk.h"
#include "match/rule_set.h"
#include "normalize/normalize.h"
#include "pipeline/extractor.h"
#include "segment/segment.h"

using namespace claimx;

namespace {

RuleSet rules_from(const std::string& text, std::map<std::string, std::string> extra = {}) {
  extra["test.rules"] = text;
  return RuleSet::load(extra, "t");
}

// The winning matches as "rule:text".
std::vector<std::string> run(const RuleSet& rules, const std::string& text) {
  SentenceSplitter splitter({});
  Matcher m(rules);
  std::vector<std::string> out;
  for (const auto& c : m.run(text, splitter.split(text), TypeMask{}))
    out.push_back(c.rule->id + ":" + text.substr(c.begin, c.end - c.begin));
  return out;
}

RuleError load_error(const std::string& text, std::map<std::string, std::string> extra = {}) {
  try {
    rules_from(text, extra);
  } catch (const RuleError& e) {
    return e;
  }
  FAIL("expected a RuleError");
  return {};
}

}  // namespace

TEST_CASE("macros expand, and nest") {
  auto rules = rules_from(
      "define DIGIT = [0-9]\ndefine YEAR = (?:19|20){DIGIT}{2}\n"
      "rule date.y\ntype: date\npattern: {YEAR}\nexample: 1999\n");
  CHECK(rules.rules()[0].pattern == "(?:(?:19|20)(?:[0-9]){2})");
  CHECK(run(rules, "in 1999 and 2021") == std::vector<std::string>{"date.y:1999", "date.y:2021"});
}

TEST_CASE("\\p{..} classes are not mistaken for macros") {
  auto rules = rules_from("rule person.cap\ntype: person\npattern: \\p{Lu}\\p{Ll}+\nexample: Zoë\n");
  CHECK(run(rules, "hello Zoë") == std::vector<std::string>{"person.cap:Zoë"});
}

TEST_CASE("a class macro splices its ranges inside [...], and \\x{..} is not a macro") {
  auto rules = rules_from(
      "define UPPER = [A-Z\\x{C0}-\\x{DE}]\ndefine LOWER = [a-z\\x{DF}-\\x{FF}]\n"
      "rule person.cap\ntype: person\npattern: {UPPER}[{LOWER}'-]+\nexample: Zoë\n");
  CHECK(rules.rules()[0].pattern == "(?:[A-Z\\x{C0}-\\x{DE}])[a-z\\x{DF}-\\x{FF}'-]+");
  CHECK(run(rules, "hello Zoë and Ann-marie's") == std::vector<std::string>{"person.cap:Zoë", "person.cap:Ann-marie's"});
  // Only a plain bracket expression can go inside another one.
  auto e = load_error("define WORD = [a-z]+\nrule person.x\ntype: person\npattern: [{WORD}]\nexample: ab\n");
  CHECK(e.message.find("macro {WORD} used inside [...] is not a character class") != std::string::npos);
  auto neg = load_error("define NOTA = [^a]\nrule person.x\ntype: person\npattern: [{NOTA}b]\nexample: b\n");
  CHECK(neg.message.find("not a character class") != std::string::npos);
}

TEST_CASE("list lookups: require, and values through a list") {
  auto rules = rules_from(
      "list names = lists/names.txt\nlist months = lists/months.tsv\n"
      "rule person.name\ntype: person\npattern: (?P<first>\\p{Lu}\\p{Ll}+) (?P<last>\\p{Lu}\\p{Ll}+)\n"
      "require: first in names\nexample: Kevin Cooper\n"
      "rule date.month\ntype: date\npattern: (?P<m>{list:months}) (?P<y>\\d{4})\nvalue: {y}-{m:months}\nexample: May 2018\n",
      {{"lists/names.txt", "# test\nKevin\nZoe\n"}, {"lists/months.tsv", "May\t05\nJune\t06\n"}});
  CHECK(run(rules, "The Reality Show with Kevin Cooper") == std::vector<std::string>{"person.name:Kevin Cooper"});
  // Case-folded and accent-free lookup: "ZOË" finds "Zoe".
  CHECK(rules.list("names")->contains("ZOË"));
  CHECK(*rules.list("months")->find("june") == "06");
  CHECK(run(rules, "in May 2018") == std::vector<std::string>{"date.month:May 2018"});
}

TEST_CASE("matches sit on Unicode word boundaries") {
  auto rules = rules_from("rule place.paulo\ntype: place\npattern: Paulo\nexample: Paulo\n"
                          "rule person.zo\ntype: person\npattern: Zo\nexample: Zo\n");
  // "São Paulo" contains the word Paulo; "Zoë" does not contain the word "Zo" (ë is a letter),
  // and neither does "Nguyễn" any ASCII-bounded piece.
  CHECK(run(rules, "São Paulo") == std::vector<std::string>{"place.paulo:Paulo"});
  CHECK(run(rules, "Zoë left").empty());
  CHECK(run(rules, "Zo left") == std::vector<std::string>{"person.zo:Zo"});
  CHECK(inside_word("Nguyễn", 4));
  CHECK_FALSE(inside_word("São Paulo", 4));
}

TEST_CASE("a match that starts inside a word is passed over, and the next word is still tried") {
  // "[a-z]+ " may start at any letter of "bathe"; "he Rome" passes the list but not the boundary.
  auto rules = rules_from(
      "list preps = lists/preps.txt\n"
      "rule place.after_prep\ntype: place\npattern: (?P<prep>[a-z]+) (?P<place>[A-Z][a-z]+)\nspan: place\n"
      "require: prep in preps\nexample: in Lyon\n",
      {{"lists/preps.txt", "in\nhe\n"}});
  CHECK(run(rules, "They bathe Rome and swim in Lyon") == std::vector<std::string>{"place.after_prep:Lyon"});
  CHECK(run(rules, "he Rome") == std::vector<std::string>{"place.after_prep:Rome"});
}

TEST_CASE("rules with one pattern share its RE2 and its searches, and each keeps its own checks") {
  auto rules = rules_from(
      "list cities = lists/cities.txt\nlist countries = lists/countries.txt\n"
      "define CAPS = [A-Z][a-z]+(?: [A-Z][a-z]+)*\n"
      "rule place.city\ntype: place\npattern: (?P<place>{CAPS})\nrequire: place in cities\nshrink: true\nexample: Lyon\n"
      "rule place.country\ntype: place\npattern: (?P<place>{CAPS})\nrequire: place in countries\nshrink: true\nexample: France\n"
      "rule place.harbor\ntype: place\npattern: (?P<place>{CAPS}) Harbor\nexample: Kern Harbor\n",
      {{"lists/cities.txt", "Lyon\nNew York\n"}, {"lists/countries.txt", "France\n"}});
  const auto& r = rules.rules();
  CHECK(r[0].re == r[1].re);
  CHECK((r[0].shares_pattern && r[1].shares_pattern));
  CHECK_FALSE(r[2].shares_pattern);
  const std::string text = "From New York to Lyon France";
  CHECK(run(rules, text) == std::vector<std::string>{"place.city:New York", "place.city:Lyon", "place.country:France"});

  // With a memo each rule finds what it finds alone, and the second reuses the first one's searches.
  Matcher matcher(rules);
  const auto end = static_cast<std::uint32_t>(text.size());
  auto spans = [](const std::vector<Candidate>& cs) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
    for (const auto& c : cs) out.emplace_back(c.begin, c.end);
    return out;
  };
  MatchMemo shared, city_alone, country_alone;
  std::vector<Candidate> city, country, city_memo, country_memo;
  matcher.match_rule(r[0], text, 0, end, city);
  matcher.match_rule(r[1], text, 0, end, country);
  matcher.match_rule(r[0], text, 0, end, city_memo, &shared);
  matcher.match_rule(r[1], text, 0, end, country_memo, &shared);
  CHECK(spans(city_memo) == spans(city));
  CHECK(spans(country_memo) == spans(country));
  CHECK(spans(country) == std::vector<std::pair<std::uint32_t, std::uint32_t>>{{22, 28}});
  matcher.match_rule(r[0], text, 0, end, city, &city_alone);
  matcher.match_rule(r[1], text, 0, end, country, &country_alone);
  CHECK(shared.searches.size() < city_alone.searches.size() + country_alone.searches.size());
}

TEST_CASE("overlaps: priority, then length, then rule order") {
  auto rules = rules_from(
      "rule place.short\ntype: place\npriority: 10\npattern: Kern Ridge\nexample: Kern Ridge\n"
      "rule org.long\ntype: org\npriority: 10\npattern: Kern Ridge Sheriff's Department\nexample: Kern Ridge Sheriff's Department\n"
      "rule person.high\ntype: person\npriority: 90\npattern: Ridge\nexample: Ridge\n"
      "rule date.other_layer\ntype: date\npattern: Kern\nexample: Kern\n");
  // Priority beats length; dates compete only with dates.
  CHECK(run(rules, "The Kern Ridge Sheriff's Department said") ==
        std::vector<std::string>{"date.other_layer:Kern", "person.high:Ridge"});
  auto same_priority = rules_from(
      "rule a.first\ntype: person\npattern: Nora Talbrook\nexample: Nora Talbrook\n"
      "rule b.longer\ntype: person\npattern: Nora Talbrook Quist\nexample: Nora Talbrook Quist\n"
      "rule c.same\ntype: person\npattern: Nora Talbrook\nexample: Nora Talbrook\n");
  CHECK(run(same_priority, "Nora Talbrook Quist spoke") == std::vector<std::string>{"b.longer:Nora Talbrook Quist"});
  CHECK(run(same_priority, "Nora Talbrook spoke") == std::vector<std::string>{"a.first:Nora Talbrook"});
}

TEST_CASE("a blocker wins its span and suppresses weaker matches") {
  auto rules = rules_from(
      "rule date.weekday\ntype: date\npriority: 10\npattern: Friday\nexample: Friday\n"
      "rule date.not_a_name\ntype: date\npriority: 50\nblocker: true\npattern: Friday's\nexample: Friday's\n");
  auto got = run(rules, "Friday's show aired on Friday");
  CHECK(got == std::vector<std::string>{"date.not_a_name:Friday's", "date.weekday:Friday"});
}

TEST_CASE("the span group picks the record's text") {
  auto rules = rules_from("rule person.titled\ntype: person\npattern: lawyer (?P<who>\\p{Lu}\\w+)\nspan: who\nexample: lawyer Cody\n");
  CHECK(run(rules, "said lawyer Cody") == std::vector<std::string>{"person.titled:Cody"});
}

TEST_CASE("malformed rules stop with file:line") {
  auto e = load_error("rule a.b\ntype: date\npattern: (unclosed\nexample: x\n");
  CHECK(e.file == "t/test.rules");
  CHECK(e.line == 3);
  CHECK(e.message.find("missing )") != std::string::npos);  // RE2's own text

  e = load_error("\n\nrule a.b\ntype: date\npattern: {NOPE}\nexample: x\n");
  CHECK(e.line == 5);
  CHECK(e.message.find("unknown macro {NOPE}") != std::string::npos);

  e = load_error("rule a.b\ntype: date\npattern: x\nexample: x\n\nrule a.b\ntype: date\npattern: y\nexample: y\n");
  CHECK(e.line == 6);
  CHECK(e.message.find("duplicate rule id a.b") != std::string::npos);

  e = load_error("list nope = lists/missing.txt\nrule a.b\ntype: date\npattern: x\nexample: x\n");
  CHECK(e.line == 1);
  CHECK(e.message.find("lists/missing.txt not found") != std::string::npos);

  e = load_error("rule a.b\ntype: date\npattern: x\n");
  CHECK(e.message.find("no `example:`") != std::string::npos);

  e = load_error("rule a.b\ntype: date\npattern: x\nvalu: 1\nexample: x\n");
  CHECK(e.line == 4);
  CHECK(e.message.find("unknown key `valu`") != std::string::npos);
}

TEST_CASE("prefilter patterns widen counted repetitions and nothing else") {
  CHECK(prefilter_pattern("[^,]{2,140}? said") == "[^,]{2,}? said");
  CHECK(prefilter_pattern("(?:a|b){0,7}c") == "(?:a|b){0,}c");
  // Small ranges, exact counts, escapes and classes stay as they are.
  CHECK(prefilter_pattern("\\d{1,2}:\\d{2}") == "\\d{1,2}:\\d{2}");
  CHECK(prefilter_pattern("\\x{300}-\\p{Lu}[{}]{3,9}") == "\\x{300}-\\p{Lu}[{}]{3,}");
  CHECK(prefilter_pattern("\\{1,5}") == "\\{1,5}");
  // A widened pattern is compiled by RE2 and matches all that the original matches.
  RE2 narrow("^(?:[a-z]+ ){0,3}said$"), wide(prefilter_pattern("^(?:[a-z]+ ){0,3}said$"));
  REQUIRE(wide.ok());
  for (const char* s : {"said", "she said", "the old man said"}) {
    CHECK(RE2::FullMatch(s, narrow));
    CHECK(RE2::FullMatch(s, wide));
  }
  CHECK_FALSE(RE2::FullMatch("a b c d said", narrow));
  CHECK(RE2::FullMatch("a b c d said", wide));
}

TEST_CASE("a require: list narrows the prefilter pattern only where that is safe") {
  auto rules = rules_from(
      "list moods = lists/moods.txt\n"
      "rule claim.ascii\ntype: claim\npattern: (?P<who>[A-Z][a-z]+) (?P<cue>[a-z]+) (?P<content>.+)\n"
      "require: cue in moods\nexample: Nora fears rain.\n"
      "rule claim.letters\ntype: claim\npattern: (?P<who>[A-Z][a-z]+) (?P<cue>\\pL+) (?P<content>.+)\n"
      "require: cue in moods\nexample: Nora fears rain.\n"
      "rule claim.negated\ntype: claim\npattern: (?P<who>[A-Z][a-z]+) (?P<cue>[a-z]+) (?P<content>.+)\n"
      "require: cue not in moods\nexample: Nora saw rain.\n",
      {{"lists/moods.txt", "fears\nHopes\nd\u00e9plore\n"}});
  const auto& r = rules.rules();
  // ASCII-only group: the entries, folded (accents removed), in place of [a-z]+.
  CHECK(narrowed_by_lists(r[0]) == "(?P<who>[A-Z][a-z]+) (?P<cue>(?i:deplore|fears|hopes)) (?P<content>.+)");
  // A group that matches non-ASCII letters, or a `not in` check, keeps its pattern.
  CHECK(narrowed_by_lists(r[1]) == r[1].pattern);
  CHECK(narrowed_by_lists(r[2]) == r[2].pattern);
  // Whatever the rule accepts, the narrowed pattern matches; other words it does not.
  RE2 narrowed(narrowed_by_lists(r[0]));
  REQUIRE(narrowed.ok());
  CHECK(RE2::PartialMatch("Nora HOPES for rain", narrowed));
  CHECK_FALSE(RE2::PartialMatch("Nora sees rain", narrowed));
  CHECK(run(rules, "Nora hopes for rain") == std::vector<std::string>{"claim.ascii:for rain"});
  // The literal gate reads the narrowed pattern too: a sentence with none of the moods skips the rule.
  std::vector<char> may;
  rules.literal_candidates("Nora sees rain", may);
  CHECK(may == std::vector<char>{0, 1, 1});
  rules.literal_candidates("Nora FEARS rain", may);
  CHECK(may == std::vector<char>{1, 1, 1});
}

TEST_CASE("required literals come from required runs and groups only") {
  // A literal run, lowercased; the longest run wins over shorter ones.
  CHECK(required_literals("[A-Z][a-z]+ Told the") == std::vector<std::string>{" told the"});
  // A required group: one literal per branch, from nested groups too.
  CHECK(required_literals("(?P<who>\\w+) (?P<cue>said|(?:told|wrote) us)") ==
        std::vector<std::string>{"said", "told", "wrote"});
  // An optional group, a branch with no literal, or a case-folding flag group requires nothing.
  CHECK(required_literals("(?:according to )?[A-Z]\\w+").empty());
  CHECK(required_literals("[A-Z]\\w+ (?:said|\\d+)").empty());
  CHECK(required_literals("(?i)[a-z]+").empty());
  // A quantifier that allows zero cuts the run before its character; `+` ends the run after it.
  CHECK(required_literals("abcd?ef") == std::vector<std::string>{"abc"});
  CHECK(required_literals("xys+tuvw") == std::vector<std::string>{"tuvw"});
  // Escaped punctuation is literal; a class, an escape class or a non-ASCII byte ends the run.
  CHECK(required_literals("U\\.S\\. officials") == std::vector<std::string>{"u.s. officials"});
  CHECK(required_literals("ab[cd]efg\\bhij") == std::vector<std::string>{"efg"});
  CHECK(required_literals("caf\xC3\xA9 au lait") == std::vector<std::string>{" au lait"});
  CHECK(required_literals("\\Qsaid\\E").empty());
}

TEST_CASE("the literal gate passes every rule whose literals a piece holds, whatever their case") {
  auto rules = rules_from(
      "rule claim.said\ntype: claim\npattern: (?P<who>[A-Z][a-z]+) (?P<cue>said|told) (?P<content>.+)\nexample: Nora said so.\n"
      "rule person.name\ntype: person\npattern: [A-Z][a-z]+ [A-Z][a-z]+\nexample: Nora Quist\n");
  std::vector<char> may;
  rules.literal_candidates("Nora Quist spoke.", may);
  CHECK(may == std::vector<char>{0, 1});
  rules.literal_candidates("NORA TOLD US.", may);
  CHECK(may == std::vector<char>{1, 1});
  // The Kelvin sign folds to "k": a piece holding one lets every rule through.
  rules.literal_candidates("Nora spoke of 5 \xE2\x84\xAA.", may);
  CHECK(may == std::vector<char>{1, 1});
  // The group skips the claim Set when the gate says no.
  std::vector<int> hits;
  rules.literal_candidates("Nora said so.", may);
  rules.group(RecordType::claim, Scope::sentence).may_match("Nora said so.", hits, &may);
  CHECK(hits == std::vector<int>{0});
  may[0] = 0;
  rules.group(RecordType::claim, Scope::sentence).may_match("Nora said so.", hits, &may);
  CHECK(hits.empty());
}

TEST_CASE("the embedded rules' prefilter Sets cover every rule once, in order") {
  const RuleSet& rules = testing::embedded_rules();
  for (int t = 0; t < kRecordTypes; ++t)
    for (Scope s : {Scope::sentence, Scope::paragraph}) {
      const auto& g = rules.group(static_cast<RecordType>(t), s);
      int next = 0;
      for (const auto& p : g.sets) {
        CHECK(p.first == next);
        CHECK(p.count > 0);
        next += p.count;
      }
      CHECK(next == static_cast<int>(g.rules.size()));
    }
}

TEST_CASE("the prefilter loses no match on the corpus articles") {
  // Running every rule of a group on every piece must find exactly what running only the rules
  // the literal gate and the prefilter Sets name finds: they may say "maybe" too often, never "no"
  // wrongly.
  const RuleSet& rules = testing::embedded_rules();
  Matcher matcher(rules);
  TextNormalizer normalizer;
  SentenceSplitter splitter(abbreviations_of(rules));
  std::vector<int> hits;
  std::vector<char> literal;
  long long pieces = 0, found_total = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CLAIMX_SOURCE_DIR) + "/corpus")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string text = normalizer.run(raw).text();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> sentences, paragraphs;
    for (const auto& s : splitter.split(text)) {
      sentences.emplace_back(s.begin, s.end);
      if (paragraphs.size() <= s.paragraph) paragraphs.resize(s.paragraph + 1, {s.begin, s.end});
      paragraphs[s.paragraph].second = s.end;
    }
    for (int t = 0; t < kRecordTypes; ++t)
      for (Scope scope : {Scope::sentence, Scope::paragraph}) {
        const auto& g = rules.group(static_cast<RecordType>(t), scope);
        for (const auto& [b, e] : scope == Scope::sentence ? sentences : paragraphs) {
          std::vector<Candidate> every, filtered;
          for (const Rule* r : g.rules) matcher.match_rule(*r, text, b, e, every);
          const std::string_view piece = std::string_view(text).substr(b, e - b);
          rules.literal_candidates(piece, literal);
          g.may_match(piece, hits, &literal);
          for (int h : hits) matcher.match_rule(*g.rules[h], text, b, e, filtered);
          ++pieces;
          found_total += static_cast<long long>(every.size());
          REQUIRE(filtered.size() == every.size());
          for (std::size_t i = 0; i < every.size(); ++i) {
            CHECK(filtered[i].rule == every[i].rule);
            CHECK(filtered[i].begin == every[i].begin);
            CHECK(filtered[i].end == every[i].end);
          }
        }
      }
  }
  CHECK(pieces > 1000);
  CHECK(found_total > 1000);
}

TEST_CASE("the shipped rules spell letters with the class macros, not \\p{..}") {
  // A Unicode property compiles to hundreds of instructions; in a repeated name word it made the
  // rules 14 times larger (docs/rules.md, "Letters").
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CLAIMX_SOURCE_DIR) + "/rules")) {
    if (entry.path().extension() != ".rules") continue;
    std::ifstream in(entry.path());
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty() || line[0] == '#') continue;
      INFO(entry.path().filename().string() << ":" << n << ": " << line);
      CHECK(line.find("\\p{") == std::string::npos);
      CHECK(line.find("\\pL") == std::string::npos);
    }
  }
}
