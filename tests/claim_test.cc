// Claims: quote structure across paragraphs (src/resolve/quote_structure.cc), speakers
// (src/resolve/speaker_resolver.cc) and the whole claim pipeline (rules + ClaimAssembler) on short
// articles written for these tests.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract_support.h"
#include "pipeline/extractor.h"
#include "resolve/quote_structure.h"
#include "segment/segment.h"

using namespace claimx;
using namespace claimx::testing;

namespace {

struct Claim {
  std::string text, speaker_text, speaker_name, cue, quote, hedge, source;
  bool negated = false, has_speaker = false;
};

std::vector<Claim> claims(const std::string& text) {
  ExtractOptions opt;
  opt.types = TypeMask{};
  opt.types.bits = 1u << static_cast<int>(RecordType::claim);
  ExtractedDocument doc = extract_text(text, opt);
  std::vector<Claim> out;
  for (const auto& r : doc.records) {
    if (r.type != RecordType::claim) continue;
    Claim c;
    c.text = original_text(doc, r.span);
    if (r.speaker) {
      c.has_speaker = true;
      c.speaker_text = original_text(doc, r.speaker->span);
      c.speaker_name = r.speaker->name;
    }
    if (r.cue) c.cue = r.cue->lemma;
    c.quote = r.quote;
    c.hedge = r.hedge;
    c.source = r.source;
    c.negated = r.negated;
    out.push_back(c);
  }
  return out;
}

const Claim* find(const std::vector<Claim>& cs, const std::string& start) {
  for (const auto& c : cs)
    if (c.text.rfind(start, 0) == 0) return &c;
  return nullptr;
}

std::string inside(const std::string& text, ByteSpan s) { return text.substr(s.begin, s.end - s.begin); }

QuoteStructure structure(const std::string& text, std::vector<ByteSpan> boilerplate = {}) {
  static SentenceSplitter splitter({});
  static std::vector<Sentence> keep;  // QuoteStructure copies what it needs
  keep = splitter.split(text);
  return QuoteStructure(text, keep, std::move(boilerplate));
}

}  // namespace

TEST_CASE("quote marks: straight quotes and two apostrophes pair up within a paragraph") {
  std::string text = "''It works,'' he said. \"It really does.\" She left \"for good";
  auto qs = structure(text);
  auto q = qs.quotes(0);
  REQUIRE(q.size() == 3);
  CHECK(inside(text, q[0].inside) == "It works,");
  CHECK(inside(text, q[1].inside) == "It really does.");
  CHECK(q[2].open);
  CHECK(inside(text, q[2].inside) == "for good");
}

TEST_CASE("a quote left open at a paragraph's end runs on where the next paragraph reopens it") {
  std::string text = "She said: \"We waited.\n\n\"The money is here. The cranes come next.\"\n\nShe left.";
  auto qs = structure(text);
  ByteSpan first = qs.quotes(0).front().inside;
  CHECK(inside(text, qs.extend_quote(first)) == "We waited.\n\n\"The money is here. The cranes come next.");
  // And back, from the second paragraph's quote.
  ByteSpan second = qs.quotes(1).front().inside;
  CHECK(inside(text, qs.extend_quote(second)) == "We waited.\n\n\"The money is here. The cranes come next.");
}

TEST_CASE("a block quote keeps the paragraphs in the first person, up to a post signature") {
  std::string text = "Pike wrote:\nI defended the verdict.\nBut I never opposed testing.\nPike has not spoken since.";
  auto qs = structure(text);
  CHECK(inside(text, qs.block_after(0, {})) == "I defended the verdict.\nBut I never opposed testing.");
  CHECK(inside(text, qs.block_after(0, {2})) == "I defended the verdict.");
}

