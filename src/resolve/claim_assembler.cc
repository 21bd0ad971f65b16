#include "resolve/claim_assembler.h"

#include <algorithm>
#include <cctype>

#include "match/word_list.h"
#include "resolve/fields.h"
#include "resolve/quote_structure.h"
#include "resolve/speaker_resolver.h"

namespace claimx {

namespace {

struct Draft {
  Record r;
  int priority = 0;
  std::string speaker_kind;
  ByteSpan audience;
  ByteSpan appos;  // "Her attorney, Desmond R. Achebe, said": the name after a nominal speaker
  bool dropped = false;
};

bool is_space(char c) { return c == ' ' || c == '\n'; }

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool contains(ByteSpan outer, ByteSpan inner) { return outer.begin <= inner.begin && inner.end <= outer.end; }
bool same(ByteSpan a, ByteSpan b) { return a.begin == b.begin && a.end == b.end; }

// Content of reported speech ends before the clause's closing punctuation.
ByteSpan trim_clause_end(std::string_view text, ByteSpan s) {
  while (s.end > s.begin && (is_space(text[s.end - 1]) || text[s.end - 1] == ',' || text[s.end - 1] == ';' ||
                             text[s.end - 1] == ':' || text[s.end - 1] == '.'))
    --s.end;
  // "...U.S." keeps its last period: it is an abbreviation, not the sentence's end.
  if (s.end < text.size() && text[s.end] == '.' && s.end >= 2 && text[s.end - 2] == '.') ++s.end;
  return s;
}

// Reported speech that holds quote marks is mixed; one that is a single quote from end to end is
// direct, and its content is inside the marks.
void refine_quote(std::string_view text, Record& r) {
  if (r.quote == "direct") return;
  std::size_t marks = 0;
  for (std::uint32_t p = r.span.begin; p < r.span.end;) {
    std::size_t n = quote_mark_at(text, p);
    marks += n > 0;
    p += n > 0 ? static_cast<std::uint32_t>(n) : 1;
  }
  if (marks == 0) return;
  std::size_t open = quote_mark_at(text, r.span.begin);
  if (marks == 2 && open > 0) {
    std::uint32_t e = r.span.end;
    while (e > r.span.begin && (text[e - 1] == '.' || text[e - 1] == ',')) --e;
    std::size_t close = e >= 2 && text[e - 1] == '\'' ? 2 : e >= 1 && text[e - 1] == '"' ? 1 : 0;
    if (close > 0 && quote_mark_at(text, e - close) == close && e - close > r.span.begin + open) {
      r.span = {r.span.begin + static_cast<std::uint32_t>(open), e - static_cast<std::uint32_t>(close)};
      r.quote = "direct";
      return;
    }
  }
  r.quote = "mixed";
}

// Reported speech that opens with "he" or "she" is most often about its speaker ("The reality star
// said she will ..."): the pronoun's gender, or 0.
char gender_hint(std::string_view text, const Record& r) {
  if (r.quote == "direct") return 0;
  std::string_view c = text.substr(r.span.begin, r.span.end - r.span.begin);
  if (c.rfind("she ", 0) == 0 || c.rfind("She ", 0) == 0) return 'f';
  if (c.rfind("he ", 0) == 0 || c.rfind("He ", 0) == 0) return 'm';
  return 0;
}

// A quote that stands as a sentence of its own: it opens a paragraph or follows a sentence's end, and
// ends with a sentence's end inside its marks.
bool sentence_quote(std::string_view text, ByteSpan paragraph, ByteSpan inside) {
  std::uint32_t b = inside.begin;
  while (b > paragraph.begin && text[b - 1] != ' ' && text[b - 1] != '\n') --b;  // before the mark
  std::uint32_t k = b;
  while (k > paragraph.begin && is_space(text[k - 1])) --k;
  if (k > paragraph.begin) {
    char c = text[k - 1];
    if (c != '.' && c != '?' && c != '!' && c != ':') return false;
  }
  std::uint32_t e = inside.end;
  // A quote ending on a quote within it ("... 'Don't leave.'") ends where that one does.
  while (e > inside.begin && (is_space(text[e - 1]) || text[e - 1] == '\'' || text[e - 1] == '"')) --e;
  if (e == inside.begin) return false;
  char last = text[e - 1];
  return last == '.' || last == '?' || last == '!';
}

// '"A," he said, "B."': the quote that resumes right after the claim's own attribution, which
// follows the claim's quote, continues it. When the first quote breaks off at a comma, a short
// phrase of the attribution's may come between ('"A," he told reporters on Monday, "B."'), up to a
// comma, with no quote mark and no sentence end in it.
bool continues(std::string_view text, const Record& r, ByteSpan inside) {
  if (!r.speaker || r.speaker->span.begin < r.span.end) return false;
  std::uint32_t after = std::max(r.speaker->span.end, r.cue ? r.cue->span.end : 0u);
  std::uint32_t b = inside.begin;
  while (b > after && text[b - 1] != ' ' && text[b - 1] != ',') --b;  // before the mark
  std::string_view gap = text.substr(after, b - after);
  if (gap == ", " || gap == "," || gap == " ") return true;
  constexpr std::size_t kMaxAdjunct = 100;
  const bool broken_off = r.span.end < text.size() && text[r.span.end] == ',';
  return broken_off && gap.ends_with(", ") && gap.size() <= kMaxAdjunct &&
         gap.find_first_of("\"'\n") == std::string_view::npos && gap.find(". ") == std::string_view::npos &&
         gap.find("? ") == std::string_view::npos;
}

// "If the plan fails, she argued, there are other tools.": the attribution interrupts one piece of
// reported speech, which the rules see as the content before the cue and the content after it.
// Unquoted, it is one claim from the start of the first part to the end of the second, attribution
// included. Quoted parts stay apart ('"A," he said, "B."'): each quote is what was said in so many
// words. How the second part opens decides (list attribution_tails): an adjunct ("..., the lender
// said, ahead of forecasts") is the attribution's circumstance, not speech, and is dropped; a
// conjunction ("..., though ...") opens a claim of its own. `live` is sorted by position.
void join_interrupted(std::string_view text, const WordList* tails, std::vector<Draft>& live) {
  for (std::size_t i = 0; i + 1 < live.size(); ++i) {
    Draft& a = live[i];
    if (a.dropped || a.r.quote == "direct" || !a.r.cue || !a.r.speaker) continue;
    const ByteSpan cue = a.r.cue->span;
    const ByteSpan attribution{std::min(cue.begin, a.r.speaker->span.begin), std::max(cue.end, a.r.speaker->span.end)};
    if (a.r.span.end > attribution.begin) continue;
    // Only the attribution and its commas lie between the two parts.
    if (text.substr(a.r.span.end, attribution.begin - a.r.span.end).find_first_not_of(", ") != std::string_view::npos) continue;
    for (std::size_t j = i + 1; j < live.size(); ++j) {
      Draft& b = live[j];
      if (b.dropped || b.r.quote == "direct" || !b.r.cue || !same(b.r.cue->span, cue)) continue;
      if (b.r.span.begin < attribution.end || b.r.sentence != a.r.sentence) continue;
      const std::string_view rest = text.substr(b.r.span.begin, b.r.span.end - b.r.span.begin);
      const std::string* kind = tails != nullptr ? tails->find(rest.substr(0, rest.find(' '))) : nullptr;
      if (kind != nullptr && *kind == "conjunction") break;
      b.dropped = true;
      if (kind != nullptr) break;
      a.r.span.end = b.r.span.end;
      if (b.r.quote == "mixed") a.r.quote = "mixed";
      break;
    }
  }
  std::erase_if(live, [](const Draft& d) { return d.dropped; });
}

}  // namespace

ClaimAssembler::ClaimAssembler(const RuleSet& rules) : rules_(rules) {}

std::vector<Record> ClaimAssembler::run(const std::vector<Candidate>& claims, const std::vector<Candidate>& boilerplate,
                                        const std::vector<Record>& entities, std::string_view text,
                                        const std::vector<Sentence>& sentences) const {
  std::vector<ByteSpan> bp;
  for (const auto& b : boilerplate) bp.push_back({b.begin, b.end});
  QuoteStructure qs(text, sentences, bp);
  SpeakerResolver speakers(rules_, entities, text);
  if (qs.paragraph_count() == 0) return {};

  // Post signatures end block quotes.
  std::vector<std::size_t> stops;
  for (const auto& c : claims)
    if (field_or(c, "block", text, "") == "before") stops.push_back(qs.paragraph_at(c.groups[0].begin));

  std::vector<Draft> drafts;
  for (const auto& c : claims) {
    Draft d;
    Record& r = d.r;
    r = base_record(c);
    d.priority = c.rule->priority;
    d.speaker_kind = field_or(c, "speaker_kind", text, "");
    d.audience = group_span(c, "audience");
    const std::string block = field_or(c, "block", text, "");
    const ByteSpan match{static_cast<std::uint32_t>(c.groups[0].begin), static_cast<std::uint32_t>(c.groups[0].end)};
    r.quote = field_or(c, "quote", text, block.empty() ? "indirect" : "direct");
    if (block == "after") r.span = qs.block_after(qs.paragraph_at(match.begin), stops);
    else if (block == "before") r.span = qs.block_before(qs.paragraph_at(match.begin), stops);
    else if (r.quote == "direct") r.span = qs.extend_quote(r.span);
    r.span = qs.without_boilerplate(r.span);
    if (r.quote != "direct") r.span = trim_clause_end(text, r.span);
    if (r.span.begin >= r.span.end) continue;
    refine_quote(text, r);

    r.negated = field_or(c, "negated", text, "false") == "true" || group_span(c, "neg").end > 0;
    r.hedge = lower(field_or(c, "hedge", text, std::string(group_text(c, "hedge", text))));
    r.source = field_or(c, "source", text, std::string(group_text(c, "source", text)));
    if (r.source.rfind("the ", 0) == 0) r.source.erase(0, 4);
    ByteSpan cue = group_span(c, "cue");
    // "I think ..." inside someone's quote is part of that quote, not a claim of its own (a
    // transcript's "NAME: ..." inside a paragraph that reopens a quote is not).
    // A claim that borrows the speaker of the claim before it ("..., and warned ...") is quoted when
    // its cue is.
    if (cue.end > cue.begin && block.empty() && d.speaker_kind != "transcript") {
      const ByteSpan speaker = group_span(c, "speaker");
      const bool borrowed = speaker.end <= speaker.begin && (d.speaker_kind == "previous" || d.speaker_kind == "coordinated");
      bool quoted = false;
      for (const auto& q : qs.quotes(qs.paragraph_at(cue.begin)))
        quoted = quoted || (contains(q.inside, cue) && (borrowed || contains(q.inside, speaker)));
      if (quoted) continue;
    }
    if (cue.end > cue.begin) {
      MentionRef m;
      m.span = cue;
      m.lemma = lower(field_or(c, "lemma", text, std::string(text.substr(cue.begin, cue.end - cue.begin))));
      r.cue = m;
    }
    ByteSpan sp = group_span(c, "speaker");
    if (sp.end > sp.begin) {
      MentionRef m;
      m.span = sp;
      r.speaker = m;
      d.appos = group_span(c, "appos");
    }
    // A denial reports its content as false.
    if (r.cue && (r.cue->lemma == "deny" || r.cue->lemma == "dispute")) r.negated = true;
    drafts.push_back(std::move(d));
  }

  // Claims that now share content: the stronger one stays (priority, then length, then position);
  // one with the very same content lends it what it lacks. A claim may sit inside another's
  // content when its own cue does too ("According to TMZ, friends said ...").
  std::vector<std::size_t> order(drafts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& x = drafts[a];
    const auto& y = drafts[b];
    if (x.priority != y.priority) return x.priority > y.priority;
    return x.r.span.end - x.r.span.begin > y.r.span.end - y.r.span.begin;
  });
  std::vector<std::size_t> kept;
  for (std::size_t i : order) {
    Draft& d = drafts[i];
    for (std::size_t k : kept) {
      Draft& o = drafts[k];
      if (!o.r.span.overlaps(d.r.span)) continue;
      if (same(o.r.span, d.r.span)) {
        if (!o.r.cue) o.r.cue = d.r.cue;
        if (!o.r.speaker) o.r.speaker = d.r.speaker;
        if (o.r.source.empty()) o.r.source = d.r.source;
        if (o.r.hedge.empty()) o.r.hedge = d.r.hedge;
        d.dropped = true;
        break;
      }
      // Speech reported inside an indirect claim is a claim of its own; inside a quote, it is the quote.
      auto nested = [](const Draft& outer, const Draft& inner) {
        return outer.r.quote != "direct" && contains(outer.r.span, inner.r.span) && inner.r.cue &&
               contains(outer.r.span, inner.r.cue->span);
      };
      if (nested(o, d) || nested(d, o)) continue;
      d.dropped = true;
      break;
    }
    if (!d.dropped) kept.push_back(i);
  }
  std::vector<Draft> live;
  for (auto& d : drafts)
    if (!d.dropped) live.push_back(std::move(d));
  std::sort(live.begin(), live.end(), [](const Draft& a, const Draft& b) { return a.r.span.begin < b.r.span.begin; });
  join_interrupted(text, rules_.list("attribution_tails"), live);

