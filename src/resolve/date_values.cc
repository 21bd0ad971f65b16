#include "resolve/date_values.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "resolve/digits.h"

namespace claimx {

namespace {

using namespace std::chrono;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// "2019-6-1" -> "2019-06-01", "XXXX-5-30" -> "XXXX-05-30": one-digit parts after the year get a zero.
std::string pad_date(const std::string& v) {
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i <= v.size()) {
    auto dash = v.find('-', i);
    parts.push_back(v.substr(i, dash == std::string::npos ? std::string::npos : dash - i));
    i = dash == std::string::npos ? v.size() + 1 : dash + 1;
  }
  if (parts.size() < 2 || !(digits(parts[0]) || parts[0] == "XXXX" || starts_with(parts[0], "XX"))) return v;
  // Only a month and a day are padded: after "WXX" or "W22" comes a weekday digit.
  std::string out = parts[0];
  for (std::size_t k = 1; k < parts.size(); ++k) {
    bool pad = digits(parts[k]) && parts[k].size() == 1 && (k == 1 || digits(parts[1]));
    out += (pad ? "-0" : "-") + parts[k];
  }
  return out;
}

// The date part and the time part ("T..." without the T) of a value. The T of a time follows a
// digit or an X ("2019-06-01T17:00", "XXXX-WXX-1TNI"); a leading T is a bare time.
std::pair<std::string, std::string> split_time(const std::string& v) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i] == 'T' && (i == 0 || std::isdigit(static_cast<unsigned char>(v[i - 1])) || v[i - 1] == 'X'))
      return {v.substr(0, i), v.substr(i + 1)};
  return {v, ""};
}

// ---- names: the underspecified values selectors pick from ----

enum class Cycle { year, week, century };

struct Name {
  Grain grain = Grain::day;
  Cycle cycle = Cycle::year;
  int a = 0, b = 0, c = 0;  // month/day, weekday, season index, quarter, half, yy, decade digit
  enum Kind { month, monthday, weekday, season, quarter, half, year2, decade1, date2, month2, nthday } kind = month;
  std::string text;  // normalized, for unresolved output
};

// A weekday of a month counted from its start or end, as movable holidays are, written like
// cron's: "4#4" the fourth Thursday, "1#L" the last Monday (ISO weekday, '#', 1-5 or L). Sets `wd`
// and `nth` (0 for the last).
bool parse_nth_weekday(std::string_view code, int& wd, int& nth) {
  if (code.size() != 3 || code[0] < '1' || code[0] > '7' || code[1] != '#') return false;
  wd = code[0] - '0';
  if (code[2] == 'L') return nth = 0, true;
  if (code[2] < '1' || code[2] > '5') return false;
  return nth = code[2] - '0', true;
}

std::optional<year_month_day> nth_weekday_of(int y, int m, int wd, int nth) {
  const weekday w{static_cast<unsigned>(wd % 7)};
  const year_month ym{year{y}, month{static_cast<unsigned>(m)}};
  year_month_day d = nth == 0 ? year_month_day{sys_days{ym / w[last]}} : year_month_day{sys_days{ym / w[static_cast<unsigned>(nth)]}};
  if (!d.ok() || d.month() != month{static_cast<unsigned>(m)}) return std::nullopt;
  return d;
}

