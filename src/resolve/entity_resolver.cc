#include "resolve/entity_resolver.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include <unicode/unistr.h>

#include "match/word_list.h"
#include "resolve/fields.h"
#include "resolve/slug.h"

namespace claimx {

namespace {

// A word of a mention: its bytes in the match text and its lookup form.
struct Word {
  std::uint32_t begin = 0, end = 0;
  std::string folded;
};

struct Mention {
  Record record;
  std::vector<Word> words;
  bool partial = false;
  bool headline = false;
  bool dropped = false;
};

std::vector<Word> words_of(std::string_view text, ByteSpan span) {
  std::vector<Word> out;
  std::uint32_t i = span.begin;
  while (i < span.end) {
    while (i < span.end && text[i] == ' ') ++i;
    std::uint32_t j = i;
    while (j < span.end && text[j] != ' ') ++j;
    if (j > i) out.push_back({i, j, fold_case(text.substr(i, j - i))});
    i = j;
  }
  return out;
}

NameWords folded(const std::vector<Word>& words, std::size_t b = 0, std::size_t e = std::string::npos) {
  NameWords out;
  for (std::size_t i = b; i < std::min(e, words.size()); ++i) out.push_back(words[i].folded);
  return out;
}

// Keeps words [b, e) of a mention: its span, text and words shrink to them.
void keep_words(Mention& m, std::size_t b, std::size_t e, std::string_view text) {
  m.words = std::vector<Word>(m.words.begin() + b, m.words.begin() + e);
  m.record.span = {m.words.front().begin, m.words.back().end};
  m.record.name = std::string(text.substr(m.record.span.begin, m.record.span.end - m.record.span.begin));
}

bool is_person(const Mention& m) { return m.record.type == RecordType::person; }

// A headline person name longer than any form the body uses is cut back to the longest form of
// the body it starts with: title-case headlines run names into the words after them.
void trim_headline_names(std::vector<Mention>& mentions, std::string_view text) {
  std::set<NameWords> body_forms;
  for (const auto& m : mentions)
    if (is_person(m) && !m.partial && !m.headline) body_forms.insert(folded(m.words));
  for (auto& m : mentions) {
    if (!is_person(m) || !m.headline || m.words.size() < 2 || body_forms.count(folded(m.words))) continue;
    // The longest leading run of words that the body writes as a name or inside one: "Talbrook
    // Quist Meets Dennis" keeps "Talbrook Quist" when the body has "Nora Talbrook Quist".
    auto in_body = [&](const NameWords& run) {
      for (const auto& form : body_forms)
        if (std::search(form.begin(), form.end(), run.begin(), run.end()) != form.end()) return true;
      return false;
    };
    for (std::size_t len = m.words.size() - 1; len >= 1; --len)
      if (in_body(folded(m.words, 0, len))) {
        keep_words(m, 0, len, text);
        break;
      }
  }
}

// A one-word place that is the last word of a person's name in the document names that person
// ("Washington" after "MaliVai Washington", "Clinton" after "President Clinton").
void retype_places_named_like_people(std::vector<Mention>& mentions) {
  std::set<std::string> surnames;
  for (const auto& m : mentions)
    if (is_person(m) && !m.partial) surnames.insert(m.words.back().folded);
  for (auto& m : mentions)
    if (m.record.type == RecordType::place && m.words.size() == 1 && surnames.count(m.words[0].folded)) {
      m.record.type = RecordType::person;
      m.record.kind.clear();
    }
}

// A name that some rule read as an organization is that organization everywhere in the document:
// gazetteers read "Surrey" or "Nice" as places, while a results line ("Surrey 282 and 160") or a
// suffix shows the team or company the article is about.
// A person name that is also the name of a place or organization of the document, or the start of
// a place's name, is that place or organization: "San Rafael's east wing" ("San" is a given name)
// after "San Rafael General Hospital".
void retype_people_named_like_things(std::vector<Mention>& mentions) {
  std::vector<const Mention*> things;
  for (const auto& m : mentions)
    if (!is_person(m) && !m.partial) things.push_back(&m);
  for (auto& m : mentions) {
    if (!is_person(m) || m.partial || m.words.size() < 2) continue;
    for (const Mention* t : things) {
      bool prefix = t->words.size() >= m.words.size() &&
                    (t->words.size() == m.words.size() || t->record.type == RecordType::place);
      for (std::size_t k = 0; k < m.words.size() && prefix; ++k) prefix = t->words[k].folded == m.words[k].folded;
      if (!prefix) continue;
      m.record.type = t->record.type;
      m.record.name = t->record.name;
      m.record.kind = t->record.kind;
      break;
    }
  }
}

// A place from a rule stronger than the gazetteers (a dateline, "X prison") keeps its type.
constexpr int kGazetteerPriority = 50;

void retype_places_named_like_orgs(std::vector<Mention>& mentions) {
  std::map<NameWords, const Mention*> orgs;
  for (const auto& m : mentions)
    if (m.record.type == RecordType::org && !m.partial) orgs.emplace(folded(m.words), &m);
  for (auto& m : mentions) {
    if (m.record.type != RecordType::place || m.record.rule->priority > kGazetteerPriority) continue;
    auto it = orgs.find(folded(m.words));
    if (it == orgs.end()) continue;
    m.record.type = RecordType::org;
    m.record.name = it->second->record.name;
    m.record.kind.clear();
  }
}

// Orgs and places a partial mention may repeat: their folded names, with the mention to copy.
class NamedThings {
 public:
  void add(const Mention& m) { things_.push_back(&m); }
  // The nearest org or place whose name equals words [b, e) of `words`, or (two words or more)
  // starts with them; the longest such run of `words` wins. Sets b, e to the run.
  const Mention* find(const std::vector<Word>& words, std::uint32_t pos, std::size_t& b, std::size_t& e) const {
    for (std::size_t len = words.size(); len >= 1; --len)
      for (std::size_t s = 0; s + len <= words.size(); ++s) {
        const Mention* best = nullptr;
        std::uint32_t best_d = 0;
        for (const Mention* t : things_) {
          if (t->words.size() < len || (len < 2 && t->words.size() != len)) continue;
          bool ok = true;
          for (std::size_t k = 0; k < len && ok; ++k) ok = t->words[k].folded == words[s + k].folded;
          if (!ok) continue;
          std::uint32_t d = t->record.span.begin > pos ? t->record.span.begin - pos : pos - t->record.span.begin;
          if (best == nullptr || d < best_d) {
            best = t;
            best_d = d;
          }
        }
        if (best != nullptr) {
          b = s;
          e = s + len;
          return best;
        }
      }
    return nullptr;
  }

