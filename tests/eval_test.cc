// eval: matching, scoring, floors and output on small synthetic gold/prediction sets, and the
// `claimx eval` command end to end.
#include <catch2/catch.hpp>

#include <sstream>

#include <fmt/format.h>
#include <rapidjson/document.h>

#include "eval/eval_record.h"
#include "eval/floors.h"
#include "eval/report_format.h"
#include "eval/scorer.h"
#include "test_support.h"

using namespace claimx;
using namespace claimx::eval;
using namespace claimx::testing;

namespace {

RecordsByDoc read(const std::string& jsonl) {
  RecordsByDoc out;
  std::istringstream in(jsonl);
  read_eval_records(in, "test", out);
  return out;
}

// Scores `pred` against `gold` (every predicted document, then finish).
Report score(const std::string& gold_jsonl, const std::string& pred_jsonl, const std::string& text = "",
             bool errors = false) {
  static RecordsByDoc gold;  // the Scorer keeps a reference
  gold = read(gold_jsonl);
  ScoreOptions opt;
  opt.collect_errors = errors;
  Scorer scorer(gold, opt);
  for (const auto& [doc, records] : read(pred_jsonl)) scorer.add(doc, records, text);
  return scorer.finish();
}

const TypeScore& of(const Report& r, RecordType t) { return r.types[static_cast<int>(t)]; }

std::string person(const char* doc, int b, int e, const char* extra = "") {
  return fmt::format(R"({{"doc":"{}","type":"person","text":"x","span":[{},{}]{}}})", doc, b, e, extra) + "\n";
}
std::string date(int b, int e, const char* value, const char* extra = "") {
  return fmt::format(R"({{"doc":"d","type":"date","text":"x","span":[{},{}],"timex":"DATE","value":{}{}}})", b, e,
                     value, extra) +
         "\n";
}
std::string claim(int b, int e, const char* speaker, const char* quote = "indirect", const char* extra = "") {
  return fmt::format(R"({{"doc":"d","type":"claim","text":"x","span":[{},{}],"speaker":{},"cue":null,"quote":"{}"{}}})",
                     b, e, speaker, quote, extra) +
         "\n";
}

}  // namespace

TEST_CASE("gold lines: unknown fields are ignored, errors skipped, bad lines named by file:line") {
  auto recs = read(R"({"doc":"a","type":"person","text":"Kim","span":[0,3],"name":"Kim K","note":"checked","x":[1]})"
                   "\n\n"
                   R"({"doc":"a","type":"error","message":"unreadable"})"
                   "\n");
  REQUIRE(recs["a"].size() == 1);
  CHECK(recs["a"][0].name == "Kim K");
  CHECK(recs["a"][0].span == CpSpan{0, 3});
  CHECK_THROWS_WITH(read("\n{\"doc\":\"a\",\"type\":\"person\"}\n"), Catch::Contains("test:2:") && Catch::Contains("span"));
  CHECK_THROWS_WITH(read(R"({"doc":"a","type":"persn","span":[0,1]})"), Catch::Contains("persn"));
  CHECK_THROWS_WITH(read("{nope"), Catch::Contains("test:1: invalid JSON"));
}

TEST_CASE("strict needs the exact span; relaxed takes an overlap") {
  auto r = score(person("d", 0, 13) + person("d", 20, 30), person("d", 0, 13) + person("d", 24, 35));
  const auto& p = of(r, RecordType::person);
  CHECK(p.gold == 2);
  CHECK((p.strict.tp == 1 && p.strict.fp == 1 && p.strict.fn == 1));
  CHECK((p.relaxed.tp == 2 && p.relaxed.fp == 0 && p.relaxed.fn == 0));
  CHECK(*p.relaxed.f1() == Approx(1.0));
  CHECK(*p.strict.f1() == Approx(0.5));
  // Touching spans do not overlap ([a,b) ranges).
  auto t = score(person("d", 0, 5), person("d", 5, 9));
  CHECK((of(t, RecordType::person).relaxed.tp == 0 && of(t, RecordType::person).relaxed.fp == 1));
}

