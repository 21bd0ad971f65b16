#include "resolve/date_resolver.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "resolve/fields.h"

namespace claimx {

namespace {

using namespace std::chrono;

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::string iso(const Date& d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

// ISO week of a date, as "YYYY-Www".
std::string iso_week(const Date& d) {
  sys_days sd{d};
  weekday wd{sd};
  // Thursday of this ISO week decides the ISO year.
  sys_days thursday = sd - days{static_cast<int>(wd.iso_encoding()) - 1} + days{3};
  year_month_day ty{thursday};
  sys_days jan4 = sys_days{ty.year() / January / 4};
  weekday jwd{jan4};
  sys_days week1 = jan4 - days{static_cast<int>(jwd.iso_encoding()) - 1};
  int week = static_cast<int>((thursday - week1).count() / 7) + 1;
  return fmt::format("{:04}-W{:02}", static_cast<int>(ty.year()), week);
}

// Normalizes "2019-6-1" to "2019-06-01"; leaves anything else as it is.
std::string pad_value(const std::string& v) {
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i <= v.size()) {
    auto dash = v.find('-', i);
    parts.push_back(v.substr(i, dash == std::string::npos ? std::string::npos : dash - i));
    i = dash == std::string::npos ? v.size() + 1 : dash + 1;
  }
  if (parts.size() < 2 || parts.size() > 3 || !all_digits(parts[0])) return v;
  std::string out = parts[0];
  for (std::size_t k = 1; k < parts.size(); ++k) {
    out += '-';
    if (all_digits(parts[k]) && parts[k].size() == 1) out += '0';
    out += parts[k];
  }
  return out;
}

bool is_complete_day(const std::string& v) {
  return v.size() == 10 && all_digits(v.substr(0, 4)) && v[4] == '-' && all_digits(v.substr(5, 2)) && v[7] == '-' &&
         all_digits(v.substr(8, 2));
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() < 10) return std::nullopt;
  std::string v(s.substr(0, 10));
  if (!is_complete_day(v)) return std::nullopt;
  Date d{year{std::stoi(v.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(v.substr(5, 2)))},
         day{static_cast<unsigned>(std::stoi(v.substr(8, 2)))}};
  if (!d.ok()) return std::nullopt;
  return d;
}

DateValue evaluate_date_value(const std::string& expr, const std::optional<Date>& ref, const std::string& ref_anchor) {
  if (expr.rfind("REF", 0) != 0) {
    std::string v = pad_value(expr);
    return {v, "absolute"};
  }
  if (!ref) return {"", "unresolved"};
  // REF, REF+ND, REF-ND, REF+NW, REF-NM, REF+NY: offsets from the reference in days, weeks,
  // months or years; the unit also sets the value's granularity.
  std::string rest = expr.substr(3);
  if (rest.empty()) return {iso(*ref), ref_anchor};
  if ((rest[0] == '+' || rest[0] == '-') && rest.size() >= 3) {
    char unit = rest.back();
    std::string num = rest.substr(1, rest.size() - 2);
    if (all_digits(num)) {
      int n = std::stoi(num) * (rest[0] == '-' ? -1 : 1);
      switch (unit) {
        case 'D': return {iso(Date{sys_days{*ref} + days{n}}), ref_anchor};
        case 'W': return {iso_week(Date{sys_days{*ref} + days{7 * n}}), ref_anchor};
        case 'M': {
          year_month ym = year_month{ref->year(), ref->month()} + months{n};
          return {fmt::format("{:04}-{:02}", static_cast<int>(ym.year()), static_cast<unsigned>(ym.month())), ref_anchor};
        }
        case 'Y': return {fmt::format("{:04}", static_cast<int>(ref->year()) + n), ref_anchor};
        default: break;
      }
    }
  }
  return {"", "unresolved"};
}

std::vector<Record> DateResolver::run(const std::vector<Candidate>& candidates, const std::vector<Sentence>& sentences,
                                      std::string_view text) const {
  std::optional<Date> ref = ref_;
  std::string ref_anchor = "ref-date";
  if (!ref) {
    // A complete date in the opening paragraph (the dateline) fixes the article's own date.
    std::uint32_t first_paragraph_end = 0;
    for (const auto& s : sentences)
      if (s.paragraph == 0) first_paragraph_end = s.end;
    for (const auto& c : candidates) {
      if (c.begin >= first_paragraph_end) break;
      std::string v = pad_value(field_or(c, "value", text, ""));
      if (is_complete_day(v) && field_or(c, "timex", text, "DATE") == "DATE") {
        ref = parse_iso_date(v);
        ref_anchor = "article";
        break;
      }
    }
  }
  std::vector<Record> out;
  for (const auto& c : candidates) {
    Record r = base_record(c);
    r.timex = field_or(c, "timex", text, "DATE");
    r.mod = field_or(c, "mod", text, "");
    DateValue v = evaluate_date_value(field_or(c, "value", text, ""), ref, ref_anchor);
    r.value = v.value;
    r.anchor = v.anchor;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace claimx
