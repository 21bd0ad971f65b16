#include "resolve/fields.h"

#include "match/word_list.h"

namespace claimx {

std::string expand_template(const Template& t, const Candidate& c, std::string_view text) {
  std::string out;
  for (const auto& part : t.parts) {
    if (part.group < 0) {
      out += part.literal;
      continue;
    }
    const auto& g = c.groups[part.group];
    if (!g.present()) continue;
    std::string_view s = text.substr(g.begin, g.end - g.begin);
    if (part.list != nullptr) {
      if (const std::string* v = part.list->find(s)) {
        out += *v;
        continue;
      }
      // Lists write compounds hyphenated ("twenty-four"); text also writes them with a space.
      if (s.find(' ') != std::string_view::npos) {
        std::string hyphened(s);
        for (char& ch : hyphened)
          if (ch == ' ') ch = '-';
        if (const std::string* v = part.list->find(hyphened)) {
          out += *v;
          continue;
        }
      }
    }
    out += s;
  }
  return out;
}

std::string field_or(const Candidate& c, const std::string& field, std::string_view text, std::string fallback) {
  auto it = c.rule->fields.find(field);
  return it == c.rule->fields.end() ? fallback : expand_template(it->second, c, text);
}

ByteSpan group_span(const Candidate& c, const std::string& name) {
  int i = c.rule->group_index(name);
  if (i < 0 || !c.groups[i].present()) return {};
  return {static_cast<std::uint32_t>(c.groups[i].begin), static_cast<std::uint32_t>(c.groups[i].end)};
}

std::string_view group_text(const Candidate& c, const std::string& name, std::string_view text) {
  ByteSpan s = group_span(c, name);
  return text.substr(s.begin, s.end - s.begin);
}

Record base_record(const Candidate& c) {
  Record r;
  r.type = c.rule->type;
  r.span = {c.begin, c.end};
  r.sentence = c.sentence;
  r.rule = c.rule;
  for (std::size_t i = 1; i < c.groups.size(); ++i)
    if (!c.rule->group_names[i].empty() && c.groups[i].present())
      r.groups.emplace_back(c.rule->group_names[i], ByteSpan{static_cast<std::uint32_t>(c.groups[i].begin),
                                                             static_cast<std::uint32_t>(c.groups[i].end)});
  return r;
}

}  // namespace claimx