std::optional<Name> parse_name(const std::string& raw) {
  std::string s = pad_date(raw);
  Name n;
  n.text = s;
  if (starts_with(s, "XXXX-")) {
    std::string r = s.substr(5);
    static const char* seasons[] = {"SP", "SU", "FA", "WI"};
    for (int i = 0; i < 4; ++i)
      if (r == seasons[i]) return n.kind = Name::season, n.grain = Grain::season, n.a = i, n;
    if (r.size() == 2 && (r[0] == 'Q' || r[0] == 'H') && std::isdigit(static_cast<unsigned char>(r[1]))) {
      n.a = r[1] - '0';
      if (r[0] == 'Q' && n.a >= 1 && n.a <= 4) return n.kind = Name::quarter, n.grain = Grain::quarter, n;
      if (r[0] == 'H' && n.a >= 1 && n.a <= 2) return n.kind = Name::half, n.grain = Grain::half, n;
      return std::nullopt;
    }
    if (starts_with(r, "WXX-") && r.size() == 5 && r[4] >= '1' && r[4] <= '7')
      return n.kind = Name::weekday, n.cycle = Cycle::week, n.grain = Grain::day, n.a = r[4] - '0', n;
    if (r.size() >= 2 && digits(r.substr(0, 2))) {
      n.a = to_int(r.substr(0, 2));
      if (n.a < 1 || n.a > 12) return std::nullopt;
      if (r.size() == 2) return n.kind = Name::month, n.grain = Grain::month, n;
      if (r.size() == 6 && r[2] == '-' && parse_nth_weekday(r.substr(3), n.b, n.c))
        return n.kind = Name::nthday, n.grain = Grain::day, n;
      if (r.size() == 5 && r[2] == '-' && digits(r.substr(3))) {
        n.b = to_int(r.substr(3));
        if (n.b < 1 || n.b > 31) return std::nullopt;
        return n.kind = Name::monthday, n.grain = Grain::day, n;
      }
    }
    return std::nullopt;
  }
  if (starts_with(s, "XX")) {
    std::string r = s.substr(2);
    n.cycle = Cycle::century;
    if (r.size() == 1 && digits(r)) return n.kind = Name::decade1, n.grain = Grain::decade, n.a = to_int(r), n;
    if (r.size() < 2 || !digits(r.substr(0, 2))) return std::nullopt;
    n.a = to_int(r.substr(0, 2));
    if (r.size() == 2) return n.kind = Name::year2, n.grain = Grain::year, n;
    if (r.size() >= 5 && r[2] == '-' && digits(r.substr(3, 2))) {
      n.b = to_int(r.substr(3, 2));
      if (n.b < 1 || n.b > 12) return std::nullopt;
      if (r.size() == 5) return n.kind = Name::month2, n.grain = Grain::month, n;
      if (r.size() == 8 && r[5] == '-' && digits(r.substr(6))) return n.kind = Name::date2, n.grain = Grain::day, n.c = to_int(r.substr(6)), n;
    }
  }
  return std::nullopt;
}

// The occurrences of a name around `around`, in time order.
std::vector<Period> occurrences(const Name& n, sys_days around) {
  std::vector<Period> out;
  const int y = static_cast<int>(year_month_day{around}.year());
  auto add = [&](year_month_day d) {
    if (d.ok()) out.push_back({sys_days{d}, n.grain});
  };
  switch (n.cycle) {
    case Cycle::week:
      for (int k = -7; k <= 7; ++k) {
        sys_days d = around + days{k};
        if (static_cast<int>(weekday{d}.iso_encoding()) == n.a) out.push_back({d, Grain::day});
      }
      break;
    case Cycle::year: {
      const int span = n.kind == Name::monthday && n.a == 2 && n.b == 29 ? 8 : 2;  // leap days are rare
      for (int yy = y - span; yy <= y + span; ++yy) {
        switch (n.kind) {
          case Name::month: add(year{yy} / month{static_cast<unsigned>(n.a)} / 1); break;
          case Name::monthday: add(year{yy} / month{static_cast<unsigned>(n.a)} / day{static_cast<unsigned>(n.b)}); break;
          case Name::nthday:
            if (auto d = nth_weekday_of(yy, n.a, n.b, n.c)) add(*d);
            break;
          case Name::season: add(year{yy} / month{static_cast<unsigned>(3 + 3 * n.a)} / 1); break;
          case Name::quarter: add(year{yy} / month{static_cast<unsigned>(3 * n.a - 2)} / 1); break;
          case Name::half: add(year{yy} / month{n.a == 1 ? 1u : 7u} / 1); break;
          default: break;
        }
      }
      break;
    }
    case Cycle::century: {
      const int c = (y >= 0 ? y : y - 99) / 100;
      for (int cc = c - 1; cc <= c + 1; ++cc) {
        const int base = cc * 100;
        switch (n.kind) {
          case Name::year2: add(year{base + n.a} / January / 1); break;
          case Name::decade1: add(year{base + 10 * n.a} / January / 1); break;
          case Name::month2: add(year{base + n.a} / month{static_cast<unsigned>(n.b)} / 1); break;
          case Name::date2: add(year{base + n.a} / month{static_cast<unsigned>(n.b)} / day{static_cast<unsigned>(n.c)}); break;
          default: break;
        }
      }
      break;
    }
  }
  return out;
}