  // A sentence-long quote after a direct claim in its paragraph, with no attribution of its own.
  std::vector<Draft> orphans;
  for (std::size_t i = 0; i < live.size(); ++i) {
    const Draft& d = live[i];
    if (d.r.quote != "direct" || !d.r.speaker) continue;
    std::size_t p = qs.paragraph_at(d.r.span.end);
    std::uint32_t limit = qs.paragraph(p).end;
    // The next claim in the paragraph ends the speaker's run of quotes, unless it sits in the
    // attribution's own sentence ('"...," said X, who has long opposed the plan. "More."').
    const auto attribution = sentence_at(sentences, d.r.speaker->span.begin);
    for (std::size_t j = i + 1; j < live.size() && qs.paragraph_at(live[j].r.span.begin) == p; ++j) {
      if (attribution != sentences.end() && live[j].r.span.end <= attribution->end && live[j].r.span.begin >= d.r.span.end) continue;
      limit = live[j].r.span.begin;
      break;
    }
    for (const auto& q : qs.quotes(p)) {
      if (q.inside.begin <= d.r.span.end || q.inside.end > limit || q.open) continue;
      if (q.inside.begin < d.r.speaker->span.end || (d.r.cue && q.inside.begin < d.r.cue->span.end)) continue;
      if (!sentence_quote(text, qs.paragraph(p), q.inside) && !continues(text, d.r, q.inside)) continue;
      Draft o;
      o.r = d.r;
      o.r.span = qs.without_boilerplate(q.inside);
      if (o.r.span.begin >= o.r.span.end) continue;
      // A quote that is already a claim of its own (its attribution shares the sentence) stays one.
      if (std::any_of(live.begin(), live.end(), [&](const Draft& l) { return l.r.span.overlaps(o.r.span); })) continue;
      o.r.groups.clear();
      o.priority = d.priority;
      orphans.push_back(std::move(o));
    }
  }
  // A paragraph that is one quote and nothing else, right after a paragraph whose last claim is a
  // direct quote, goes on quoting that speaker ('"...," he said.' then '"More."').
  for (std::size_t i = 0; i < live.size(); ++i) {
    const Draft& d = live[i];
    if (d.r.quote != "direct" || !d.r.speaker) continue;
    const std::size_t p = qs.paragraph_at(d.r.span.end);
    if (p + 1 >= qs.paragraph_count()) continue;
    if (i + 1 < live.size() && qs.paragraph_at(live[i + 1].r.span.begin) <= p + 1) continue;
    const ByteSpan next = qs.paragraph(p + 1);
    const auto& qv = qs.quotes(p + 1);
    if (qv.size() != 1 || qv[0].open) continue;
    const ByteSpan in = qv[0].inside;
    std::uint32_t b = in.begin, e = in.end;
    while (b > next.begin && text[b - 1] != ' ' && text[b - 1] != '\n') --b;  // the opening mark
    while (e < next.end && (text[e] == '"' || text[e] == '\'' || is_space(text[e]))) ++e;  // the closing one
    if (b != next.begin || e != next.end || !sentence_quote(text, next, in)) continue;
    Draft o;
    o.r = d.r;
    o.r.span = qs.without_boilerplate(in);
    if (o.r.span.begin >= o.r.span.end) continue;
    o.r.groups.clear();
    o.priority = d.priority;
    orphans.push_back(std::move(o));
  }
  for (auto& o : orphans) live.push_back(std::move(o));
  std::sort(live.begin(), live.end(), [](const Draft& a, const Draft& b) { return a.r.span.begin < b.r.span.begin; });

