#pragma once
// One article of the report: its original text with every record highlighted.
// In:  a RenderDocument (original text and the records claimx gave for it) and its position in
//      the report (element ids are "d<position>-...").
// Out: an <article> element: the text escaped, a <mark> per record (class m-<type>, data-t the
//      type, data-m a key shared by the fragments of one mark, a title saying name/value/id),
//      claims linked to their speaker mention and cue (data-links), hedged and negated claims
//      flagged by class. A record whose text is not the article's text at its span (records that
//      belong to another version of the article) is left out with a warning, never misplaced.
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "render/mark_layout.h"
#include "render/render_input.h"

namespace claimx::render {

struct RenderOptions {
  bool explain = false;  // show each record's rule id
  std::string title = "claimx report";
};

// Records per type, in the order the report lists them.
inline constexpr const char* kShownTypes[] = {"person", "org", "place", "date", "claim", "fact"};

class ArticleView {
 public:
  ArticleView(const RenderDocument& doc, std::size_t position, const RenderOptions& options);

  const std::string& element_id() const { return id_; }
  const RenderDocument& doc() const { return doc_; }
  std::size_t count(const std::string& type) const;
  // Speaker names of the claims shown (empty string: unattributed), with how many claims each.
  const std::map<std::string, std::size_t>& speakers() const { return speakers_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

  // The key (data-m, and id of the first fragment) of the mark a cross-article link to `span`
  // should land on: the record of that exact span (of `type` if there are several), else a
  // reference mark added for it. Empty when the span is not inside the text.
  std::string anchor_for(CodePointSpan span, const std::string& type);

  std::string html() const;

 private:
  void add_record(std::size_t index);
  std::string add_mark(CodePointSpan span, int layer, const std::string& key, const std::string& attrs);
  std::string mention_key(const MentionField& m, char prefix, const char* cls, const std::string& title);

  const RenderDocument& doc_;
  const RenderOptions& options_;
  std::string id_;
  OriginalText text_;
  std::vector<Mark> marks_;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::pair<std::string, std::string>>> records_at_;  // span -> (type, key)
  std::map<std::tuple<std::uint32_t, std::uint32_t, char>, std::string> extra_at_;  // speaker/cue/ref marks: (span, kind) -> key
  std::map<std::string, std::size_t> counts_, speakers_;
  std::vector<std::string> warnings_;
};

}  // namespace claimx::render