// Picks the occurrence of `n` that `op` names, seen from `cur`:
//   <  the latest strictly before the current period of the same grain ("last October")
//   >  the earliest strictly after it ("next October")
//   =  the one inside the current year (ISO week for weekdays, century for XX values)
//   ~  by tense: past = latest on or before, future = earliest on or after; with no tense, the
//      nearest (months, seasons, month-days, two-digit years), or for weekdays, quarters, halves
//      and decades the latest on or before (news reports the past: results of "the third
//      quarter" come after it).
// `tense` is the one that applies to this name: the caller passes unknown where tense is not used.
// `lean`: the sentence's tense for a calendar name the rule left to `~`. It overrides the nearest
// occurrence only when that one lies more than kLeanReach away across the reference date:
// "resigned in March" written in November is last March, but "said it would close Nov. 6" written
// on Oct. 30 is this November (measured on TimeBank: a past-tense cue before a near future date is
// usually a "said" reporting it).
constexpr days kLeanReach{60};

std::optional<Period> select(const Period& cur, char op, const Name& n, Tense tense, Tense lean = Tense::unknown) {
  const auto occ = occurrences(n, cur.day);
  const sys_days here = period_start({cur.day, n.grain});
  const int cur_year = static_cast<int>(year_month_day{cur.day}.year());
  auto latest = [&](bool inclusive) -> std::optional<Period> {
    std::optional<Period> best;
    for (const auto& p : occ)
      if (p.day < here || (inclusive && p.day == here)) best = p;
    return best;
  };
  auto earliest = [&](bool inclusive) -> std::optional<Period> {
    for (const auto& p : occ)
      if (p.day > here || (inclusive && p.day == here)) return p;
    return std::nullopt;
  };
  auto same_unit = [&]() -> std::optional<Period> {
    for (const auto& p : occ) {
      year_month_day d{p.day};
      if (n.cycle == Cycle::year && static_cast<int>(d.year()) == cur_year) return p;
      if (n.cycle == Cycle::week && iso_week(p.day) == iso_week(cur.day)) return p;
      if (n.cycle == Cycle::century && static_cast<int>(d.year()) / 100 == cur_year / 100) return p;
    }
    return std::nullopt;
  };
  switch (op) {
    case '<': return latest(false);
    case '>': return earliest(false);
    case '=': return same_unit();
    default: break;
  }
  auto nearest = [&]() -> std::optional<Period> {
    std::optional<Period> best;
    for (const auto& p : occ)
      if (!best || std::abs((p.day - here).count()) < std::abs((best->day - here).count())) best = p;
    return best;
  };
  if (tense == Tense::past) return latest(true);
  if (tense == Tense::future) return earliest(true);
  if (n.cycle == Cycle::week || n.kind == Name::decade1 || n.kind == Name::quarter || n.kind == Name::half)
    return latest(true);
  auto best = nearest();
  if (best && lean == Tense::past && best->day - cur.day > kLeanReach)
    if (auto before = latest(true)) return before;
  if (best && lean == Tense::future && cur.day - best->day > kLeanReach)
    if (auto after = earliest(true)) return after;
  return best;
}

// Unit and grain codes: CE century, DE decade, Y, HY half year, Q quarter, SE season, M month,
// W week, WE weekend, D day (the duration codes of date_units.tsv, plus HY, SE and WE).
bool grain_of(std::string_view s, Grain& g) {
  static const std::pair<const char*, Grain> table[] = {
      {"CE", Grain::century}, {"DE", Grain::decade}, {"Y", Grain::year}, {"HY", Grain::half}, {"Q", Grain::quarter},
      {"SE", Grain::season}, {"M", Grain::month}, {"WE", Grain::weekend}, {"W", Grain::week}, {"D", Grain::day}};
  for (const auto& [k, v] : table)
    if (s == k) return g = v, true;
  return false;
}

