#pragma once
// Running the in-process pipeline on a test's own text: the embedded rules, loaded once per test
// process, one document through the Extractor, and record spans read back from the original.
#include <string>

#include "pipeline/extractor.h"

namespace claimx::testing {

inline const RuleSet& embedded_rules() {
  static const RuleSet set = RuleSet::load_embedded();
  return set;
}

inline ExtractedDocument extract_text(const std::string& text, const ExtractOptions& opt = {}) {
  Extractor extractor(embedded_rules(), opt);
  RawDocument in;
  in.id = "test";
  in.bytes = text;
  in.is_utf8 = true;
  return extractor.run(in);
}

// The original text under a span of the match text.
inline std::string original_text(const ExtractedDocument& doc, ByteSpan s) {
  return std::string(doc.original->slice(doc.match.to_original(s.begin, s.end)));
}

}  // namespace claimx::testing
