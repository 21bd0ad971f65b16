#include "cli/cli_outline.h"

namespace claimx::cli {

namespace {

// "TEXT:{text,jsonl}" -> base "TEXT", choices {text, jsonl}: CLI11 appends each validator's
// description to the type name, and IsMember describes itself as the braced set.
void split_type_name(const std::string& type_name, std::string& base, std::vector<std::string>& choices) {
  auto colon = type_name.find(':');
  base = type_name.substr(0, colon);
  if (colon == std::string::npos) return;
  auto open = type_name.find('{', colon), close = type_name.find('}', colon);
  if (open == std::string::npos || close == std::string::npos || close < open) return;
  std::string set = type_name.substr(open + 1, close - open - 1);
  std::size_t i = 0;
  while (i <= set.size()) {
    auto comma = set.find(',', i);
    if (comma == std::string::npos) comma = set.size();
    if (comma > i) choices.push_back(set.substr(i, comma - i));
    i = comma + 1;
  }
}

CommandOutline outline_of(const CLI::App& app, std::vector<std::string> path) {
  CommandOutline c;
  c.path = std::move(path);
  c.description = app.get_description();
  c.footer = app.get_footer();
  c.requires_subcommand = app.get_require_subcommand_min() > 0;
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;  // hidden
    const bool repeatable = opt->get_expected_max() == CLI::detail::expected_max_vector_size;
    std::string base;
    std::vector<std::string> choices;
    if (opt->get_type_size() != 0) split_type_name(opt->get_type_name(), base, choices);
    if (!opt->nonpositional()) {
      c.positionals.push_back({opt->get_name(true), base, opt->get_description(), repeatable, opt->get_required()});
      continue;
    }
    OptionOutline o;
    for (const auto& s : opt->get_snames()) o.names.push_back("-" + s);
    for (const auto& l : opt->get_lnames()) o.names.push_back("--" + l);
    o.value = base;
    o.choices = std::move(choices);
    o.description = opt->get_description();
    o.group = opt->get_group();
    o.repeatable = repeatable;
    o.required = opt->get_required();
    c.options.push_back(std::move(o));
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    auto sub_path = c.path;
    sub_path.push_back(sub->get_name());
    c.subcommands.push_back(outline_of(*sub, std::move(sub_path)));
  }
  return c;
}

}  // namespace

CommandOutline outline(const CLI::App& app) { return outline_of(app, {}); }

std::string joined(const std::vector<std::string>& path) {
  std::string out;
  for (const auto& p : path) out += (out.empty() ? "" : " ") + p;
  return out;
}

}  // namespace claimx::cli