struct Step {
  char op = 0;  // + - (shift), < > = ~ (select) or ^ (the same period in year n)
  double n = 0;
  Grain unit = Grain::day;
  Name name;
};

// A fractional shift in a unit that splits evenly into a smaller one (half a year: 6 months).
bool whole_shift(Step& s) {
  if (s.n == std::floor(s.n)) return true;
  static const std::tuple<Grain, Grain, int> splits[] = {{Grain::century, Grain::year, 100}, {Grain::decade, Grain::year, 10},
                                                         {Grain::year, Grain::month, 12}, {Grain::half, Grain::month, 6},
                                                         {Grain::quarter, Grain::month, 3}, {Grain::week, Grain::day, 7}};
  for (const auto& [from, to, k] : splits)
    if (s.unit == from && std::fabs(s.n * k - std::round(s.n * k)) < 1e-6) {
      s.n = std::round(s.n * k);
      s.unit = to;
      return true;
    }
  return false;
}

DateValue null_value() { return {"", "unresolved"}; }

// `strict`: a PREV or NEAR without its date fails (nullopt) instead of falling back to REF.
std::optional<DateValue> evaluate_relative(const std::string& e, const ValueContext& ctx, bool strict) {
  // base
  std::string base = starts_with(e, "PREV") ? "PREV" : starts_with(e, "NEAR") ? "NEAR" : "REF";
  std::size_t i = base.size();
  std::vector<Step> steps;
  std::optional<Grain> at;
  std::string time;
  while (i < e.size()) {
    char c = e[i];
    if (c == '+' || c == '-') {
      Step s;
      s.op = c;
      std::size_t j = i + 1;
      while (j < e.size() && (std::isdigit(static_cast<unsigned char>(e[j])) || e[j] == '.' || e[j] == ',')) ++j;
      std::string num = e.substr(i + 1, j - i - 1);
      num.erase(std::remove(num.begin(), num.end(), ','), num.end());
      if (num.empty()) return null_value();
      s.n = std::stod(num) * (c == '-' ? -1 : 1);
      std::size_t k = j;
      while (k < e.size() && std::isupper(static_cast<unsigned char>(e[k])) && e[k] != 'T') ++k;
      std::string unit = e.substr(j, k - j);
      // Hours, minutes and seconds move a day-grained value only by the whole days they make
      // ("two hours ago" is still today).
      if (unit == "H" || unit == "MIN" || unit == "S") {
        s.n = std::trunc(s.n / (unit == "H" ? 24 : unit == "MIN" ? 1440 : 86400));
        s.unit = Grain::day;
      } else if (!grain_of(unit, s.unit) || !whole_shift(s)) {
        return null_value();
      }
      steps.push_back(s);
      i = k;
    } else if (c == '^') {
      // "^1988": the same part of another year ("the 1988 quarter" after "the third quarter").
      std::size_t j = i + 1;
      while (j < e.size() && std::isdigit(static_cast<unsigned char>(e[j]))) ++j;
      if (j - i - 1 != 4) return null_value();
      Step s;
      s.op = '^';
      s.n = to_int(e.substr(i + 1, 4));
      steps.push_back(s);
      i = j;
    } else if (c == '<' || c == '>' || c == '=' || c == '~') {
      // The name runs to the next operator; a '-' starts a shift only when a number and a unit
      // follow ("XXXX-WXX-2-1D": the day before that Tuesday), as the name's own parts are
      // numbers or X/W/Q codes alone.
      auto shift_at = [&](std::size_t k) {
        if (e[k] != '+' && e[k] != '-') return false;
        std::size_t m = k + 1;
        while (m < e.size() && std::isdigit(static_cast<unsigned char>(e[m]))) ++m;
        return m > k + 1 && m < e.size() && std::isupper(static_cast<unsigned char>(e[m])) && e[m] != 'T';
      };
      std::size_t j = i + 1;
      while (j < e.size() && e[j] != '@' && e[j] != 'T' && e[j] != '<' && e[j] != '>' && e[j] != '=' && e[j] != '~' &&
             !shift_at(j))
        ++j;
      auto name = parse_name(e.substr(i + 1, j - i - 1));
      if (!name) return null_value();
      Step s;
      s.op = c;
      s.name = *name;
      steps.push_back(s);
      i = j;
    } else if (c == '@') {
      std::size_t j = i + 1;
      while (j < e.size() && std::isupper(static_cast<unsigned char>(e[j])) && e[j] != 'T') ++j;
      Grain g;
      if (!grain_of(e.substr(i + 1, j - i - 1), g)) return null_value();
      at = g;
      i = j;
    } else if (c == 'T') {
      auto t = normalize_time(e.substr(i + 1));
      if (!t) return null_value();
      time = *t;
      break;
    } else {
      return null_value();
    }
  }

  // The period the expression starts from.
  std::optional<Period> p;
  std::string anchor;
  bool anaphoric = false;
  auto take = [&](const ResolvedDate& d) {
    p = d.period;
    anchor = d.anchor == "ref-date" ? "ref-date" : "article";
    anaphoric = true;
  };
  if (base == "NEAR" && ctx.near) take(*ctx.near);
  if (base == "PREV" && ctx.previous) {
    Grain need = at ? *at : !time.empty() ? Grain::day : Grain::century;
    if (auto d = ctx.previous(need)) take(*d);
  }
  if (!p && strict && base != "REF") return std::nullopt;
  if (!p) {
    if (!ctx.ref) {
      // A calendar name without its year keeps its X form ("May 30" -> XXXX-05-30).
      if (steps.size() == 1 && steps[0].op == '~' && steps[0].name.cycle == Cycle::year && !at)
        return DateValue{steps[0].name.text + (time.empty() ? "" : "T" + time), "unresolved"};
      return null_value();
    }
    p = Period{sys_days{*ctx.ref}, Grain::day};
    anchor = ctx.ref_anchor;
  }
  for (const auto& s : steps) {
    if (s.op == '+' || s.op == '-') {
      Grain keep = p->grain;
      p = shift(*p, static_cast<int>(s.n), s.unit);
      p->grain = anaphoric ? keep : s.unit;
    } else if (s.op == '^') {
      const int from = static_cast<int>(year_month_day{p->day}.year());
      p = shift(*p, static_cast<int>(s.n) - from, Grain::year);
    } else {
      // The sentence's tense decides only between two weekdays; for months, quarters and
      // month-days the nearest occurrence is right more often (measured on TimeBank) unless the
      // rule states the tense itself.
      Tense t = s.name.cycle == Cycle::week || ctx.tense_from_rule ? ctx.tense : Tense::unknown;
      Tense lean = s.name.cycle == Cycle::year && !ctx.tense_from_rule ? ctx.tense : Tense::unknown;
      p = select(*p, s.op, s.name, t, lean);
      if (!p) return null_value();
    }
  }
  if (at) p->grain = *at;
  std::string v = period_value(*p);
  if (!time.empty() && p->grain == Grain::day) v += "T" + time;
  // Only a shifted PREV ("a year earlier", "the 1988 quarter") is a new period; "the quarter", "that day" name the
  // period mentioned before and may stand as the antecedent of a later "a year ago".
  const bool moved = std::any_of(steps.begin(), steps.end(), [](const Step& s) { return s.op == '+' || s.op == '-' || s.op == '^'; });
  return DateValue{v, anchor, anaphoric && base == "PREV" && moved};
}

}  // namespace

