#pragma once
// Calendar periods behind TIMEX3 date values: a day plus a grain. "2019-Q3" is the quarter holding
// 2019-07-01, "198" the decade holding 1980-01-01, "2019-W22-WE" the weekend of ISO week 22.
// Periods render to TIMEX3 values and parse back from them (for anaphora: "a year earlier" is the
// previous mention shifted). All arithmetic is std::chrono calendar arithmetic.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace claimx {

using Date = std::chrono::year_month_day;

// From coarse to fine: a grain compares less than the grains it contains.
enum class Grain { century, decade, year, half, quarter, season, month, week, weekend, day };

struct Period {
  std::chrono::sys_days day;  // any day inside the period
  Grain grain = Grain::day;
};

// The TIMEX3 value of a period: 18, 198, 2019, 2019-H1, 2019-Q3, 2019-SU, 2019-06, 2019-W22,
// 2019-W22-WE, 2019-06-01. A winter is named by the year it starts in (December), so January
// 2019 is in 2018-WI.
std::string period_value(const Period& p);

// The first day of the period (the Monday of a week, the Saturday of a weekend).
std::chrono::sys_days period_start(const Period& p);

// A TIMEX3 value as a period (only the date part; a time after T is ignored). nullopt for
// durations, sets, *_REF and values with X placeholders.
std::optional<Period> parse_period(std::string_view value);

// n units later (n < 0: earlier), keeping the period's grain. Month arithmetic clamps the day
// (March 31 minus one month is February 28/29). Units: day, week, month, quarter, half, season,
// year, decade, century.
Period shift(Period p, int n, Grain unit);

// The ISO 8601 week of a day as "YYYY-Www" (the ISO year can differ from the calendar year at
// year ends: 2019-12-30 is in 2020-W01).
std::string iso_week(std::chrono::sys_days d);

// Parses "YYYY-MM-DD" (a longer ISO timestamp is cut to its date); nullopt when invalid.
std::optional<Date> parse_iso_date(std::string_view s);

}  // namespace claimx