TEST_CASE("an embedded post reaches up to a boilerplate-only paragraph") {
  std::string text = "Intro line.\nView this post on Instagram\nFirst part.\nSecond part.\nA post shared by X (@x)";
  std::size_t marker = text.find("View");
  auto qs = structure(text, {ByteSpan{static_cast<std::uint32_t>(marker), static_cast<std::uint32_t>(marker + 27)}});
  CHECK(qs.boilerplate_only(1));
  CHECK(inside(text, qs.block_before(4, {})) == "First part.\nSecond part.");
  // A boilerplate paragraph right above is no post; without a marker above, the paragraph above is.
  CHECK(qs.block_before(2, {}).end == 0);
  CHECK(inside(text, qs.block_before(1, {})) == "Intro line.");
}

TEST_CASE("direct quotes: speaker after, inverted, before with a colon, and a quote that follows") {
  auto cs = claims(
      "\"I sat across from a man who has waited for the truth,\" Marisol Vance told reporters. "
      "\"He answered every question I asked.\"\n\n"
      "\"This is the third time,\" said Maya Thornbury, the alliance's lead counsel.\n\n"
      "Tomas Reyes said: \"We are ready.\"");
  const Claim* a = find(cs, "I sat across");
  REQUIRE(a != nullptr);
  CHECK(a->quote == "direct");
  CHECK(a->speaker_text == "Marisol Vance");
  CHECK(a->cue == "tell");
  const Claim* b = find(cs, "He answered every question");
  REQUIRE(b != nullptr);  // the quote after the attribution is the same speaker's
  CHECK(b->speaker_text == "Marisol Vance");
  const Claim* c = find(cs, "This is the third time");
  REQUIRE(c != nullptr);
  CHECK(c->speaker_text == "Maya Thornbury");
  const Claim* d = find(cs, "We are ready.");
  REQUIRE(d != nullptr);
  CHECK(d->speaker_text == "Tomas Reyes");
}

TEST_CASE("a quote resumed right after its attribution, mid-sentence, is the same speaker's") {
  auto cs = claims("\"We tried every door,\" Odile Marchetti said, \"and then we tried the windows.\"\n\n"
                   "\"It rained,\" she said, and the \"quiet\" street flooded.");
  const Claim* a = find(cs, "and then we tried the windows");
  REQUIRE(a != nullptr);
  CHECK(a->speaker_text == "Odile Marchetti");
  CHECK(a->quote == "direct");
  CHECK(find(cs, "quiet") == nullptr);  // not right after the attribution
}

TEST_CASE("a quote after an attribution with a relative clause, or ending on a quote within it, is the speaker's") {
  auto cs = claims("\"The ferry is late again,\" said Ines Carrow, who has long opposed the winter timetable. "
                   "\"Nobody can plan a week around it.\"\n\n"
                   "\"It was a long night,\" said Tobias Wren, the night pilot. \"My captain kept saying, 'Hold the line.'\"");
  const Claim* a = find(cs, "Nobody can plan a week");
  REQUIRE(a != nullptr);
  CHECK(a->speaker_text == "Ines Carrow");
  CHECK(a->quote == "direct");
  const Claim* b = find(cs, "My captain kept saying");
  REQUIRE(b != nullptr);
  CHECK(b->speaker_text == "Tobias Wren");
}

TEST_CASE("a paragraph that is one quote goes on quoting the speaker of the direct quote before it") {
  auto cs = claims("\"Nobody writes songs about the ferry,\" he said.\n\n"
                   "\"Right now the town is against the toll. It is not for the mayor either.\"\n\n"
                   "The council meets on Monday. \"Bring a coat,\" the clerk wrote.");
  const Claim* a = find(cs, "Right now the town is against the toll");
  REQUIRE(a != nullptr);
  CHECK(a->speaker_text == "he");
  CHECK(a->quote == "direct");
}

TEST_CASE("a multi-paragraph quote is one claim") {
  auto cs = claims(
      "Amrita Sandhu spoke on Wednesday.\n\nShe said: \"This city has waited long enough.\n\n"
      "\"The drawings are finished. Next spring the cranes arrive.\"\n\nSandhu, 48, has led the council since 2023.");
  const Claim* c = find(cs, "This city has waited");
  REQUIRE(c != nullptr);
  CHECK(c->text == "This city has waited long enough.\n\n\"The drawings are finished. Next spring the cranes arrive.");
  CHECK(c->speaker_text == "She");
  CHECK(c->speaker_name == "Amrita Sandhu");
  CHECK(find(cs, "The drawings are finished") == nullptr);
}