std::optional<std::string> normalize_time(const std::string& raw) {
  static const char* parts[] = {"MO", "MI", "AF", "EV", "NI", "DT"};
  for (const char* p : parts)
    if (raw == p) return raw;
  std::string t;
  for (char c : raw)
    if (c != '.' && c != ' ') t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  int ampm = 0;  // 1 am, 2 pm
  if (t.size() > 2 && (t.substr(t.size() - 2) == "am" || t.substr(t.size() - 2) == "pm")) {
    ampm = t[t.size() - 2] == 'a' ? 1 : 2;
    t.resize(t.size() - 2);
  }
  std::vector<std::string> f;
  std::size_t i = 0;
  while (i <= t.size()) {
    auto colon = t.find(':', i);
    f.push_back(t.substr(i, colon == std::string::npos ? std::string::npos : colon - i));
    i = colon == std::string::npos ? t.size() + 1 : colon + 1;
  }
  if (f.size() == 2 && f[1].empty()) f.pop_back();  // a rule's "{h}:{m}" without minutes
  if (f.size() == 1 && f[0].size() == 4 && digits(f[0])) f = {f[0].substr(0, 2), f[0].substr(2)};  // 0915 GMT
  if (f.size() > 3 || !std::all_of(f.begin(), f.end(), [](const std::string& s) { return digits(s) && s.size() <= 2; }) ||
      (f.size() > 1 && f[1].size() != 2))
    return std::nullopt;
  int h = to_int(f[0]), m = f.size() > 1 ? to_int(f[1]) : 0;
  if (m > 59 || h > 24 || (ampm && (h < 1 || h > 12))) return std::nullopt;
  if (ampm == 1 && h == 12) h = 0;
  if (ampm == 2 && h < 12) h += 12;
  std::string out = fmt::format("{:02}:{:02}", h, m);
  if (f.size() == 3) out += ":" + f[2];
  return out;
}

