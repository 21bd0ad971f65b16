#pragma once
// corroborate: the cross-article view, a stage after per-document extraction (which it reuses
// unchanged).
// In:  the extracted records of a set of articles about the same events (people, organizations,
//      places, claims and facts, with spans in code points of each article).
// Out: `entity` records (one real-world person/org/place across the documents, every surface form
//      and where it appears), `claim_group` records (claims by the same speaker that say the same
//      thing, with the documents carrying each), `fact` records (a figure about a subject, with the
//      documents giving it) and `conflict` records (two or more documents that give different
//      figures for the same subject and attribute, each side with its documents, spans and text).
#include <map>
#include <string>
#include <vector>

#include "normalize/normalize.h"
#include "pipeline/extractor.h"

namespace claimx {

struct Mention {
  std::string doc, text;
  CodePointSpan span;
};

// What corroboration needs of one document: its records, with spans already in code points.
struct DocumentFacts {
  std::string doc;
  struct Entity {
    std::string type, name, id;  // per-document canonical name and id
    std::vector<Mention> mentions;
  };
  struct Claim {
    Mention content;
    std::string speaker_id, speaker_name;  // per-document; empty when unattributed
    std::string cue;
  };
  struct Fact {
    Mention figure;
    std::string subject_id, subject_name, attribute, value;
  };
  std::vector<Entity> entities;
  std::vector<Claim> claims;
  std::vector<Fact> facts;
};

DocumentFacts collect_document(const ExtractedDocument& doc);

struct CrossEntity {
  std::string id, type, name;
  std::vector<std::string> forms;                       // every surface form, sorted
  std::map<std::string, std::vector<Mention>> by_doc;  // doc -> mentions, in input order of docs
  std::vector<std::string> docs;                        // documents in input order
};

struct ClaimGroup {
  std::string id;
  std::string speaker_id, speaker_name;  // cross-document entity; empty when unattributed
  std::string text;                      // the longest member's content
  std::vector<Mention> members;          // one per claim, in input order
  std::vector<std::string> docs;         // distinct documents, in input order
};

struct FactSide {
  std::string value;
  std::vector<Mention> figures;
  std::vector<std::string> docs;
};

struct FactGroup {
  std::string subject_id, subject_name, attribute;
  std::vector<FactSide> sides;  // one per distinct value, in order of first appearance
};

// Whether two documents disagree: they give values and none in common. One article giving two
// values ("61" now, "60" at the time of the trial) does not contradict another giving one of them.
bool is_conflict(const FactGroup& g);

struct CorroborateOptions {
  // Two claims say the same thing when their word 3-shingle Jaccard similarity reaches this, or
  // when the shorter one's shingles are this share (see kContainment) of the longer one's.
  double similarity = 0.5;
  double containment = 0.8;
};

struct CorroborationReport {
  std::vector<CrossEntity> entities;
  std::vector<ClaimGroup> claim_groups;
  std::vector<FactGroup> facts;
};

CorroborationReport corroborate(const std::vector<DocumentFacts>& docs, const CorroborateOptions& options);

// Whether two names can be the same person: one is a run of the other's words (the last word
// may be one edit away: "Pallow" for "Pellow"), and given names never disagree ("Irene Talbrook"
// is not "Nora Talbrook Quist").
bool names_compatible(const std::string& a, const std::string& b);

// Word 3-shingle similarity of two texts: {jaccard, containment of the smaller in the larger}.
std::pair<double, double> text_similarity(const std::string& a, const std::string& b);

}  // namespace claimx
