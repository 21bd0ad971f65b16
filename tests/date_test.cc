// Date values at calendar edges (src/resolve/date_values.cc) and the whole date pipeline (rules +
// DateResolver) on sentences written for these tests, at fixed reference dates.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract_support.h"
#include "pipeline/extractor.h"
#include "resolve/date_period.h"
#include "resolve/date_values.h"

using namespace claimx;
using namespace claimx::testing;

namespace {

std::string value_at(const std::string& expr, const std::string& ref, Tense tense = Tense::unknown) {
  ValueContext ctx;
  ctx.ref = parse_iso_date(ref);
  ctx.tense = tense;
  return evaluate_date_value(expr, ctx).value;
}

// The value of the date record whose text is `what` in `text`, extracted at reference date `ref`.
std::string extracted(const std::string& text, const std::string& what, const std::string& ref) {
  ExtractOptions opt;
  opt.ref_date = parse_iso_date(ref);
  ExtractedDocument doc = extract_text(text, opt);
  for (const auto& r : doc.records) {
    if (r.type != RecordType::date) continue;
    if (original_text(doc, r.span) == what) return r.value;
  }
  return "<no date " + what + ">";
}

// The values of every date record whose text is `what`, in text order.
std::vector<std::string> extracted_all(const std::string& text, const std::string& what, const std::string& ref) {
  ExtractOptions opt;
  opt.ref_date = parse_iso_date(ref);
  ExtractedDocument doc = extract_text(text, opt);
  std::vector<std::string> out;
  for (const auto& r : doc.records)
    if (r.type == RecordType::date && original_text(doc, r.span) == what) out.push_back(r.value);
  return out;
}

}  // namespace

TEST_CASE("date values: year boundaries") {
  // "last December" in January is the December just ended, in the year before.
  CHECK(value_at("REF<XXXX-12", "2020-01-10") == "2019-12");
  CHECK(value_at("REF>XXXX-01", "2019-12-30") == "2020-01");
  CHECK(value_at("REF-1D", "2020-01-01") == "2019-12-31");
  CHECK(value_at("REF+1D", "2019-12-31") == "2020-01-01");
  // ISO weeks: 2019-12-30 is in week 1 of 2020.
  CHECK(value_at("REF@W", "2019-12-30") == "2020-W01");
}

TEST_CASE("date values: leap years") {
  CHECK(value_at("REF+1D", "2020-02-28") == "2020-02-29");
  CHECK(value_at("REF+1D", "2019-02-28") == "2019-03-01");
  // "Feb. 29" takes the nearest year that has one.
  CHECK(value_at("REF~XXXX-02-29", "2021-06-01") == "2020-02-29");
}

TEST_CASE("date values: weekdays seen from the same weekday") {
  // 2019-05-30 is a Thursday: "Thursday" in a past-tense sentence is that day, "next Thursday"
  // the week after, "last Thursday" the week before.
  CHECK(value_at("REF~XXXX-WXX-4", "2019-05-30", Tense::past) == "2019-05-30");
  CHECK(value_at("REF>XXXX-WXX-4", "2019-05-30") == "2019-06-06");
  CHECK(value_at("REF<XXXX-WXX-4", "2019-05-30") == "2019-05-23");
}

TEST_CASE("dates: a month without its year leans on the tense only when it is far") {
  // Written in November: a past sentence's "March" is the March before, eight months back ...
  CHECK(extracted("She resigned in March for health reasons.", "March", "1989-11-02") == "1989-03");
  // ... a near month in a sentence reporting a plan stays the coming one ...
  CHECK(extracted("The company said the offer expires Dec. 4.", "Dec. 4", "1989-11-02") == "1989-12-04");
  // ... and with no tense the nearest occurrence wins.
  CHECK(extracted("Budget talks in March.", "March", "1989-11-02") == "1990-03");
  // A future sentence's month six months back is the coming one.
  CHECK(extracted("The crew will fly the mission in December.", "December", "1998-03-04") == "1998-12");
}

