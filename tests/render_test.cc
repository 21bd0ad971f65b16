#include <catch2/catch.hpp>

#include <map>
#include <regex>

#include "render/html_escape.h"
#include "render/mark_layout.h"
#include "render/render_input.h"
#include "render/report_builder.h"
#include "render/report_template.h"
#include "test_support.h"

using namespace claimx;
using namespace claimx::render;

namespace {

// The tests count code points on their own (UTF-32 literals), not with the code under test.
std::string utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

CodePointSpan span_of(std::u32string_view text, std::u32string_view part, std::size_t from = 0) {
  auto at = text.find(part, from);
  REQUIRE(at != std::u32string_view::npos);
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + part.size())};
}

// What a browser reads back from our HTML as text: character references decoded, tags dropped.
std::string unescape(std::string_view html) {
  static const std::map<std::string, std::string> refs{{"&amp;", "&"}, {"&lt;", "<"},   {"&gt;", ">"},
                                                       {"&quot;", "\""}, {"&#39;", "'"}, {"&#13;", "\r"}};
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    if (html[i] == '&') {
      auto semi = html.find(';', i);
      REQUIRE(semi != std::string_view::npos);
      auto it = refs.find(std::string(html.substr(i, semi - i + 1)));
      REQUIRE(it != refs.end());
      out += it->second;
      i = semi + 1;
    } else {
      out += html[i++];
    }
  }
  return out;
}

std::string strip_tags(std::string_view html) {
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    else if (c == '>') in_tag = false;
    else if (!in_tag) out += c;
  }
  return unescape(out);
}

// The text inside every element carrying data-m="key" (all its fragments, in order), found by
// walking the HTML with a stack of open elements the way a DOM builder would.
std::map<std::string, std::string> text_by_mark(const std::string& html) {
  std::map<std::string, std::string> out;
  std::vector<std::string> open;  // key per open element ("" for elements without data-m)
  static const std::regex key_re(R"re(data-m="([^"]*)")re");
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '<') {
      auto close = html.find('>', i);
      std::string tag = html.substr(i, close - i + 1);
      if (tag.rfind("</", 0) == 0) {
        REQUIRE(!open.empty());
        open.pop_back();
      } else {
        std::smatch m;
        open.push_back(std::regex_search(tag, m, key_re) ? m[1].str() : "");
        if (!out.count(open.back()) && !open.back().empty()) out[open.back()] = "";
      }
      i = close + 1;
    } else {
      auto next = html.find('<', i);
      if (next == std::string::npos) next = html.size();
      std::string text = unescape(std::string_view(html).substr(i, next - i));
      for (const auto& k : open)
        if (!k.empty()) out[k] += text;
      i = next;
    }
  }
  CHECK(open.empty());
  return out;
}

Mark mark(CodePointSpan s, const std::string& key, int layer = 0) {
  Mark m;
  m.span = s;
  m.layer = layer;
  m.open = "<mark data-m=\"" + key + "\">";
  return m;
}

}  // namespace