std::optional<std::string> normalize_duration(const std::string& v) {
  if (v.size() < 3 || v[0] != 'P') return std::nullopt;
  std::size_t i = 1;
  bool t = false;
  if (v[i] == 'T') t = true, ++i;
  std::size_t j = i;
  while (j < v.size() && (std::isdigit(static_cast<unsigned char>(v[j])) || v[j] == '.' || v[j] == ',' || v[j] == 'X')) ++j;
  std::string num = v.substr(i, j - i), unit = v.substr(j);
  num.erase(std::remove(num.begin(), num.end(), ','), num.end());
  if (num.empty() || unit.empty()) return std::nullopt;
  if (!std::all_of(unit.begin(), unit.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); })) {
    // A composite written by the rule ("PT3H12M", "PT2H05M17S"): only drop leading zeros.
    std::string out;
    for (std::size_t k = 0; k < v.size(); ++k) {
      bool number_start = std::isdigit(static_cast<unsigned char>(v[k])) && (k == 0 || !std::isdigit(static_cast<unsigned char>(v[k - 1])));
      if (number_start && v[k] == '0' && k + 1 < v.size() && std::isdigit(static_cast<unsigned char>(v[k + 1]))) continue;
      out += v[k];
    }
    return out;
  }
  // Units: date units Y M W D Q, scaled DE/E (decade) CE/C (century) L (millennium), time units
  // H MIN S; after a T, M is minutes.
  if (t && unit == "M") unit = "MIN";
  double scale = 1;
  if (unit == "DE" || unit == "E") unit = "Y", scale = 10;
  if (unit == "CE" || unit == "C") unit = "Y", scale = 100;
  if (unit == "L") unit = "Y", scale = 1000;
  static const char* known[] = {"Y", "M", "W", "D", "Q", "H", "MIN", "S"};
  if (std::none_of(std::begin(known), std::end(known), [&](const char* k) { return unit == k; })) return std::nullopt;
  auto emit = [](const std::vector<std::pair<std::string, std::string>>& parts) {
    std::string date, time;
    for (const auto& [n, u] : parts) {
      if (u == "H" || u == "MIN" || u == "S") time += n + (u == "MIN" ? "M" : u);
      else date += n + u;
    }
    return "P" + date + (time.empty() ? "" : "T" + time);
  };
  if (num == "X") return emit({{"X", unit}});
  if (!std::all_of(num.begin(), num.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; }) ||
      std::count(num.begin(), num.end(), '.') > 1)
    return std::nullopt;
  double n = std::stod(num) * scale;
  auto fmt_num = [](double x) {
    if (x == std::floor(x)) return fmt::format("{}", static_cast<long long>(x));
    return fmt::format("{}", x);
  };
  if (n != std::floor(n)) {
    // A fraction goes into the next smaller unit when it fits there: 2.5 years = 2 years 6 months.
    static const std::tuple<const char*, const char*, int> splits[] = {
        {"Y", "M", 12}, {"W", "D", 7}, {"D", "H", 24}, {"H", "MIN", 60}, {"MIN", "S", 60}};
    for (const auto& [from, to, k] : splits) {
      double rest = (n - std::floor(n)) * k;
      if (unit == from && std::fabs(rest - std::round(rest)) < 1e-6) {
        std::vector<std::pair<std::string, std::string>> parts;
        if (std::floor(n) > 0) parts.emplace_back(fmt_num(std::floor(n)), unit);
        parts.emplace_back(fmt_num(std::round(rest)), to);
        return emit(parts);
      }
    }
  }
  return emit({{fmt_num(n), unit}});
}