TEST_CASE("relaxed matching is one-to-one and prefers the better pair") {
  // One long prediction over two gold names: one TP, one FN (not two TPs).
  auto r = score(person("d", 0, 5) + person("d", 6, 12), person("d", 0, 12));
  const auto& p = of(r, RecordType::person);
  CHECK((p.relaxed.tp == 1 && p.relaxed.fp == 0 && p.relaxed.fn == 1));
  // Two predictions over one gold: one TP, one FP.
  auto r2 = score(person("d", 0, 12), person("d", 0, 5) + person("d", 6, 12));
  CHECK((of(r2, RecordType::person).relaxed.tp == 1 && of(r2, RecordType::person).relaxed.fp == 1));
  // Greedy by overlap: [0,10) goes to the gold it overlaps most, leaving [8,20) for the other.
  auto r3 = score(person("d", 0, 9) + person("d", 9, 20), person("d", 0, 10) + person("d", 8, 20));
  CHECK(of(r3, RecordType::person).relaxed.tp == 2);
  // Types never match each other.
  auto r4 = score(person("d", 0, 5), R"({"doc":"d","type":"org","text":"x","span":[0,5]})");
  CHECK((of(r4, RecordType::person).relaxed.fn == 1 && of(r4, RecordType::org).relaxed.fp == 1));
}

TEST_CASE("optional gold records are neither required nor false positives") {
  auto gold = person("d", 0, 5) + person("d", 10, 15, R"(,"optional":true)") + person("d", 20, 25, R"(,"optional":true)");
  auto r = score(gold, person("d", 0, 5) + person("d", 10, 15));
  const auto& p = of(r, RecordType::person);
  CHECK((p.gold == 1 && p.optional == 2));
  CHECK((p.relaxed.tp == 1 && p.relaxed.fp == 0 && p.relaxed.fn == 0));
  CHECK((p.strict.tp == 1 && p.strict.fp == 0 && p.strict.fn == 0));
  // A prediction overlapping both a required and an optional record goes to the required one.
  auto r2 = score(person("d", 0, 10) + person("d", 0, 4, R"(,"optional":true)"), person("d", 0, 4));
  CHECK(of(r2, RecordType::person).relaxed.tp == 1);
}

TEST_CASE("date values: accuracy on matches and TempEval-3 value F1") {
  auto gold = date(0, 10, "\"2019-06-01\"") + date(20, 30, "\"P3Y\"") + date(40, 45, "null") + date(60, 65, "\"1999\"");
  auto pred = date(0, 10, "\"2019-06-01\"") + date(22, 30, "\"P2Y\"") + date(40, 45, "null") + date(80, 85, "\"2000\"");
  auto r = score(gold, pred);
  const auto& d = of(r, RecordType::date);
  CHECK((d.relaxed.tp == 3 && d.relaxed.fp == 1 && d.relaxed.fn == 1));
  CHECK((d.value.correct == 2 && d.value.total == 3));  // null == null counts as equal
  CHECK((d.value_f1.tp == 2 && d.value_f1.fp == 2 && d.value_f1.fn == 2));
  CHECK(*d.value_f1.f1() == Approx(0.5));
  CHECK((d.timex.correct == 3 && d.timex.total == 3));
}