TEST_CASE("dates: seed checks at 2019-06-01") {
  CHECK(extracted("The two men met on Thursday in Ohio.", "Thursday", "2019-06-01") == "2019-05-30");
  CHECK(extracted("He was released last October.", "last October", "2019-06-01") == "2018-10");
  CHECK(extracted("The hearing was held in February.", "February", "2019-06-01") == "2019-02");
  CHECK(extracted("The test was ordered in May 2018.", "May 2018", "2019-06-01") == "2018-05");
  CHECK(extracted("She served 36 years in prison.", "36 years", "2019-06-01") == "P36Y");
  CHECK(extracted("Prices rose over the last three months.", "the last three months", "2019-06-01") == "P3M");
  CHECK(extracted("The verdict came on May 30.", "May 30", "2019-06-01") == "2019-05-30");
}

TEST_CASE("date values: holidays on a weekday of the month") {
  // Thanksgiving, the fourth Thursday of November: Nov. 1 2018 was a Thursday, Nov. 1 2019 a Friday.
  CHECK(value_at("2018-11-4#4", "2019-06-01") == "2018-11-22");
  CHECK(value_at("2019-11-4#4", "2019-06-01") == "2019-11-28");
  // Memorial Day, the last Monday of May, in a May with five Mondays (2021) and with four (2019).
  CHECK(value_at("2021-05-1#L", "2019-06-01") == "2021-05-31");
  CHECK(value_at("REF<XXXX-05-1#L", "2019-06-01") == "2019-05-27");
  // A fifth weekday that a month lacks gives no value rather than a day of the next month.
  CHECK(value_at("REF~XXXX-02-1#5", "2019-06-01").empty());
  CHECK(extracted("Stores opened early the day after Thanksgiving 1999.", "Thanksgiving 1999", "2019-06-01") == "1999-11-25");
}

TEST_CASE("dates: seed-like months in present-perfect sentences") {
  // "has been" gives no past tense to lean on; "back in" does.
  CHECK(extracted("She has been fighting for him since his trial back in October.", "October", "2019-06-01") == "2018-10");
}

TEST_CASE("dates: a re-mention of a period is an antecedent, a shifted one is not") {
  // "the quarter" names the third quarter again, so "a year ago" after it steps back from that
  // quarter, not from the year 2020 written between them.
  const std::string text =
      "The bank lost $7 million in the third quarter of 2018. It expects record profit in 2020. "
      "New loans were $6 million in the quarter, compared with $30 million a year ago.";
  CHECK(extracted(text, "the quarter", "2018-11-02") == "2018-Q3");
  CHECK(extracted(text, "a year ago", "2018-11-02") == "2017-Q3");
  // A shifted mention stays out: the second "a year earlier" is not two years back.
  const std::string twice =
      "Sales rose in the third quarter of 2018 from a year earlier. Profit also beat the level of a year earlier.";
  CHECK(extracted_all(twice, "a year earlier", "2018-11-02") == std::vector<std::string>{"2017-Q3", "2017-Q3"});
}

TEST_CASE("date values: the same part of another year") {
  CHECK(value_at("REF^2015@M", "2019-06-01") == "2015-06");
  CHECK(value_at("REF^2016", "2019-06-01") == "2016-06-01");
  // Feb. 29 moved to a year without one clamps to Feb. 28, as month arithmetic does.
  CHECK(value_at("REF^2019", "2020-02-29") == "2019-02-28");
  // Not a four-digit year: no value rather than a guess.
  CHECK(value_at("REF^88@Y", "2019-06-01").empty());
}