DateValue evaluate_date_value(const std::string& raw, const ValueContext& ctx) {
  std::string e;
  for (char c : raw)
    if (c != ' ') e += c;
  if (e.empty()) return null_value();
  if (e == "PRESENT_REF" || e == "PAST_REF" || e == "FUTURE_REF") return {e, ctx.ref ? ctx.ref_anchor : "unresolved"};
  if (starts_with(e, "REF") || starts_with(e, "PREV") || starts_with(e, "NEAR")) {
    // Alternatives "A|B": the first whose anaphora finds its date; the last falls back to REF.
    std::size_t from = 0;
    while (true) {
      std::size_t bar = e.find('|', from);
      std::string alt = e.substr(from, bar == std::string::npos ? std::string::npos : bar - from);
      if (auto v = evaluate_relative(alt, ctx, bar != std::string::npos)) return *v;
      from = bar + 1;
    }
  }
  if (e[0] == 'P' && e.size() > 1 && (std::isdigit(static_cast<unsigned char>(e[1])) || e[1] == 'X' || e[1] == 'T' || e[1] == '.'))
    return {normalize_duration(e).value_or(e), "absolute"};
  auto [date, time] = split_time(e);
  std::string v = pad_date(date);
  // A weekday of a month, maybe moved by days: "2019-11-4#4" (Thanksgiving), "1998-11-1#1+1D" (the
  // Tuesday after the first Monday: US Election Day).
  int move = 0;
  if (v.size() > 11 && (v[11] == '+' || v[11] == '-') && v.back() == 'D' && v.size() > 13 && digits(v.substr(12, v.size() - 13))) {
    move = to_int(v.substr(12, v.size() - 13)) * (v[11] == '-' ? -1 : 1);
    v.resize(11);
  }
  if (v.size() == 11 && digits(v.substr(0, 4)) && v[4] == '-' && digits(v.substr(5, 2)) && v[7] == '-') {
    int wd = 0, nth = 0;
    if (parse_nth_weekday(v.substr(8), wd, nth))
      if (auto d = nth_weekday_of(to_int(v.substr(0, 4)), to_int(v.substr(5, 2)), wd, nth)) {
        const year_month_day m{sys_days{*d} + days{move}};
        v = fmt::format("{:04}-{:02}-{:02}", static_cast<int>(m.year()), static_cast<unsigned>(m.month()), static_cast<unsigned>(m.day()));
      }
  }
  if (!time.empty()) v += "T" + normalize_time(time).value_or(time);
  return {v, "absolute"};
}

DateValue evaluate_date_value(const std::string& expr, const std::optional<Date>& ref, const std::string& ref_anchor) {
  ValueContext ctx;
  ctx.ref = ref;
  ctx.ref_anchor = ref_anchor;
  return evaluate_date_value(expr, ctx);
}

}  // namespace claimx
