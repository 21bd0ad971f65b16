#pragma once
// What each libFuzzer target checks, as plain functions: the fuzz_*.cc mains call them under
// libFuzzer, and tests/fuzz_regression_test.cc calls them on every input kept under
// tests/regressions/TARGET/ and on the seeds, so a crash found once stays fixed in a normal build.
// An input claimx rejects (an error record, a RuleError) is fine; a broken invariant prints what
// broke and aborts, as a crash would.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace claimx::fuzz {

// decode -> normalize -> segment on raw bytes: decoded text is UTF-8; every match-text byte maps
// into the original article and the map never goes backwards; sentences are ordered, disjoint and
// cut on character boundaries.
void text_stages(const std::uint8_t* data, std::size_t size);

// RuleSet::load on a fuzzed rule file (with the embedded word lists beside it; text after a line
// "%%" becomes lists/fuzz.tsv); when it loads, every example is run through the extraction.
void rule_file(const std::uint8_t* data, std::size_t size);

// parse_jsonl_article on each line: an accepted article has UTF-8 text and meta that is a JSON object.
void jsonl_line(const std::uint8_t* data, std::size_t size);

// Extractor::run with the embedded rules on one document, then both writers: spans inside the
// text, output lines valid JSON in valid UTF-8.
void extract_document(const std::uint8_t* data, std::size_t size);

// The target called `name` ("text_stages", ...), or nullptr.
using Target = void (*)(const std::uint8_t*, std::size_t);
Target target_named(std::string_view name);

}  // namespace claimx::fuzz