TEST_CASE("reported speech: that-clauses, told, trailing attribution, negation, hedges") {
  auto cs = claims(
      "Elena Ruiz-Bowman, who leads the appeals team, said the defense filed a motion on May 30.\n\n"
      "Vance reportedly told friends she plans to attend the hearing in July.\n\n"
      "Those talks are continuing, he said.\n\n"
      "Pike has never said that the verdict was wrong.\n\n"
      "He denied that the reply had been written by his team.");
  const Claim* a = find(cs, "the defense filed");
  REQUIRE(a != nullptr);
  CHECK(a->speaker_text == "Elena Ruiz-Bowman");
  CHECK(a->quote == "indirect");
  const Claim* b = find(cs, "she plans to attend");
  REQUIRE(b != nullptr);
  CHECK(b->hedge == "reportedly");
  CHECK(b->cue == "tell");
  const Claim* c = find(cs, "Those talks are continuing");
  REQUIRE(c != nullptr);
  CHECK(c->speaker_text == "he");
  const Claim* d = find(cs, "the verdict was wrong");
  REQUIRE(d != nullptr);
  CHECK(d->negated);
  const Claim* e = find(cs, "the reply had been written");
  REQUIRE(e != nullptr);
  CHECK(e->negated);
  CHECK(e->cue == "deny");
}

TEST_CASE("a sentence with two reported clauses of the same pattern gives two claims") {
  // The first match runs on to the sentence's end; the rule looks again from the end of its content.
  auto cs = claims("The mayor agreed that the old bridge needs repair, but she said that the vote should wait until spring.");
  const Claim* a = find(cs, "the old bridge needs repair");
  REQUIRE(a != nullptr);
  CHECK(a->speaker_text == "The mayor");
  const Claim* b = find(cs, "the vote should wait");
  REQUIRE(b != nullptr);
  CHECK(b->speaker_text == "she");
  CHECK(b->cue == "say");
}

TEST_CASE("an attribution inside a sentence of reported speech makes one claim around it") {
  // The rules see the part before "she argued" and the part after it; unquoted, they are one claim.
  auto cs = claims("Should the levy fail in the autumn vote, Councillor Ines Moravec argued, the ferry would stop running by June.");
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].text == "Should the levy fail in the autumn vote, Councillor Ines Moravec argued, the ferry would stop running by June");
  CHECK(cs[0].speaker_text == "Councillor Ines Moravec");
  CHECK(cs[0].cue == "argue");
  // A part that opens with an adjunct is the attribution's circumstance, not speech.
  cs = claims("Takings at the three harbor cafes rose by a fifth in the summer, the owners' association said, ahead of the usual autumn lull.");
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].text == "Takings at the three harbor cafes rose by a fifth in the summer");
  // One that opens with a conjunction is a claim of its own.
  cs = claims("The comet will be brightest in early spring, according to the observatory's director, though most people will need binoculars.");
  CHECK(find(cs, "The comet will be brightest in early spring") != nullptr);
  CHECK(find(cs, "though most people will need binoculars") != nullptr);
  // Quoted parts stay apart: each is what was said in so many words.
  cs = claims("\"The levy is fair,\" the mayor said, \"and the ferry needs it.\"");
  CHECK(find(cs, "The levy is fair") != nullptr);
  CHECK(find(cs, "and the ferry needs it") != nullptr);
}

TEST_CASE("a quote with an attribution of its own is one claim, not also the previous quote's follow-on") {
  // "She adds, ..." makes the second quote a claim; it must not come out again as the first
  // claim's continuation.
  auto cs = claims("Mayor Ruiz says the levy is \"the fairest tax we have passed.\" She adds, \"Who would vote against a ferry?\"");
  int n = 0;
  for (const auto& c : cs) n += c.text == "Who would vote against a ferry?";
  CHECK(n == 1);
}