  // Speakers, in the order of the text, so pronouns can lean on the speakers before them.
  std::vector<std::size_t> by_speaker(live.size());
  for (std::size_t i = 0; i < by_speaker.size(); ++i) by_speaker[i] = i;
  auto anchor = [&](const Draft& d) { return std::min(d.r.span.begin, d.r.speaker ? d.r.speaker->span.begin : d.r.span.begin); };
  std::stable_sort(by_speaker.begin(), by_speaker.end(),
                   [&](std::size_t a, std::size_t b) { return anchor(live[a]) < anchor(live[b]); });
  const Draft* previous = nullptr;
  for (std::size_t i : by_speaker) {
    Draft& d = live[i];
    Record& r = d.r;
    if (d.speaker_kind == "previous" && !r.speaker && previous != nullptr && previous->r.speaker &&
        qs.paragraph_at(previous->r.span.begin) == qs.paragraph_at(r.span.begin))
      r.speaker = previous->r.speaker;
    // "said A and warned B": the second verb's subject is the first claim's speaker, in the same
    // sentence; with no such claim there is no one to give the claim to.
    if (d.speaker_kind == "coordinated" && !r.speaker) {
      if (previous == nullptr || !previous->r.speaker || previous->r.sentence != r.sentence) {
        d.dropped = true;
        continue;
      }
      r.speaker = previous->r.speaker;
    }
    if (r.speaker && r.speaker->name.empty()) speakers.resolve(*r.speaker, r.span, d.appos, gender_hint(text, r));
    if (d.audience.end > d.audience.begin && r.source.empty()) {
      std::string_view a = text.substr(d.audience.begin, d.audience.end - d.audience.begin);
      r.source = speakers.outlet(a);
      if (r.source.empty()) {
        MentionRef m;
        m.span = d.audience;
        speakers.resolve(m, r.span);
        if (!m.name.empty() && !speakers.outlet(m.name).empty()) r.source = m.name;
      }
    }
    // An outlet that speaks is the claim's source too ("TMZ said", "according to The Daily Mail").
    if (r.speaker && r.source.empty()) {
      std::string o = speakers.outlet(text.substr(r.speaker->span.begin, r.speaker->span.end - r.speaker->span.begin));
      if (o.empty() && !r.speaker->name.empty()) o = speakers.outlet(r.speaker->name);
      r.source = o;
    }
    if (!r.source.empty() && !speakers.outlet(r.source).empty()) speakers.note_outlet(r.span.begin, r.source);
    // A claim in a relative clause ("said Ines Carrow, who has long opposed ...") is an aside: the
    // next borrowed speaker is still the one the sentence attributes to.
    if (!r.speaker || !is_relative_pronoun(text.substr(r.speaker->span.begin, r.speaker->span.end - r.speaker->span.begin)))
      previous = &d;
  }

  // A claim reported inside another one with a source shares that source.
  for (auto& inner : live)
    for (const auto& outer : live)
      if (&inner != &outer && inner.r.source.empty() && !outer.r.source.empty() && contains(outer.r.span, inner.r.span) &&
          !same(outer.r.span, inner.r.span))
        inner.r.source = outer.r.source;

  std::vector<Record> out;
  for (auto& d : live)
    if (!d.dropped) out.push_back(std::move(d.r));
  return out;
}

}  // namespace claimx
