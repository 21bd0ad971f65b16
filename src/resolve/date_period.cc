#include "resolve/date_period.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "resolve/digits.h"

namespace claimx {

namespace {

using namespace std::chrono;

// Floor division, so that year -5 is in decade -1.
int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

constexpr const char* kSeasons[] = {"SP", "SU", "FA", "WI"};

// The season of a day: (season year, index into kSeasons). December starts the winter of its
// year; January and February finish the winter of the year before.
std::pair<int, int> season_of(sys_days d) {
  year_month_day ymd{d};
  int y = static_cast<int>(ymd.year());
  unsigned m = static_cast<unsigned>(ymd.month());
  if (m <= 2) return {y - 1, 3};
  if (m == 12) return {y, 3};
  return {y, static_cast<int>((m - 3) / 3)};
}

sys_days first_of(int y, unsigned m) { return sys_days{year{y} / month{m} / 1}; }

sys_days iso_week_monday(int iso_year, int week) {
  sys_days jan4 = sys_days{year{iso_year} / January / 4};
  sys_days week1 = jan4 - days{static_cast<int>(weekday{jan4}.iso_encoding()) - 1};
  return week1 + days{7 * (week - 1)};
}

year_month_day add_months(year_month_day ymd, int n) {
  year_month_day out = ymd + months{n};
  if (!out.ok()) out = year_month_day{year_month_day_last{out.year(), month_day_last{out.month()}}};
  return out;
}

}  // namespace

std::string iso_week(sys_days d) {
  // The Thursday of a day's ISO week decides the ISO year.
  sys_days thursday = d - days{static_cast<int>(weekday{d}.iso_encoding()) - 1} + days{3};
  int iso_year = static_cast<int>(year_month_day{thursday}.year());
  int week = static_cast<int>((thursday - iso_week_monday(iso_year, 1)).count() / 7) + 1;
  return fmt::format("{:04}-W{:02}", iso_year, week);
}

std::string period_value(const Period& p) {
  year_month_day ymd{p.day};
  int y = static_cast<int>(ymd.year());
  unsigned m = static_cast<unsigned>(ymd.month());
  switch (p.grain) {
    case Grain::century: return fmt::format("{:02}", floor_div(y, 100));
    case Grain::decade: return fmt::format("{:03}", floor_div(y, 10));
    case Grain::year: return fmt::format("{:04}", y);
    case Grain::half: return fmt::format("{:04}-H{}", y, m <= 6 ? 1 : 2);
    case Grain::quarter: return fmt::format("{:04}-Q{}", y, (m - 1) / 3 + 1);
    case Grain::season: {
      auto [sy, s] = season_of(p.day);
      return fmt::format("{:04}-{}", sy, kSeasons[s]);
    }
    case Grain::month: return fmt::format("{:04}-{:02}", y, m);
    case Grain::week: return iso_week(p.day);
    case Grain::weekend: return iso_week(p.day) + "-WE";
    case Grain::day: return fmt::format("{:04}-{:02}-{:02}", y, m, static_cast<unsigned>(ymd.day()));
  }
  return "";
}

sys_days period_start(const Period& p) {
  year_month_day ymd{p.day};
  int y = static_cast<int>(ymd.year());
  unsigned m = static_cast<unsigned>(ymd.month());
  switch (p.grain) {
    case Grain::century: return first_of(floor_div(y, 100) * 100, 1);
    case Grain::decade: return first_of(floor_div(y, 10) * 10, 1);
    case Grain::year: return first_of(y, 1);
    case Grain::half: return first_of(y, m <= 6 ? 1 : 7);
    case Grain::quarter: return first_of(y, (m - 1) / 3 * 3 + 1);
    case Grain::season: {
      auto [sy, s] = season_of(p.day);
      return first_of(sy, 3 + 3 * static_cast<unsigned>(s));
    }
    case Grain::month: return first_of(y, m);
    case Grain::week: return p.day - days{static_cast<int>(weekday{p.day}.iso_encoding()) - 1};
    case Grain::weekend: return p.day - days{static_cast<int>(weekday{p.day}.iso_encoding()) - 1} + days{5};
    case Grain::day: return p.day;
  }
  return p.day;
}

std::optional<Period> parse_period(std::string_view v) {
  if (auto t = v.find('T'); t != std::string_view::npos && t > 0) v = v.substr(0, t);
  if (v.size() == 2 && digits(v)) return Period{first_of(to_int(v) * 100, 1), Grain::century};
  if (v.size() == 3 && digits(v)) return Period{first_of(to_int(v) * 10, 1), Grain::decade};
  if (v.size() < 4 || !digits(v.substr(0, 4))) return std::nullopt;
  const int y = to_int(v.substr(0, 4));
  if (v.size() == 4) return Period{first_of(y, 1), Grain::year};
  if (v[4] != '-') return std::nullopt;
  std::string_view rest = v.substr(5);
  if (rest.size() == 2 && (rest[0] == 'H' || rest[0] == 'Q') && std::isdigit(static_cast<unsigned char>(rest[1]))) {
    int n = rest[1] - '0';
    if (rest[0] == 'H' && n >= 1 && n <= 2) return Period{first_of(y, n == 1 ? 1 : 7), Grain::half};
    if (rest[0] == 'Q' && n >= 1 && n <= 4) return Period{first_of(y, static_cast<unsigned>(3 * n - 2)), Grain::quarter};
    return std::nullopt;
  }
  for (int s = 0; s < 4; ++s)
    if (rest == kSeasons[s]) return Period{first_of(y, 3 + 3 * static_cast<unsigned>(s)), Grain::season};
  if (rest.size() >= 3 && rest[0] == 'W' && digits(rest.substr(1, 2))) {
    int w = to_int(rest.substr(1, 2));
    if (w < 1 || w > 53) return std::nullopt;
    if (rest.size() == 3) return Period{iso_week_monday(y, w), Grain::week};
    if (rest.substr(3) == "-WE") return Period{iso_week_monday(y, w) + days{5}, Grain::weekend};
    return std::nullopt;
  }
  if (rest.size() == 2 && digits(rest)) {
    unsigned m = static_cast<unsigned>(to_int(rest));
    if (m < 1 || m > 12) return std::nullopt;
    return Period{first_of(y, m), Grain::month};
  }
  if (rest.size() == 5 && digits(rest.substr(0, 2)) && rest[2] == '-' && digits(rest.substr(3))) {
    year_month_day d{year{y}, month{static_cast<unsigned>(to_int(rest.substr(0, 2)))},
                     day{static_cast<unsigned>(to_int(rest.substr(3)))}};
    if (!d.ok()) return std::nullopt;
    return Period{sys_days{d}, Grain::day};
  }
  return std::nullopt;
}

Period shift(Period p, int n, Grain unit) {
  year_month_day ymd{p.day};
  switch (unit) {
    case Grain::day: p.day += days{n}; break;
    case Grain::week: case Grain::weekend: p.day += days{7 * n}; break;
    case Grain::month: p.day = sys_days{add_months(ymd, n)}; break;
    case Grain::quarter: case Grain::season: p.day = sys_days{add_months(ymd, 3 * n)}; break;
    case Grain::half: p.day = sys_days{add_months(ymd, 6 * n)}; break;
    case Grain::year: p.day = sys_days{add_months(ymd, 12 * n)}; break;
    case Grain::decade: p.day = sys_days{add_months(ymd, 120 * n)}; break;
    case Grain::century: p.day = sys_days{add_months(ymd, 1200 * n)}; break;
  }
  return p;
}

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() < 10) return std::nullopt;
  auto p = parse_period(s.substr(0, 10));
  if (!p || p->grain != Grain::day) return std::nullopt;
  return Date{p->day};
}

}  // namespace claimx