TEST_CASE("escaping turns markup, ampersands and quotes into text") {
  CHECK(escape_html("<script>alert(\"x\")</script>") == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  CHECK(escape_html("Tom & Jerry's &amp; co") == "Tom &amp; Jerry&#39;s &amp;amp; co");
  CHECK(escape_html("line\r\nnext") == "line&#13;\nnext");
  CHECK(escape_html(std::string_view("a\0b", 3)) == "a\xEF\xBF\xBD" "b");
  CHECK(escape_html("Zo\xC3\xAB \xF0\x9F\x98\x80") == "Zo\xC3\xAB \xF0\x9F\x98\x80");  // UTF-8 passes through
}

TEST_CASE("marks land on the right code points: astral emoji, combining accents, CRLF") {
  // U+1F469 U+200D U+1F52C is one emoji of three code points (two outside the BMP); "Jose" + U+0301
  // is five code points shown as four letters; CRLF counts as two.
  const std::u32string text = U"\U0001F469\u200D\U0001F52C Zo\u00EB met Jose\u0301 in C\u1EA7n Th\u01A1.\r\nThen \U0001F600 Ana left.";
  OriginalText original(utf8(text));
  const std::vector<std::u32string> parts{U"\U0001F469\u200D\U0001F52C", U"Zo\u00EB", U"Jose\u0301",
                                          U"C\u1EA7n Th\u01A1", U".\r\nThen", U"\U0001F600 Ana"};
  std::vector<Mark> marks;
  for (std::size_t i = 0; i < parts.size(); ++i) marks.push_back(mark(span_of(text, parts[i]), "k" + std::to_string(i)));
  std::string html = layout_marks(original, marks);
  CHECK(strip_tags(html) == utf8(text));  // the text is all there, once, unchanged
  auto got = text_by_mark(html);
  for (std::size_t i = 0; i < parts.size(); ++i) CHECK(got["k" + std::to_string(i)] == utf8(parts[i]));
}

TEST_CASE("nested marks nest: a person inside a claim, equal spans ordered by layer") {
  const std::u32string text = U"She said Kim Kardashian West would visit on Monday.";
  OriginalText original(utf8(text));
  auto claim = span_of(text, U"Kim Kardashian West would visit on Monday");
  std::vector<Mark> marks{mark(span_of(text, U"Monday"), "date", 2), mark(span_of(text, U"Kim Kardashian West"), "person", 2),
                          mark(claim, "claim", 0), mark(claim, "ref", 3)};
  std::string html = layout_marks(original, marks);
  CHECK(html ==
        "She said <mark data-m=\"claim\"><mark data-m=\"ref\"><mark data-m=\"person\">Kim Kardashian West</mark> would "
        "visit on <mark data-m=\"date\">Monday</mark></mark></mark>.");
  auto got = text_by_mark(html);
  CHECK(got["person"] == "Kim Kardashian West");
  CHECK(got["claim"] == "Kim Kardashian West would visit on Monday");
}

TEST_CASE("crossing marks are split into fragments that still nest and keep their text") {
  const std::u32string text = U"The claim ends inside Jane Doe's name.";
  OriginalText original(utf8(text));
  Mark claim = mark(span_of(text, U"claim ends inside Jane"), "claim");
  Mark person = mark(span_of(text, U"Jane Doe"), "person", 2);
  person.reopen = "<mark data-m=\"person\" class=\"cont\">";
  std::string html = layout_marks(original, {claim, person});
  CHECK(html ==
        "The <mark data-m=\"claim\">claim ends inside <mark data-m=\"person\">Jane</mark></mark>"
        "<mark data-m=\"person\" class=\"cont\"> Doe</mark>&#39;s name.");
  auto got = text_by_mark(html);
  CHECK(got["claim"] == "claim ends inside Jane");
  CHECK(got["person"] == "Jane Doe");
  CHECK(strip_tags(html) == utf8(text));
}

TEST_CASE("spans past the end are clipped, empty spans give empty elements, the text is never lost") {
  const std::u32string text = U"Short <text>.";
  OriginalText original(utf8(text));
  std::string html = layout_marks(original, {mark({6, 99}, "tail"), mark({3, 3}, "empty")});
  CHECK(html == "Sho<mark data-m=\"empty\"></mark>rt <mark data-m=\"tail\">&lt;text&gt;.</mark>");
}

TEST_CASE("record lines and corroborate lines are read back") {
  RenderRecord r;
  REQUIRE(parse_record_line(R"({"doc":"a.txt","type":"claim","text":"it works","span":[10,18],"sent":0,)"
                            R"("speaker":{"text":"she","name":"Ann Lee","id":"ann-lee","span":[0,3]},)"
                            R"("cue":{"text":"said","lemma":"say","span":[4,8]},"quote":"indirect","hedge":"reportedly",)"
                            R"("source":null,"negated":true,"rule":"claim.said_that"})",
                            r) == "");
  CHECK(r.doc == "a.txt");
  CHECK(r.type == "claim");
  CHECK(r.span.begin == 10);
  CHECK(r.span.end == 18);
  REQUIRE(r.speaker);
  CHECK(r.speaker->name == "Ann Lee");
  CHECK(r.speaker->span.end == 3);
  REQUIRE(r.cue);
  CHECK(r.cue->lemma == "say");
  CHECK(r.hedge == "reportedly");
  CHECK(r.source.empty());
  CHECK(r.negated);
  CHECK(r.rule == "claim.said_that");
  CHECK(parse_record_line("{\"type\":\"person\",\"span\":[5,2]}", r) != "");
  CHECK(parse_record_line("not json", r) != "");

  CrossPanel panel;
  CHECK(parse_corroboration_line(R"({"type":"conflict","subject":{"name":"Delroy Hatcher","id":"delroy-hatcher"},)"
                                 R"("attribute":"age","sides":[{"value":"61","docs":["a"],"figures":[{"doc":"a","text":"61","span":[3,5]}]},)"
                                 R"({"value":"62","docs":["b"],"figures":[{"doc":"b","text":"62","span":[7,9]}]}]})",
                                 panel) == "");
  CHECK(parse_corroboration_line(R"({"type":"fact","subject":null,"attribute":"age","values":[]})", panel) == "");
  REQUIRE(panel.conflicts.size() == 1);
  CHECK(panel.conflicts[0].sides[1].figures[0].doc == "b");
  CHECK(panel.conflicts[0].sides[1].figures[0].span.begin == 7);
}

TEST_CASE("the report shows an article with markup in it as text, and links a claim to its speaker and cue") {
  const std::u32string text =
      U"Mayor Jane Porter said \"<script>alert(1)</script> & &amp; stay\" on Monday.\n<img src=x onerror=alert(2)>";
  RenderDocument doc;
  doc.doc = "evil <b>name</b>.txt";
  doc.text = utf8(text);
  auto rec = [&](const std::string& type, std::u32string_view part) {
    RenderRecord r;
    r.doc = doc.doc;
    r.type = type;
    r.span = span_of(text, part);
    r.text = utf8(part);
    return r;
  };
  RenderRecord person = rec("person", U"Jane Porter");
  person.name = "Jane \"JP\" Porter <mayor>";
  person.id = "jane-porter";
  RenderRecord claim = rec("claim", U"<script>alert(1)</script> & &amp; stay");
  claim.speaker = MentionField{"Jane Porter", "Jane Porter", "jane-porter", "", span_of(text, U"Jane Porter")};
  claim.cue = MentionField{"said", "", "", "say", span_of(text, U"said")};
  claim.hedge = "reportedly";
  RenderRecord date = rec("date", U"Monday");
  RenderRecord wrong = rec("place", U"Monday");
  wrong.text = "Tuesday";  // records of another version of the article
  doc.records = {person, claim, date, wrong};

  std::vector<std::string> warnings;
  std::string html = render_report({doc}, nullptr, RenderOptions{}, warnings);
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<b>name") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &amp;amp; stay") != std::string::npos);
  CHECK(html.find("Jane &quot;JP&quot; Porter &lt;mayor&gt;") != std::string::npos);  // in the title attribute
  CHECK(html.find("<!--claimx:") == std::string::npos);
  CHECK(html.find("http://") == std::string::npos);  // nothing fetched from anywhere
  CHECK(html.find("https://") == std::string::npos);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].find("does not match") != std::string::npos);

  // The article's text survives whole, and each mark holds its record's text.
  auto body_at = html.find("<div class=\"text\">");
  auto body_end = html.find("</div>", body_at);
  std::string body = html.substr(body_at + 18, body_end - body_at - 18);
  CHECK(strip_tags(body) == doc.text);
  auto got = text_by_mark(body);
  CHECK(got["d0-r0"] == "Jane Porter");
  CHECK(got["d0-r1"] == utf8(U"<script>alert(1)</script> & &amp; stay"));
  CHECK(got["d0-r2"] == "Monday");
  CHECK(got.count("d0-r3") == 0);
  // The claim points at the person mark (its speaker) and a cue mark around "said".
  std::smatch m;
  REQUIRE(std::regex_search(body, m, std::regex(R"re(data-m="d0-r1"[^>]*data-links="d0-r0 (d0-c\d+)")re")));
  CHECK(got[m[1].str()] == "said");
  CHECK(body.find("class=\"m m-claim hedged\"") != std::string::npos);
}