TEST_CASE("a quote broken off at a comma resumes after its attribution, even past a phrase of it") {
  auto cs = claims("\"It was a failure,\" Okafor told reporters on Wednesday in Dover, N.C., \"and everyone knows it.\"");
  const Claim* b = find(cs, "and everyone knows it.");
  REQUIRE(b != nullptr);
  CHECK(b->speaker_text == "Okafor");
  CHECK(b->quote == "direct");
}

TEST_CASE("a second cue coordinated with a claim's ends its content and speaks for the same speaker") {
  // The quote marks keep claim.subject_and_verb out, so the speaker comes from the claim before it.
  auto cs = claims("Dr. Ilse Varga called the clinic's closure \"a betrayal\" and warned that the ward would lose staff.");
  const Claim* a = find(cs, "the clinic's closure");
  REQUIRE(a != nullptr);
  CHECK(a->text == "the clinic's closure \"a betrayal\"");
  const Claim* b = find(cs, "the ward would lose staff");
  REQUIRE(b != nullptr);
  CHECK(b->speaker_text == "Dr. Ilse Varga");
  CHECK(b->cue == "warn");
  // Another speaker after "and" ends the first content too, and gets the second claim.
  cs = claims("The growers said the canal \"cannot wait\", and several council members argued the cost was too high.");
  a = find(cs, "the canal");
  REQUIRE(a != nullptr);
  CHECK(a->text == "the canal \"cannot wait\"");
  b = find(cs, "the cost was too high");
  REQUIRE(b != nullptr);
  CHECK(b->speaker_text == "several council members");
  // Inside a quote, a coordinated cue is part of the quote, which stays the speaker's next claim.
  cs = claims("\"It's a sad week,\" Okafor said. \"This town has to find ways to heal and understand the fishermen.\"");
  a = find(cs, "This town has to find ways");
  REQUIRE(a != nullptr);
  CHECK(a->speaker_text == "Okafor");
  CHECK(find(cs, "the fishermen") == nullptr);
  // With no claim before it in the sentence, a coordinated cue has no one to speak for.
  // (A lowercase start keeps claim.subject_and_verb, which would take "The river" as the subject, out.)
  cs = claims("then the river rose \"faster than ever\" overnight and warned that nobody should cross the bridge.");
  CHECK(find(cs, "nobody should cross") == nullptr);
}

TEST_CASE("a speaker that holds a word the cue list also has is read again with that word masked") {
  // "state" is a weak cue: the first reading (speaker "Some", cue "state") fails, the second holds.
  auto cs = claims("Some state officials praised the harbor board's work on the pier.");
  const Claim* a = find(cs, "the harbor board's work");
  REQUIRE(a != nullptr);
  CHECK(a->speaker_text == "Some state officials");
  CHECK(a->cue == "praise");
}

TEST_CASE("according to, reports, outlets as sources, and unattributed reports") {
  auto cs = claims(
      "According to TMZ, she has helped free 17 prisoners.\n\n"
      "The singer is being sued by her former stylist, according to The Daily Mail.\n\n"
      "A report from TMZ said the stylist was dismissed by email.\n\n"
      "It has been reported that the label offered to settle.\n\n"
      "Hatcher's lawyers told the Evening Standard that the shirt was never tested.");
  const Claim* a = find(cs, "she has helped free");
  REQUIRE(a != nullptr);
  CHECK(a->speaker_text == "TMZ");
  CHECK(a->speaker_name == "TMZ");
  CHECK(a->source == "TMZ");
  const Claim* b = find(cs, "The singer is being sued");
  REQUIRE(b != nullptr);
  CHECK(b->source == "The Daily Mail");
  const Claim* c = find(cs, "the stylist was dismissed");
  REQUIRE(c != nullptr);
  CHECK(c->source == "TMZ");
  const Claim* d = find(cs, "the label offered");
  REQUIRE(d != nullptr);
  CHECK_FALSE(d->has_speaker);
  CHECK_FALSE(d->hedge.empty());
  const Claim* e = find(cs, "the shirt was never tested");
  REQUIRE(e != nullptr);
  CHECK(e->source == "Evening Standard");
  CHECK(e->speaker_name.empty());  // "Hatcher's lawyers" are not Hatcher
}