 private:
  std::vector<const Mention*> things_;
};

bool all_caps(std::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    letter = letter || (c >= 'A' && c <= 'Z');
  }
  return letter;
}

// "NEW YORK" -> "New York", "MARTHA QUINLAN" -> "Martha Quinlan" (ICU title casing, word by word).
std::string title_case(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.toLower();
  u.toTitle(nullptr);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// The initials of a name's capitalized words: "Securities and Exchange Commission" -> "sec".
std::string initials(const std::vector<Word>& words) {
  std::string out;
  for (const auto& w : words)
    if (!w.folded.empty() && w.folded[0] >= 'a' && w.folded[0] <= 'z' && w.folded.size() > 1) {
      out += w.folded[0];
    }
  return out;
}

// Organizations named more than one way in a document share the fullest name: "Forest Service"
// after "U.S. Forest Service" (the end of a longer name, two words or more), "SEC" after
// "Securities and Exchange Commission" (its initials).
void name_orgs_by_longest_form(std::vector<Mention>& mentions, std::string_view text) {
  std::vector<const Mention*> orgs;
  for (const auto& m : mentions)
    if (m.record.type == RecordType::org && !m.partial) orgs.push_back(&m);
  for (auto& m : mentions) {
    if (m.record.type != RecordType::org || m.partial) continue;
    const Mention* best = nullptr;
    const bool acronym = m.words.size() == 1 && all_caps(m.record.name) && m.words[0].folded.size() >= 2;
    for (const Mention* o : orgs) {
      if (o->words.size() <= m.words.size() || (best != nullptr && o->words.size() <= best->words.size())) continue;
      bool tail = m.words.size() >= 2;
      for (std::size_t k = 0; k < m.words.size() && tail; ++k)
        tail = o->words[o->words.size() - m.words.size() + k].folded == m.words[k].folded;
      bool expands = acronym && o->words.size() >= 2 && !all_caps(o->record.name) &&
                     [&] {  // only capitalized words count: "and", "of" are skipped
                       std::vector<Word> caps;
                       for (const auto& w : o->words)
                         if (w.end > w.begin && text[w.begin] >= 'A' && text[w.begin] <= 'Z') caps.push_back(w);
                       std::string dotted = m.words[0].folded;
                       dotted.erase(std::remove(dotted.begin(), dotted.end(), '.'), dotted.end());
                       return initials(caps) == dotted;
                     }();
      if (tail || expands) best = o;
    }
    if (best != nullptr) m.record.name = best->record.name;
  }
}

}  // namespace

namespace {

// The line around `pos`: from after the line break before it to the next one (or the text's ends).
std::pair<std::size_t, std::size_t> line_around(std::string_view text, std::size_t pos) {
  std::size_t b = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  b = b == std::string_view::npos || pos == 0 ? 0 : b + 1;
  std::size_t e = text.find('\n', pos);
  if (e == std::string_view::npos) e = text.size();
  return {b, e};
}

bool line_is_headline(std::string_view text, std::size_t b, std::size_t e) {
  int words = 0, capitalized = 0;
  for (std::size_t i = b; i < e;) {
    while (i < e && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < e && text[j] != ' ') ++j;
    // A word is a token that starts with a letter (ASCII or any UTF-8 lead byte).
    unsigned char c = i < e ? static_cast<unsigned char>(text[i]) : 0;
    bool upper = c >= 'A' && c <= 'Z';
    bool lower = c >= 'a' && c <= 'z';
    if (c >= 0x80) upper = true;  // rare in English headlines; counted as capitalized
    if (j > i + 1 && (upper || lower)) {
      ++words;
      capitalized += upper ? 1 : 0;
    }
    i = j;
  }
  return words >= 3 && capitalized * 5 >= words * 4;
}

// in_headline for positions in increasing order: a line is read once, not once per mention (a
// 1 MB line with thousands of mentions was read thousands of times).
class HeadlineLines {
 public:
  explicit HeadlineLines(std::string_view text) : text_(text) {}
  bool at(std::size_t pos) {
    if (!(known_ && b_ <= pos && pos <= e_ && (pos > 0 || b_ == 0))) {
      std::tie(b_, e_) = line_around(text_, pos);
      headline_ = line_is_headline(text_, b_, e_);
      known_ = true;
    }
    return headline_;
  }

