#include <fmt/format.h>

#include "cli/commands.h"

namespace claimx::cli {

void add_extract_options(CLI::App& app, ExtractArgs& a) {
  app.add_option("paths", a.paths, "Files or folders (walked recursively, sorted); - or nothing reads stdin");
  app.add_option("--input", a.input, "Input format: text (one article per file) or jsonl "
                                     "({\"id\",\"text\",\"date\"} per line; other fields come back as \"meta\")")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->group("Input");
  app.add_option("--glob", a.globs, "File names to read in folders (repeatable; default: *.txt, *.text and "
                                    "names without an extension; *.jsonl with --input jsonl). Example: --glob '*.md'")
      ->group("Input");
  app.add_option("--max-doc-bytes", a.max_doc_bytes, "Larger documents get an error record instead (default 64 MiB)")
      ->group("Input");
  app.add_option("--shard", a.shard, "I/N: only documents whose id hashes to shard I of N (0-based), to split a "
                                     "corpus across machines. Example: --shard 0/4")
      ->group("Input");
  app.add_option("--ref-date", a.ref_date, "Reference date for relative dates (YYYY-MM-DD); a JSONL article's "
                                           "\"date\" wins. Example: --ref-date 2019-06-01")
      ->group("Extraction");
  app.add_option("--types", a.types, "Record types to emit, comma-separated: person,org,place,date,claim. "
                                     "Example: --types person,claim")
      ->group("Extraction");
  app.add_option("--rules", a.rules_dir, "Use the rules in DIR instead of the embedded ones "
                                         "(start from a copy of the repository's rules/)")
      ->group("Extraction");
  app.add_option("-j,--threads", a.threads, "Worker threads (default: all cores); output order never changes")
      ->group("Extraction");
}

RuleSet load_rules(const std::string& rules_dir) {
  return rules_dir.empty() ? RuleSet::load_embedded() : RuleSet::load_dir(rules_dir);
}

SourceOptions source_options(const ExtractArgs& a) {
  SourceOptions s;
  s.paths = a.paths;
  s.globs = a.globs;
  s.format = a.input == "jsonl" ? InputFormat::jsonl : InputFormat::text;
  s.max_doc_bytes = a.max_doc_bytes;
  if (!a.shard.empty()) {
    unsigned index = 0, count = 0;
    char slash = 0;
    if (std::sscanf(a.shard.c_str(), "%u%c%u", &index, &slash, &count) != 3 || slash != '/' || count == 0 ||
        index >= count)
      throw UsageError{fmt::format("--shard {}: expected I/N with 0 <= I < N, e.g. 0/4", a.shard)};
    s.shard_index = index;
    s.shard_count = count;
  }
  return s;
}

ExtractOptions extract_options(const ExtractArgs& a) {
  ExtractOptions e;
  if (!a.ref_date.empty()) {
    e.ref_date = parse_iso_date(a.ref_date);
    if (!e.ref_date || a.ref_date.size() != 10)
      throw UsageError{fmt::format("--ref-date {}: expected a date as YYYY-MM-DD", a.ref_date)};
  }
  if (!a.types.empty()) {
    e.types.bits = 0;
    std::size_t i = 0;
    while (i <= a.types.size()) {
      auto comma = a.types.find(',', i);
      std::string t = a.types.substr(i, comma == std::string::npos ? std::string::npos : comma - i);
      i = comma == std::string::npos ? a.types.size() + 1 : comma + 1;
      RecordType rt;
      if (!parse_type(t, rt) || rt == RecordType::boilerplate)
        throw UsageError{fmt::format("--types: unknown type `{}` (person, org, place, date, claim)", t)};
      e.types.bits |= 1u << static_cast<int>(rt);
    }
  }
  return e;
}

}  // namespace claimx::cli