TEST_CASE("block quotes and embedded posts, without their boilerplate") {
  auto cs = claims(
      "Ronald Pike addressed the case in 2019, writing:\n\n"
      "I defended that verdict because the law required me to.\n\n"
      "But I have never opposed further testing.\n\n"
      "Pike has not commented since.\n\n"
      "Vance shared a photograph with her followers, writing:\n\n"
      "View this post on Instagram\n\n"
      "Delroy has spent half his life in a cell. I believe him.\n\n"
      "A post shared by Marisol Vance (@marisolvance) on Jun 6, 2024 at 5:42pm PDT\n\n"
      "I spent the afternoon at San Quentin. #FreeDelroy pic.twitter.com/Qx7LmR2vTe\n"
      "\u2014 Marisol Vance (@MarisolVance) June 6, 2024\n");
  const Claim* a = find(cs, "I defended that verdict");
  REQUIRE(a != nullptr);
  CHECK(a->text == "I defended that verdict because the law required me to.\n\nBut I have never opposed further testing.");
  CHECK(a->speaker_name == "Ronald Pike");
  CHECK(a->quote == "direct");
  const Claim* b = find(cs, "Delroy has spent");
  REQUIRE(b != nullptr);
  CHECK(b->text == "Delroy has spent half his life in a cell. I believe him.");
  CHECK(b->speaker_text == "Vance");
  CHECK(b->source == "Instagram");
  int posts = 0;
  for (const auto& c : cs) posts += c.text.find("Delroy has spent") != std::string::npos;
  CHECK(posts == 1);  // the signature's claim and the "writing:" claim are one
  const Claim* c = find(cs, "I spent the afternoon");
  REQUIRE(c != nullptr);
  CHECK(c->text == "I spent the afternoon at San Quentin. #FreeDelroy");
  CHECK(c->speaker_text == "Marisol Vance");
  CHECK(c->source == "Twitter");
  for (const auto& x : cs) {
    CHECK(x.text.find("View this post") == std::string::npos);
    CHECK(x.text.find("pic.twitter.com") == std::string::npos);
  }
}

TEST_CASE("pronoun and nominal speakers take the person they refer to") {
  auto cs = claims(
      "Dennis Pellow met Nora Talbrook Quist on Tuesday.\n\n"
      "\"I found him calm and very candid,\" she tweeted.\n\n"
      "\"I never took the money,\" he said.\n\n"
      "The reality star said she will keep pressing for a review.");
  const Claim* a = find(cs, "I found him");
  REQUIRE(a != nullptr);
  CHECK(a->speaker_text == "she");
  CHECK(a->speaker_name == "Nora Talbrook Quist");
  CHECK(a->source == "Twitter");
  const Claim* b = find(cs, "I never took the money");
  REQUIRE(b != nullptr);
  CHECK(b->speaker_name == "Dennis Pellow");
  const Claim* c = find(cs, "she will keep pressing");
  REQUIRE(c != nullptr);
  CHECK(c->speaker_text == "The reality star");
  CHECK(c->speaker_name == "Nora Talbrook Quist");
}

TEST_CASE("unnamed groups stay unnamed") {
  auto cs = claims("Officials said thousands of homes could be without power.\n\nAccording to sources, the deal is off.");
  const Claim* a = find(cs, "thousands of homes");
  REQUIRE(a != nullptr);
  CHECK(a->speaker_text == "Officials");
  CHECK(a->speaker_name.empty());
  const Claim* b = find(cs, "the deal is off");
  REQUIRE(b != nullptr);
  CHECK(b->speaker_name.empty());
  CHECK(b->source.empty());
}
