#pragma once
// What the report shows, read back from claimx's own JSON Lines output: the report renders
// exactly what `claimx` and `claimx corroborate` print, whether it ran the extraction itself or
// was given saved output (--from, --corroborate-from).
// In:  one output line at a time: a record line (person, org, place, date, claim, fact, error) or
//      a corroborate line (entity, claim_group, conflict; other kinds are skipped).
// Out: plain structs; spans stay [begin, end) in code points of the original article.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/normalize.h"

namespace claimx::render {

// A mention a claim or fact points at (speaker, cue, subject).
struct MentionField {
  std::string text, name, id, lemma;
  CodePointSpan span;
};

struct RenderRecord {
  std::string doc, type, text;  // type: person, org, place, date, claim, fact or error
  CodePointSpan span;
  std::string name, id, kind;                 // person, org, place
  std::string timex, value, anchor, mod;      // date (value also for fact)
  std::optional<MentionField> speaker, cue;   // claim
  std::string quote, hedge, source;           // claim
  bool negated = false;
  std::optional<MentionField> subject;        // fact
  std::string attribute;
  std::string rule;     // with --explain
  std::string message;  // error
};

// One article: its original text (decoded, as spans count it) and its records in output order.
struct RenderDocument {
  std::string doc;
  std::string text;
  std::string error;  // the article could not be read: no text, only this message
  std::vector<RenderRecord> records;
};

// A place in an article the cross-article panel links to.
struct DocSpan {
  std::string doc, text;
  CodePointSpan span;
};

struct PanelEntity {
  std::string id, type, name;
  std::vector<std::string> forms;
  std::vector<std::pair<std::string, std::vector<DocSpan>>> docs;  // doc -> its mentions
};

struct PanelClaimGroup {
  std::string id, speaker_name, speaker_id, text;  // speaker empty: unattributed
  std::size_t doc_count = 0;
  std::vector<DocSpan> claims;
};

struct PanelConflict {
  std::string subject_name, subject_id, attribute;
  struct Side {
    std::string value;
    std::vector<std::string> docs;
    std::vector<DocSpan> figures;
  };
  std::vector<Side> sides;
};

struct CrossPanel {
  std::vector<PanelEntity> entities;
  std::vector<PanelClaimGroup> claim_groups;
  std::vector<PanelConflict> conflicts;
};

// Parses one record line. Returns an error message ("" on success).
std::string parse_record_line(std::string_view line, RenderRecord& out);

// Adds one corroborate line to `panel` (kinds the panel does not show are skipped). Returns an
// error message ("" on success).
std::string parse_corroboration_line(std::string_view line, CrossPanel& panel);

}  // namespace claimx::render