TEST_CASE("claim speakers: span overlap or same name; null vs null is right") {
  const char* kim = R"({"text":"Kim","name":"Kim Lee","span":[50,53]})";
  auto gold = claim(0, 10, kim) + claim(20, 30, kim) + claim(60, 70, "null") + claim(80, 90, kim) +
              claim(100, 110, kim, "direct");
  auto pred = claim(0, 10, R"({"text":"Lee","name":"Kim Lee","span":[51,54]})") +  // overlap
              claim(20, 30, R"({"text":"she","name":"kim lee","span":[95,98]})") +   // same name
              claim(60, 70, "null") +                                               // null vs null
              claim(80, 90, "null") +                                               // missed speaker
              claim(100, 108, R"({"text":"Bo","name":"Bo","span":[0,2]})", "direct");  // wrong
  auto r = score(gold, pred);
  const auto& c = of(r, RecordType::claim);
  CHECK((c.speaker.correct == 3 && c.speaker.total == 5));
  CHECK((c.cue.correct == 5 && c.cue.total == 5));  // null vs null
  CHECK(c.direct_gold == 1);
  CHECK((c.direct_relaxed.tp == 1 && c.direct_strict.tp == 0 && c.direct_strict.fn == 1));
  CHECK((c.direct_speaker.correct == 0 && c.direct_speaker.total == 1));  // the direct quote's speaker is wrong
}

TEST_CASE("canonical names are compared on relaxed matches") {
  auto r = score(person("d", 0, 5, R"(,"name":"Kim Lee")") + person("d", 10, 15, R"(,"name":"Kim Lee")"),
                 person("d", 0, 5, R"(,"name":"Kim Lee")") + person("d", 10, 15, R"(,"name":"Lee")"));
  CHECK((of(r, RecordType::person).name.correct == 1 && of(r, RecordType::person).name.total == 2));
}

TEST_CASE("only gold documents are scored; a gold document without output is all false negatives") {
  auto r = score(person("a", 0, 5) + person("b", 0, 5) + person("b", 6, 9), person("a", 0, 5) + person("z", 0, 5));
  CHECK((r.gold_docs == 2 && r.scored_docs == 1 && r.ignored_docs == 1));
  CHECK((of(r, RecordType::person).relaxed.tp == 1 && of(r, RecordType::person).relaxed.fn == 2 &&
         of(r, RecordType::person).relaxed.fp == 0));
  CHECK((r.all_relaxed.tp == 1 && r.all_relaxed.fn == 2));
}

TEST_CASE("errors carry context, sorted by document then span") {
  std::string text = "Yesterday Kim Lee said the plan of Acme Corp had failed in 2019 and more.";
  auto gold = date(0, 9, "\"2020-01-01\"") + date(59, 63, "\"2019\"") + person("d", 10, 17);
  auto pred = date(0, 9, "\"2020-01-02\"") + R"({"doc":"d","type":"org","text":"Acme Corp","span":[35,44]})" "\n";
  auto r = score(gold, pred, text, true);
  REQUIRE(r.errors.size() == 4);
  CHECK(r.errors[0].kind == ErrorKind::value);
  CHECK(r.errors[1].kind == ErrorKind::missed);  // person [10,17)
  CHECK(r.errors[1].context.find("«Kim Lee»") != std::string::npos);
  CHECK(r.errors[2].kind == ErrorKind::spurious);  // org [35,44)
  CHECK(r.errors[3].kind == ErrorKind::missed);    // date [59,63)
  std::string listing = format_errors(r);
  CHECK_THAT(listing, Catch::Contains("expected value 2020-01-01, got 2020-01-02"));
  CHECK_THAT(listing, Catch::Contains("expected value 2019"));
  CHECK_THAT(listing, Catch::Contains("the plan of «Acme Corp» had failed"));
}

TEST_CASE("context_of cuts about 30 code points either side, on code points") {
  std::string text = "Zoë said: ünïcode text here\nand more";
  CHECK(context_of(text, CpSpan{10, 17}, 4) == "...id: «ünïcode» tex...");
  CHECK(context_of("", CpSpan{0, 1}) == "");
}

TEST_CASE("floors apply to relaxed F1; all is the micro-average") {
  auto r = score(person("d", 0, 5) + person("d", 10, 15), person("d", 0, 5));  // F1 0.667
  CHECK(floor_failures(r, {parse_floor("person=0.6")}).empty());
  auto fail = floor_failures(r, {parse_floor("person=0.7"), parse_floor("all=0.9")});
  REQUIRE(fail.size() == 2);
  CHECK_THAT(fail[0], Catch::Contains("person: relaxed F1 0.667 is below the floor 0.700"));
  CHECK_THAT(fail[1], Catch::Contains("all:"));
  CHECK(floor_failures(r, {parse_floor("date=0.5")}).size() == 1);  // nothing to score is a failure
  CHECK_THROWS_WITH(parse_floor("persons=0.5"), Catch::Contains("unknown type"));
  CHECK_THROWS_WITH(parse_floor("person=high"), Catch::Contains("not a number"));
  CHECK_THROWS(parse_floor("person"));
}