TEST_CASE("the template's markers all get values") {
  CHECK_THROWS_AS(fill_template("a<!--claimx:nope-->b", {}), std::logic_error);
  CHECK(fill_template("a<!--claimx:x-->b<!--claimx:x-->", {{"x", "1"}}) == "a1b1");
  CHECK(report_template().find("<!--claimx:articles-->") != std::string_view::npos);
}

TEST_CASE("claimx render: one mark per record of the same input, the same page from --from") {
  claimx::testing::TempDir dir;
  dir.write("in/a.txt",
            "WASHINGTON (AP) \xE2\x80\x94 Senator Maria Lopez said on Tuesday that the bill \"will pass <easily> & soon.\"\n\n"
            "\"We are not worried,\" Lopez told reporters in Denver, Colorado, on June 3, 2024.\n");
  auto records = claimx::testing::run_claimx("-q " + dir.str() + "/in");
  REQUIRE(records.status == 0);
  dir.write("records.jsonl", records.out);
  auto page = claimx::testing::run_claimx("render -q " + dir.str() + "/in -o " + dir.str() + "/a.html");
  REQUIRE(page.status == 0);
  std::string html = claimx::testing::slurp(dir.path() / "a.html");

  std::map<std::string, int> expected, shown;
  for (const auto& line : claimx::testing::lines(records.out)) {
    RenderRecord r;
    REQUIRE(parse_record_line(line, r) == "");
    ++expected[r.type];
  }
  static const std::regex first_fragment(R"re(<mark id="d0-r\d+" data-m="[^"]+" class="[^"]*" data-t="(\w+)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), first_fragment); it != std::sregex_iterator(); ++it)
    ++shown[(*it)[1].str()];
  CHECK(expected.size() >= 3);
  CHECK(shown == expected);

  auto from = claimx::testing::run_claimx("render -q --from " + dir.str() + "/records.jsonl " + dir.str() + "/in -o " +
                                          dir.str() + "/b.html");
  REQUIRE(from.status == 0);
  CHECK(claimx::testing::slurp(dir.path() / "b.html") == html);

  auto bad = claimx::testing::run_claimx("render --corroborate --from " + dir.str() + "/records.jsonl " + dir.str() + "/in");
  CHECK(bad.status == 2);
}