TEST_CASE("dates: tense cues that are nouns or places do not count") {
  // 2019-06-01 is a Saturday. "the plan" is a noun: the sentence is past, August is last year's.
  CHECK(extracted("The city council announced the plan Aug. 21.", "Aug. 21", "2019-10-28") == "2019-08-21");
  // "next to" is a place, not the coming week.
  CHECK(extracted("Two people were hurt next to the station on Friday.", "Friday", "2019-06-01") == "2019-05-31");
  // "that" opens a clause here, so "tore" still counts.
  CHECK(extracted("It was a storm that tore the roof off Friday.", "Friday", "2019-06-01") == "2019-05-31");
}

TEST_CASE("dates: a plan in the past perfect is over") {
  CHECK(extracted("The offer had been scheduled to expire Friday.", "Friday", "2019-06-01") == "2019-05-31");
  CHECK(extracted("The offer is scheduled to expire Friday.", "Friday", "2019-06-01") == "2019-06-07");
}

TEST_CASE("dates: arrangements still ahead") {
  // 2019-06-01 is a Saturday; "set to" and "is to" point to the coming Monday even after a past verb.
  CHECK(extracted("The strike ended, and talks are set to resume Monday.", "Monday", "2019-06-01") == "2019-06-03");
  CHECK(extracted("The firm said trading is to resume Tuesday.", "Tuesday", "2019-06-01") == "2019-06-04");
  // "effective" names the day a change takes effect: written in late October, "Feb. 1" is next year's.
  CHECK(extracted("The bank created a new board, effective Feb. 1.", "Feb. 1", "2019-10-26") == "2020-02-01");
}

TEST_CASE("dates: the day a period ends on is not what a year ago steps back from") {
  const std::string quarter =
      "In the fiscal first quarter ended Sept. 30, 2018, the mill earned $4 million, against a loss a year earlier.";
  CHECK(extracted(quarter, "a year earlier", "2018-10-26") == "2017-Q1");
  // After an amount of time the day is the only date there is.
  const std::string months =
      "For the six months ended Aug. 12, 2018, the chain earned $6 million, against $9 million a year earlier.";
  CHECK(extracted(months, "a year earlier", "2018-10-26") == "2017-08-12");
}

TEST_CASE("dates: the quarter of a results report is the quarter it named") {
  // A month mentioned since does not move "the quarter" to the quarter holding that month.
  const std::string text =
      "The maker earned $5 million in the fiscal first quarter of 2019. Earlier this month it said it "
      "expected to break even for the quarter.";
  CHECK(extracted(text, "the quarter", "2019-10-26") == "2019-Q1");
  // With no quarter named, a month still places it.
  CHECK(extracted("Sales slowed in October 2019, and the quarter ended weakly.", "the quarter", "2019-12-01") == "2019-Q4");
}

TEST_CASE("date values: a shift after a selector") {
  // 2019-06-01 is a Saturday: the day before last Tuesday (May 28) and the day after next Monday.
  CHECK(value_at("REF<XXXX-WXX-2-1D", "2019-06-01") == "2019-05-27");
  CHECK(value_at("REF>XXXX-WXX-1+1D", "2019-06-01") == "2019-06-04");
  // A month-day's own dashes are not shifts.
  CHECK(value_at("REF<XXXX-05-30-1D", "2019-06-01") == "2019-05-29");
  CHECK(value_at("REF<XXXX-05-30", "2019-06-01") == "2019-05-30");
}

TEST_CASE("dates: a time takes the date written after a parenthesis") {
  CHECK(extracted("The blast came at about 10:35 a.m. (0735 GMT) Friday, police said.", "about 10:35 a.m.", "2019-06-01") ==
        "2019-05-31T10:35");
}

TEST_CASE("date values: Election Day, the Tuesday after the first Monday of November") {
  // 2016: November began on a Tuesday, so the first Tuesday (Nov. 1) is not Election Day.
  CHECK(value_at("2016-11-1#1+1D", "2019-06-01") == "2016-11-08");
  CHECK(value_at("2018-11-1#1+1D", "2019-06-01") == "2018-11-06");
  CHECK(value_at("REF~XXXX-11-1#1+1D", "1998-10-26") == "1998-11-03");
}
