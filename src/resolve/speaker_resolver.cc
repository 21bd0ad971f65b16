#include "resolve/speaker_resolver.h"

#include <algorithm>
#include <cctype>

#include "match/word_list.h"
#include "resolve/slug.h"

namespace claimx {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\n')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != ',' && s[j] != '\n') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

char gender_value(const std::string* v) {
  if (v == nullptr || v->empty()) return 0;
  char g = (*v)[0];
  return g == 'f' || g == 'm' ? g : 0;
}

// The word just before byte `pos` ("Mr." in "Mr. Clarke").
std::string_view word_before(std::string_view text, std::uint32_t pos) {
  std::size_t e = pos;
  while (e > 0 && text[e - 1] == ' ') --e;
  std::size_t b = e;
  while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n') --b;
  return text.substr(b, e - b);
}

}  // namespace

bool is_relative_pronoun(std::string_view word) {
  const std::string w = lower(word);
  return w == "who" || w == "which" || w == "that";
}

SpeakerResolver::SpeakerResolver(const RuleSet& rules, const std::vector<Record>& entities, std::string_view text)
    : text_(text),
      pronouns_(rules.list("pronouns")),
      given_names_(rules.list("given_names")),
      gendered_nouns_(rules.list("gendered_nouns")),
      titles_(rules.list("titles")),
      outlets_(rules.list("outlets")),
      speaker_nouns_(rules.list("speaker_nouns")) {
  for (const auto& e : entities) {
    if (e.type != RecordType::person && e.type != RecordType::org) continue;
    mentions_.push_back({e.span, e.name, e.id, e.type});
    if (e.type == RecordType::org && !outlet(e.name).empty()) outlets_seen_.emplace_back(e.span.begin, e.name);
    if (e.type != RecordType::person || genders_.count(e.id)) continue;
    // The given name tells the gender; failing that, a title or gendered noun just before the mention.
    char g = 0;
    auto name_words = words(e.name);
    if (given_names_ != nullptr && !name_words.empty()) g = gender_value(given_names_->find(name_words.front()));
    if (g == 0 && gendered_nouns_ != nullptr) g = gender_value(gendered_nouns_->find(word_before(text, e.span.begin)));
    if (g != 0) genders_[e.id] = g;
  }
  std::stable_sort(mentions_.begin(), mentions_.end(),
                   [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
}

char SpeakerResolver::gender_of(const std::string& id) const {
  auto it = genders_.find(id);
  return it == genders_.end() ? 0 : it->second;
}

const SpeakerResolver::Mention* SpeakerResolver::nearest(std::uint32_t before, ByteSpan skip, RecordType type,
                                                         char gender, std::string_view head) const {
  const Mention* fallback = nullptr;
  for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
    if (it->span.end > before || it->type != type) continue;
    if (skip.begin <= it->span.begin && it->span.end <= skip.end) continue;
    if (type == RecordType::person && gender != 0) {
      char g = gender_of(it->id);
      if (g != 0 && g != gender) continue;
    }
    if (head.empty()) return &*it;
    // "the commission" prefers the nearest organization whose name holds the word.
    if (lower(it->name).find(head) != std::string::npos) return &*it;
    if (fallback == nullptr) fallback = &*it;
  }
  return fallback;
}

void SpeakerResolver::remember(const MentionRef& m, RecordType type, char gender) {
  if (m.id.empty()) return;
  if (type == RecordType::person && gender != 0 && !genders_.count(m.id)) genders_[m.id] = gender;
  Mention x{m.span, m.name, m.id, type};
  auto at = std::upper_bound(mentions_.begin(), mentions_.end(), x,
                             [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
  mentions_.insert(at, std::move(x));
}

std::string SpeakerResolver::outlet(std::string_view surface) const {
  while (!surface.empty() && (surface.back() == '.' || surface.back() == ',' || surface.back() == ' '))
    surface.remove_suffix(1);
  if (surface.rfind("the ", 0) == 0) surface.remove_prefix(4);
  if (outlets_ == nullptr || surface.empty()) return {};
  // The outlet may end a longer phrase: "US showbiz website TMZ", "a report from the Daily Mail".
  for (std::size_t at = 0; at < surface.size(); at = surface.find(' ', at) + 1) {
    std::string_view tail = surface.substr(at);
    if (tail.rfind("the ", 0) == 0) continue;
    if (outlets_->contains(tail)) return std::string(tail);
    if (tail.rfind("The ", 0) == 0 && outlets_->contains(tail.substr(4))) return std::string(tail);
    if (surface.find(' ', at) == std::string_view::npos) break;
  }
  return {};
}

std::string SpeakerResolver::outlet_before(std::uint32_t pos) const {
  const std::pair<std::uint32_t, std::string>* best = nullptr;
  for (const auto& o : outlets_seen_)
    if (o.first < pos && (best == nullptr || o.first > best->first)) best = &o;
  return best == nullptr ? std::string() : best->second;
}

void SpeakerResolver::note_outlet(std::uint32_t pos, const std::string& source) {
  if (!source.empty()) outlets_seen_.emplace_back(pos, source);
}

void SpeakerResolver::resolve(MentionRef& speaker, ByteSpan content, ByteSpan appos, char hint) {
  const ByteSpan sp = speaker.span;
  std::string_view surface = text_.substr(sp.begin, sp.end - sp.begin);
  auto take = [&](const Mention* m, char gender = 0) {
    if (m == nullptr) return;
    speaker.name = m->name;
    speaker.id = m->id;
    remember(speaker, m->type, gender);
  };

  // A name inside the speaker, not a possessor ("Hatcher's lawyers"). The head of the phrase comes
  // last ("Secretary of State John Kerry", "pollster Pat Caddell") unless it sits in a phrase after
  // a preposition ("Lawyers for the Western Forest Alliance": then that name is all there is).
  const Mention* head_m = nullptr;
  const Mention* first_m = nullptr;
  for (const auto& m : mentions_) {
    if (m.span.begin >= sp.end) break;
    if (!m.span.overlaps(sp)) continue;
    std::string_view after = text_.substr(m.span.end, 3);
    bool possessor = m.span.end < sp.end && (after.rfind("'s ", 0) == 0 || after.rfind("' ", 0) == 0);
    if (possessor) continue;
    if (first_m == nullptr) first_m = &m;
    std::string_view before = text_.substr(sp.begin, m.span.begin > sp.begin ? m.span.begin - sp.begin : 0);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (before.size() >= 4 && before.substr(before.size() - 4) == " the") before.remove_suffix(4);
    std::string last = lower(word_before(before, static_cast<std::uint32_t>(before.size())));
    static const char* const kPrepositions[] = {"of", "for", "at", "from", "with", "in", "on", "by", "to"};
    bool in_phrase = false;
    for (const char* p : kPrepositions) in_phrase = in_phrase || last == p;
    if (!in_phrase) head_m = &m;
  }
  if (head_m == nullptr) head_m = first_m;
  if (head_m != nullptr) {
    speaker.name = head_m->name;
    speaker.id = head_m->id;
    return;
  }

  const std::string folded = lower(surface);
  auto ws = words(surface);
  if (ws.empty()) return;

  // "Her editor, Thomas Greeley, said": a nominal speaker named by its appositive.
  if (appos.end > appos.begin && pronouns_ != nullptr && !(ws.size() == 1 && pronouns_->contains(surface)))
    for (const auto& m : mentions_)
      if (m.type == RecordType::person && m.span.begin == appos.begin && m.span.end == appos.end) {
        speaker.span = m.span;
        speaker.name = m.name;
        speaker.id = m.id;
        return;
      }

  // Relative pronouns: the name just before, in the same sentence.
  if (is_relative_pronoun(folded)) {
    std::uint32_t boundary = sp.begin;
    while (boundary > 0 && text_[boundary - 1] != '.' && text_[boundary - 1] != '\n' && text_[boundary - 1] != '"')
      --boundary;
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it)
      if (it->span.end <= sp.begin && it->span.begin >= boundary) return take(&*it);
    return;
  }

  if (ws.size() == 1 && pronouns_ != nullptr) {
    if (const std::string* g = pronouns_->find(surface)) {
      char gender = gender_value(g);
      if (gender != 0) return take(nearest(sp.begin, content, RecordType::person, gender), gender);
      if (!g->empty() && (*g)[0] == 'n') return take(nearest(sp.begin, content, RecordType::org, 0));
      return;  // "they": a group, unnamed unless a rule says more
    }
  }

  // A nominal: its head noun says what it can refer to; only a definite one refers back.
  const std::string first = lower(ws.front());
  const bool definite = first == "the" || first == "this" || first == "that";
  const std::string head = lower(ws.back());
  const std::string head2 = ws.size() >= 2 ? lower(std::string(ws[ws.size() - 2]) + " " + std::string(ws.back())) : "";
  std::string kind;
  char gender = hint;
  if (speaker_nouns_ != nullptr) {
    const std::string* k = head2.empty() ? nullptr : speaker_nouns_->find(head2);
    if (k == nullptr) k = speaker_nouns_->find(head);
    if (k != nullptr) kind = *k;
  }
  if (kind.empty() && gendered_nouns_ != nullptr) {
    if (const std::string* g = gendered_nouns_->find(head)) {
      kind = "person";
      if (gender_value(g) != 0) gender = gender_value(g);
    }
  }
  if (kind.empty() && titles_ != nullptr &&
      ((!head2.empty() && titles_->contains(head2)) || titles_->contains(head)))
    kind = "person";

  if (kind == "group") return;
  if (kind == "outlet") {
    if (!definite) return;
    std::string o = outlet_before(sp.begin);
    if (!o.empty()) {
      speaker.name = o;
      speaker.id = "org:" + slug(o);
    }
    return;
  }
  if (kind == "org" && definite) return take(nearest(sp.begin, content, RecordType::org, 0, head));
  if (kind == "person" && definite) return take(nearest(sp.begin, content, RecordType::person, gender), gender);

  // An outlet names itself.
  std::string o = outlet(surface);
  if (!o.empty()) {
    speaker.name = o;
    speaker.id = "org:" + slug(o);
  }
}

}  // namespace claimx