 private:
  std::string_view text_;
  std::size_t b_ = 0, e_ = 0;
  bool known_ = false, headline_ = false;
};

}  // namespace

bool in_headline(std::string_view text, std::size_t pos) {
  auto [b, e] = line_around(text, pos);
  return line_is_headline(text, b, e);
}

EntityResolver::EntityResolver(const RuleSet&) {}

std::vector<Record> EntityResolver::run(const std::vector<Candidate>& candidates, std::string_view text) const {
  std::vector<Mention> mentions;
  HeadlineLines headlines(text);
  for (const auto& c : candidates) {
    Mention m;
    m.record = base_record(c);
    std::string surface(text.substr(c.begin, c.end - c.begin));
    m.record.name = field_or(c, "name", text, surface);
    m.record.kind = field_or(c, "kind", text, "");
    m.partial = field_or(c, "mention", text, "") == "partial";
    m.words = words_of(text, m.record.span);
    m.headline = headlines.at(c.begin);
    if (!m.words.empty()) mentions.push_back(std::move(m));
  }
  trim_headline_names(mentions, text);
  retype_places_named_like_people(mentions);
  retype_places_named_like_orgs(mentions);
  retype_people_named_like_things(mentions);

  // People, including partial mentions that repeat part of a person's name.
  std::vector<PersonMention> person_mentions;
  std::vector<std::size_t> person_index;
  for (std::size_t i = 0; i < mentions.size(); ++i)
    if (is_person(mentions[i])) {
      person_mentions.push_back({folded(mentions[i].words), mentions[i].record.span.begin, mentions[i].partial});
      person_index.push_back(i);
    }
  std::vector<int> person_of = cluster_person_mentions(person_mentions);
  std::map<int, std::vector<std::size_t>> people;  // person -> mention indices
  NamedThings things;
  for (const auto& m : mentions)
    if (!is_person(m) && !m.partial) things.add(m);
  for (std::size_t k = 0; k < person_index.size(); ++k) {
    Mention& m = mentions[person_index[k]];
    if (person_of[k] >= 0) {
      people[person_of[k]].push_back(person_index[k]);
      continue;
    }
    // A partial mention that repeats no person: maybe an organization or a place.
    std::size_t b = 0, e = 0;
    if (const Mention* thing = things.find(m.words, m.record.span.begin, b, e)) {
      keep_words(m, b, e, text);
      m.record.type = thing->record.type;
      m.record.name = thing->record.name;
      m.record.kind = thing->record.kind;
      m.partial = false;
    } else {
      m.dropped = true;
    }
  }
  // A person's partial mentions keep only the words that fit the person's name; the canonical
  // name is the longest form, then the most frequent, then one not in capitals, then the first.
  for (auto& [p, members] : people) {
    NameWords full;
    for (std::size_t i : members)
      if (!mentions[i].partial && mentions[i].words.size() > full.size()) full = folded(mentions[i].words);
    std::map<NameWords, int> frequency;
    for (std::size_t i : members) {
      Mention& m = mentions[i];
      if (m.partial) {
        auto [b, e] = best_fitting_run(folded(m.words), full);
        if (e > b) keep_words(m, b, e, text);
      }
      ++frequency[folded(m.words)];
    }
    const Mention* best = nullptr;
    auto better = [&](const Mention& x, const Mention& y) {
      if (x.words.size() != y.words.size()) return x.words.size() > y.words.size();
      int fx = frequency[folded(x.words)], fy = frequency[folded(y.words)];
      if (fx != fy) return fx > fy;
      bool cx = all_caps(x.record.name), cy = all_caps(y.record.name);
      if (cx != cy) return !cx;
      return x.record.span.begin < y.record.span.begin;
    };
    for (std::size_t i : members)
      if (best == nullptr || better(mentions[i], *best)) best = &mentions[i];
    std::string name = best->record.name;
    for (std::size_t i : members) mentions[i].record.name = name;
  }

  name_orgs_by_longest_form(mentions, text);
  // A name written only in capitals (a dateline, a photo credit) is shown in title case; a place
  // also written in lowercase elsewhere takes that spelling ("SACRAMENTO" -> "Sacramento").
  std::map<std::string, std::string> place_spelling;
  for (const auto& m : mentions)
    if (m.record.type == RecordType::place && !m.dropped && !all_caps(m.record.name))
      place_spelling.emplace(fold_case(m.record.name), m.record.name);
  for (auto& m : mentions) {
    if (m.dropped || m.record.type == RecordType::org || !all_caps(m.record.name)) continue;
    if (m.record.type == RecordType::place) {
      auto it = place_spelling.find(fold_case(m.record.name));
      if (it != place_spelling.end()) {
        m.record.name = it->second;
        continue;
      }
    }
    if (m.record.name.find('.') == std::string::npos && m.record.name.size() > 3) m.record.name = title_case(m.record.name);
  }

  std::vector<Record> out;
  for (auto& m : mentions) {
    if (m.dropped) continue;
    m.record.id = std::string(type_name(m.record.type)) + ":" + slug(m.record.name);
    out.push_back(std::move(m.record));
  }
  std::stable_sort(out.begin(), out.end(), [](const Record& a, const Record& b) { return a.span.begin < b.span.begin; });
  return out;
}

}  // namespace claimx