TEST_CASE("the JSON report is one object with the figures of each type") {
  auto r = score(date(0, 10, "\"2019\""), date(0, 10, "\"2019\""));
  auto json = format_json(r, false);
  CHECK(json.find('\n') == json.size() - 1);
  rapidjson::Document d;
  d.Parse(json.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(d["types"]["date"]["relaxed"]["f1"].GetDouble() == Approx(1.0));
  CHECK(d["types"]["date"]["value"]["tp"].GetUint() == 1);
  CHECK(d["all"]["strict"]["tp"].GetUint() == 1);
  CHECK(d["types"]["claim"]["relaxed"]["f1"].IsNull());
}

TEST_CASE("claimx eval: extracts, scores, and exits 1 below a floor") {
  TempDir dir;
  dir.write("in/a.txt", "Kevin Cooper spoke in Denver in 1983.");
  const std::string gold =
      R"({"doc":"a.txt","type":"person","text":"Kevin Cooper","span":[0,12],"name":"Kevin Cooper"})" "\n"
      R"({"doc":"a.txt","type":"date","text":"1983","span":[32,36],"timex":"DATE","value":"1983"})" "\n";
  dir.write("gold.jsonl", gold);
  auto base = "eval --gold " + dir.str() + "/gold.jsonl --types person,date " + dir.str() + "/in";
  auto r = run_claimx(base);
  REQUIRE(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("relaxed") && Catch::Contains("person") && Catch::Contains("date value"));
  auto j = run_claimx(base + " --json");
  REQUIRE(j.status == 0);
  rapidjson::Document d;
  d.Parse(j.out.c_str());
  REQUIRE_FALSE(d.HasParseError());
  CHECK(d["docs"]["scored"].GetUint() == 1);
  CHECK_FALSE(d["types"].HasMember("claim"));  // --types restricts scoring
  // Files given one by one have ids that include their path: the gold's ids do not match, and eval says so.
  auto wrong = run_claimx("eval --gold " + dir.str() + "/gold.jsonl " + dir.str() + "/in/a.txt");
  CHECK_THAT(wrong.err, Catch::Contains("no document matches the gold"));
  // An impossible floor fails with a message naming the type.
  auto f = run_claimx(base + " --min-f1 person=1.01");
  CHECK(f.status == 2);  // not a number between 0 and 1: a usage error
  dir.write("floors.txt", "# floors\nall=0.0   # anything\n");
  auto ok = run_claimx(base + " --floors " + dir.str() + "/floors.txt");
  CHECK(ok.status == 0);
  CHECK_THAT(ok.err, Catch::Contains("floors met"));
  // Predictions from a file are scored the same way.
  dir.write("pred.jsonl", R"({"doc":"a.txt","type":"person","text":"Cooper","span":[6,12]})" "\n");
  auto p = run_claimx("eval --gold " + dir.str() + "/gold.jsonl --predictions " + dir.str() +
                      "/pred.jsonl --types person --min-f1 person=0.99 --errors " + dir.str() + "/in");
  CHECK(p.status == 0);
  CHECK_THAT(p.out, Catch::Contains("a.txt person span") && Catch::Contains("«Kevin Cooper» spoke in"));
  auto miss = run_claimx("eval --gold " + dir.str() + "/gold.jsonl --predictions " + dir.str() +
                         "/pred.jsonl --types date --min-f1 date=0.5");
  CHECK(miss.status == 1);
  CHECK_THAT(miss.err, Catch::Contains("FAILED date: relaxed F1 0.000 is below the floor 0.500"));
}
