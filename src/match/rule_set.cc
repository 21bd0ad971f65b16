#include "match/rule_set.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <exception>
#include <iterator>
#include <optional>
#include <set>
#include <string_view>

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>

#include "match/pattern_walk.h"

namespace claimx {

namespace {

// Memory budgets for RE2 (see issue "Reliability"): a rule or set whose program needs more is an
// error. The same budget caps each lazy DFA's state cache, which is where the memory of a long run
// goes (a full cache is flushed and rebuilt, or the search falls back to the NFA: slower, same
// result). All BBC articles (5 MB, -j 1): 16 and 64 MiB peaked at 304 MB, 2 and 4 MiB at 161 MB
// with the same output and the same CPU time within noise; the 1 MB sentence test took 13% longer.
// With documents matched in chunks, 1 MiB a rule took 10 MB less than 2 MiB on 900 BBC articles
// and 0.8% fewer instructions on 300 (a Set's budget is not cut: 3 MiB cost 4% more, 2 MiB 12%).
// It caps a rule at about 16,000 RE2 instructions; the largest shipped rule has 11,000.
constexpr int64_t kRuleMaxMem = 1 << 20;
constexpr int64_t kSetMaxMem = 4 << 20;
// Largest RE2 program (instructions, RE2::ProgramSize of the rules' patterns) one prefilter Set
// holds; a larger rule gets a Set of its own. Measured on 300 BBC articles (bench/set_ceiling):
// one Set per group spent 8.3 s CPU building DFA states; Sets of a few thousand instructions less
// than a second.
constexpr int kSetProgramBudget = 2000;

// Record fields a rule of each type may set; anything else is a typo and an error.
const std::set<std::string>& allowed_fields(RecordType t) {
  static const std::set<std::string> entity = {"name", "kind", "mention"};
  static const std::set<std::string> date = {"timex", "value", "mod", "tense"};
  static const std::set<std::string> claim = {"quote", "lemma", "hedge", "source", "negated", "speaker_kind", "block"};
  static const std::set<std::string> fact = {"attribute", "value", "unit"};
  static const std::set<std::string> none = {};
  switch (t) {
    case RecordType::person: case RecordType::org: case RecordType::place: return entity;
    case RecordType::date: return date;
    case RecordType::claim: return claim;
    case RecordType::fact: return fact;
    default: return none;
  }
}

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  std::size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

struct Define {
  std::string body;
  std::string file;
  int line;
};

struct ListDecl {
  std::string path;
  std::string file;
  int line;
};

// A rule block as written, before compiling.
struct RawRule {
  std::string id, file;
  int line = 0;
  std::vector<std::tuple<std::string, std::string, int>> entries;  // key, value, line
};

class Loader {
 public:
  Loader(const std::map<std::string, std::string>& files) : files_(files) {}

  void parse_file(const std::string& name, const std::string& text) {
    int line_no = 0;
    RawRule* current = nullptr;
    std::size_t pos = 0;
    while (pos <= text.size()) {
      std::size_t nl = text.find('\n', pos);
      std::string raw = text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
      pos = nl == std::string::npos ? text.size() + 1 : nl + 1;
      ++line_no;
      std::string line = trim(raw);
      if (line.empty() || line[0] == '#') continue;
      auto word_end = line.find_first_of(" \t");
      std::string word = line.substr(0, word_end);
      std::string rest = word_end == std::string::npos ? "" : trim(line.substr(word_end));
      if (word == "rule") {
        if (rest.empty() || rest.find_first_of(" \t") != std::string::npos)
          throw RuleError{name, line_no, "expected `rule ID` with an id like date.month_day_year"};
        raw_rules_.push_back({rest, name, line_no, {}});
        current = &raw_rules_.back();
        continue;
      }
      if (word == "define" || word == "list") {
        current = nullptr;
        auto eq = rest.find('=');
        if (eq == std::string::npos)
          throw RuleError{name, line_no, fmt::format("expected `{} NAME = ...`", word)};
        std::string key = trim(rest.substr(0, eq));
        std::string value = trim(rest.substr(eq + 1));
        if (key.empty() || !std::all_of(key.begin(), key.end(), is_name_char))
          throw RuleError{name, line_no, fmt::format("bad {} name `{}`", word, key)};
        if (word == "define") {
          if (defines_.count(key))
            throw RuleError{name, line_no, fmt::format("macro {} already defined at {}:{}", key,
                                                       defines_[key].file, defines_[key].line)};
          defines_[key] = {value, name, line_no};
        } else {
          if (list_decls_.count(key))
            throw RuleError{name, line_no, fmt::format("list {} already declared at {}:{}", key,
                                                       list_decls_[key].file, list_decls_[key].line)};
          list_decls_[key] = {value, name, line_no};
        }
        continue;
      }
      auto colon = line.find(':');
      if (current == nullptr || colon == std::string::npos || colon == 0 ||
          !std::all_of(line.begin(), line.begin() + colon, is_name_char))
        throw RuleError{name, line_no,
                        current == nullptr ? "expected `rule ID`, `define NAME = ...` or `list NAME = ...`"
                                           : "expected `key: value` inside a rule"};
      current->entries.emplace_back(line.substr(0, colon), trim(line.substr(colon + 1)), line_no);
    }
  }

  void load_lists() {
    for (const auto& [name, decl] : list_decls_) {
      auto it = files_.find(decl.path);
      if (it == files_.end())
        throw RuleError{decl.file, decl.line, fmt::format("list {}: file {} not found", name, decl.path)};
      lists_[name] = std::make_unique<WordList>(WordList::parse(it->second, decl.path));
    }
  }

  // Replaces {MACRO}, {list:NAME} and {ilist:NAME} in a pattern. A macro whose body is one
  // bracket expression (`define UPPER = [A-Z...]`) is a character class: inside another bracket
  // expression its ranges are spliced in, so `[{UPPER}{DIGIT}]` works. Shared narrow classes keep
  // programs small: RE2 compiles `\p{Lu}` to thousands of instructions (issue 10).
  std::string expand(const std::string& pattern, const std::string& file, int line, int depth = 0) {
    if (depth > 20) throw RuleError{file, line, "macros nest too deep (a macro refers to itself?)"};
    std::string out;
    bool in_class = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
      if (const Atom a = atom_at(pattern, i, in_class); a.len > 0) {
        out.append(pattern, i, a.len);
        in_class = in_class || a.opens_class;
        i += a.len - 1;
        continue;
      }
      const char c = pattern[i];
      if (in_class && c == ']') in_class = false;
      if (c == '{' && i + 1 < pattern.size() && std::isalpha(static_cast<unsigned char>(pattern[i + 1]))) {
        auto close = pattern.find('}', i);
        if (close == std::string::npos) throw RuleError{file, line, "unclosed `{` in pattern"};
        std::string ref = pattern.substr(i + 1, close - i - 1);
        i = close;
        auto colon = ref.find(':');
        if (colon != std::string::npos) {
          std::string kind = ref.substr(0, colon), name = ref.substr(colon + 1);
          auto it = lists_.find(name);
          if ((kind != "list" && kind != "ilist") || it == lists_.end())
            throw RuleError{file, line, fmt::format("unknown list `{}` in pattern (declare it with `list {} = lists/FILE`)", name, name)};
          if (in_class) throw RuleError{file, line, fmt::format("list `{}` used inside [...]", name)};
          out += kind == "ilist" ? "(?i:" : "(?:";
          bool first = true;
          for (const auto& s : it->second->surfaces()) {
            if (!first) out += '|';
            first = false;
            out += RE2::QuoteMeta(s);
          }
          out += ')';
          continue;
        }
        auto it = defines_.find(ref);
        if (it == defines_.end()) throw RuleError{file, line, fmt::format("unknown macro {{{}}}", ref)};
        std::string body = expand(it->second.body, file, line, depth + 1);
        if (in_class) {
          if (!is_class(body) || body[1] == '^')
            throw RuleError{file, line, fmt::format("macro {{{}}} used inside [...] is not a character class "
                                                    "(its body must be one bracket expression like [A-Z])", ref)};
          out += body.substr(1, body.size() - 2);
        } else {
          out += "(?:" + body + ")";
        }
        continue;
      }
      out += c;
    }
    return out;
  }

  // True when `p` is exactly one bracket expression: "[...]" with its first unescaped closing
  // bracket at the end.
  static bool is_class(const std::string& p) {
    if (p.empty() || p.back() != ']') return false;
    const Atom open = atom_at(p, 0, false);
    if (!open.opens_class) return false;
    for (std::size_t i = open.len; i < p.size(); ++i) {
      if (const Atom a = atom_at(p, i, true); a.len > 0) {
        i += a.len - 1;
        continue;
      }
      if (p[i] == ']') return i == p.size() - 1;
    }
    return false;
  }

  Template parse_template(const Rule& r, const std::string& src, int line) {
    Template t;
    t.source = src;
    std::string lit;
    for (std::size_t i = 0; i < src.size(); ++i) {
      if (src[i] != '{') {
        lit += src[i];
        continue;
      }
      auto close = src.find('}', i);
      if (close == std::string::npos) throw RuleError{r.file, line, "unclosed `{` in field value"};
      std::string ref = src.substr(i + 1, close - i - 1);
      i = close;
      if (!lit.empty()) t.parts.push_back({lit, -1, nullptr});
      lit.clear();
      Template::Part part;
      auto colon = ref.find(':');
      std::string group = ref.substr(0, colon);
      part.group = r.group_index(group);
      if (part.group < 0) throw RuleError{r.file, line, fmt::format("field refers to unknown group `{}`", group)};
      if (colon != std::string::npos) {
        auto it = lists_.find(ref.substr(colon + 1));
        if (it == lists_.end()) throw RuleError{r.file, line, fmt::format("unknown list `{}`", ref.substr(colon + 1))};
        part.list = it->second.get();
      }
      t.parts.push_back(part);
    }
    if (!lit.empty()) t.parts.push_back({lit, -1, nullptr});
    return t;
  }

  static Example parse_example(const std::string& value, int line, bool counter) {
    Example ex;
    ex.line = line;
    ex.counter = counter;
    auto arrow = value.find(" => ");
    ex.text = arrow == std::string::npos ? value : value.substr(0, arrow);
    // `\n` in an example (and in its expected values) is a line break: examples can hold paragraphs.
    for (std::size_t at = ex.text.find("\\n"); at != std::string::npos; at = ex.text.find("\\n", at + 1))
      ex.text.replace(at, 2, "\n");
    if (arrow == std::string::npos) return ex;
    std::string rest = value.substr(arrow + 4);
    std::size_t i = 0;
    while (i < rest.size()) {
      while (i < rest.size() && (rest[i] == ' ' || rest[i] == ',')) ++i;
      if (i >= rest.size()) break;
      auto eq = rest.find('=', i);
      if (eq == std::string::npos) break;
      std::string key = trim(rest.substr(i, eq - i));
      std::string val;
      i = eq + 1;
      if (i < rest.size() && rest[i] == '"') {
        auto close = rest.find('"', i + 1);
        if (close == std::string::npos) close = rest.size();
        val = rest.substr(i + 1, close - i - 1);
        i = close + 1;
      } else {
        auto comma = rest.find(',', i);
        val = trim(rest.substr(i, comma == std::string::npos ? std::string::npos : comma - i));
        i = comma == std::string::npos ? rest.size() : comma;
      }
      // "\n" in an expected value is a newline. Copied rather than replaced in place: GCC 12 warns
      // (-Wrestrict) about the in-place std::string::replace.
      std::string unescaped;
      for (std::size_t c = 0; c < val.size(); ++c) {
        if (val.compare(c, 2, "\\n") == 0) {
          unescaped += '\n';
          ++c;
        } else {
          unescaped += val[c];
        }
      }
      ex.expect.emplace_back(key, std::move(unescaped));
    }
    return ex;
  }

  Rule compile(const RawRule& raw, int order) {
    Rule r;
    r.id = raw.id;
    r.file = raw.file;
    r.line = raw.line;
    r.order = order;
    bool has_type = false;
    std::string pattern;
    int pattern_line = raw.line;
    for (const auto& [key, value, line] : raw.entries) {
      if (key == "type") {
        if (!parse_type(value, r.type))
          throw RuleError{raw.file, line, fmt::format("unknown type `{}` (person, org, place, date, claim, fact, boilerplate)", value)};
        has_type = true;
      } else if (key == "pattern") {
        if (pattern.empty()) pattern_line = line;
        pattern += value;
      }
    }
    if (!has_type) throw RuleError{raw.file, raw.line, fmt::format("rule {} has no `type:`", r.id)};
    if (pattern.empty()) throw RuleError{raw.file, raw.line, fmt::format("rule {} has no `pattern:`", r.id)};
    r.pattern = expand(pattern, raw.file, pattern_line);
    RE2::Options opt;
    opt.set_log_errors(false);
    opt.set_max_mem(kRuleMaxMem);
    r.re = std::make_unique<RE2>(r.pattern, opt);
    if (!r.re->ok())
      throw RuleError{raw.file, pattern_line,
                      fmt::format("rule {}: bad pattern: {}{}", r.id, r.re->error(),
                                  r.re->error_code() == RE2::ErrorPatternTooLarge
                                      ? fmt::format(" (over the memory budget of {} MiB for one rule)", kRuleMaxMem >> 20)
                                      : "")};
    r.group_names.assign(r.re->NumberOfCapturingGroups() + 1, "");
    for (const auto& [name, index] : r.re->NamedCapturingGroups()) r.group_names[index] = name;
    r.whole_group = r.group_names.size() == 2 && r.pattern.rfind("(?P<", 0) == 0 &&
                    group_end(r.pattern, 0) == r.pattern.size() - 1;

    for (const auto& [key, value, line] : raw.entries) {
      if (key == "type" || key == "pattern") continue;
      if (key == "priority") {
        try {
          std::size_t used = 0;
          r.priority = std::stoi(value, &used);
          if (used != value.size()) throw std::invalid_argument(value);
        } catch (const std::exception&) {
          throw RuleError{raw.file, line, fmt::format("priority must be an integer, not `{}`", value)};
        }
      } else if (key == "scope") {
        if (value == "sentence") r.scope = Scope::sentence;
        else if (value == "paragraph") r.scope = Scope::paragraph;
        else throw RuleError{raw.file, line, "scope must be `sentence` or `paragraph`"};
      } else if (key == "span") {
        r.span_group = r.group_index(value);
        if (r.span_group < 0) throw RuleError{raw.file, line, fmt::format("span: no group named `{}` in the pattern", value)};
      } else if (key == "blocker" || key == "boundaries" || key == "shrink" || key == "cut") {
        if (value != "true" && value != "false") throw RuleError{raw.file, line, fmt::format("{} must be true or false", key)};
        (key == "blocker" ? r.blocker : key == "boundaries" ? r.boundaries : key == "shrink" ? r.shrink : r.cut) = value == "true";
      } else if (key == "retry") {
        r.retry_group = r.group_index(value);
        if (r.retry_group < 0) throw RuleError{raw.file, line, fmt::format("retry: no group named `{}` in the pattern", value)};
      } else if (key == "require") {
        // GROUP in LIST | GROUP not in LIST | GROUP words in LIST | GROUP words not in LIST
        Requirement req;
        std::string v = value;
        auto sp = v.find(' ');
        req.group_name = v.substr(0, sp);
        std::string rest = sp == std::string::npos ? "" : trim(v.substr(sp));
        if (rest.rfind("words ", 0) == 0) {
          req.each_word = true;
          rest = trim(rest.substr(6));
        }
        if (rest.rfind("not in ", 0) == 0) {
          req.negate = true;
          rest = trim(rest.substr(7));
        } else if (rest.rfind("in ", 0) == 0) {
          rest = trim(rest.substr(3));
        } else {
          throw RuleError{raw.file, line, "expected `require: GROUP [words] in LIST` or `require: GROUP [words] not in LIST`"};
        }
        req.group = r.group_index(req.group_name);
        if (req.group < 0) throw RuleError{raw.file, line, fmt::format("require: no group named `{}` in the pattern", req.group_name)};
        auto it = lists_.find(rest);
        if (it == lists_.end()) throw RuleError{raw.file, line, fmt::format("require: unknown list `{}`", rest)};
        req.list = it->second.get();
        r.requirements.push_back(req);
      } else if (key == "example" || key == "counter") {
        if (value.empty()) throw RuleError{raw.file, line, fmt::format("empty {}", key)};
        r.examples.push_back(parse_example(value, line, key == "counter"));
      } else if (allowed_fields(r.type).count(key)) {
        if (r.fields.count(key)) throw RuleError{raw.file, line, fmt::format("field `{}` set twice", key)};
        r.fields[key] = parse_template(r, value, line);
      } else {
        throw RuleError{raw.file, line, fmt::format("unknown key `{}` for a {} rule", key, type_name(r.type))};
      }
    }
    // A claim's record is its content: the `content` group is its span unless `span:` says otherwise.
    if (r.type == RecordType::claim && r.span_group == 0 && r.group_index("content") > 0 &&
        std::none_of(raw.entries.begin(), raw.entries.end(), [](const auto& e) { return std::get<0>(e) == "span"; }))
      r.span_group = r.group_index("content");
    bool has_example = std::any_of(r.examples.begin(), r.examples.end(), [](const Example& e) { return !e.counter; });
    if (!has_example) throw RuleError{raw.file, raw.line, fmt::format("rule {} has no `example:`", r.id)};
    return r;
  }

  RuleSet finish(const std::string& origin);

  const std::map<std::string, std::string>& files_;
  std::vector<RawRule> raw_rules_;
  std::map<std::string, Define> defines_;
  std::map<std::string, ListDecl> list_decls_;
  std::map<std::string, std::unique_ptr<WordList>> lists_;
};

}  // namespace

std::string RuleError::what() const {
  return line > 0 ? fmt::format("{}:{}: {}", file, line, message) : fmt::format("{}: {}", file, message);
}

const char* type_name(RecordType t) {
  static const char* names[] = {"person", "org", "place", "date", "claim", "fact", "boilerplate"};
  return names[static_cast<int>(t)];
}

bool parse_type(const std::string& s, RecordType& out) {
  for (int i = 0; i < kRecordTypes; ++i)
    if (s == type_name(static_cast<RecordType>(i))) {
      out = static_cast<RecordType>(i);
      return true;
    }
  return false;
}

int Rule::group_index(const std::string& name) const {
  for (std::size_t i = 1; i < group_names.size(); ++i)
    if (group_names[i] == name) return static_cast<int>(i);
  return -1;
}

const WordList* RuleSet::list(const std::string& name) const {
  auto it = lists_.find(name);
  return it == lists_.end() ? nullptr : it->second.get();
}

RuleSet RuleSet::load(const std::map<std::string, std::string>& files, const std::string& origin) {
  Loader loader(files);
  bool any = false;
  for (const auto& [path, text] : files) {
    if (path.find('/') != std::string::npos || path.size() < 7 || path.substr(path.size() - 6) != ".rules") continue;
    loader.parse_file(origin.empty() ? path : origin + "/" + path, text);
    any = true;
  }
  if (!any) throw RuleError{origin, 0, "no *.rules files"};
  loader.load_lists();
  RuleSet set;
  set.origin_ = origin;
  std::map<std::string, std::pair<std::string, int>> seen;
  for (const auto& raw : loader.raw_rules_) {
    auto [it, inserted] = seen.emplace(raw.id, std::make_pair(raw.file, raw.line));
    if (!inserted)
      throw RuleError{raw.file, raw.line, fmt::format("duplicate rule id {} (first at {}:{})", raw.id,
                                                      it->second.first, it->second.second)};
  }
  // Compiling the patterns is most of start-up and each rule is independent (compile() only reads
  // the loader): they compile on all cores. The first error in file order is the one reported.
  const std::size_t n = loader.raw_rules_.size();
  std::vector<std::optional<Rule>> compiled(n);
  std::vector<std::exception_ptr> errors(n);
  tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
    try {
      compiled[i].emplace(loader.compile(loader.raw_rules_[i], static_cast<int>(i)));
    } catch (...) {
      errors[i] = std::current_exception();
    }
  });
  for (std::size_t i = 0; i < n; ++i) {
    if (errors[i]) std::rethrow_exception(errors[i]);
    set.rules_.push_back(std::move(*compiled[i]));
  }
  // Rules with the same pattern (the gazetteer rules "(?P<place>{CAP_SEQ})" with different lists)
  // use one RE2, so the matcher can run each search once for all of them (see MatchMemo).
  std::map<std::string_view, Rule*> first_with;
  for (auto& r : set.rules_) {
    auto [it, inserted] = first_with.emplace(r.pattern, &r);
    if (inserted) continue;
    r.re = it->second->re;
    r.shares_pattern = it->second->shares_pattern = true;
  }
  set.lists_ = std::move(loader.lists_);
  set.groups_.resize(kRecordTypes * 2);
  for (const auto& r : set.rules_) set.groups_[static_cast<int>(r.type) * 2 + static_cast<int>(r.scope)].rules.push_back(&r);
  // The prefilter: which rules go in which Set is decided here, in rule order; the Sets themselves
  // (adding and compiling their patterns, a third of start-up) and the literal gate are built in
  // parallel. An error is reported as it was when they were built one after the other: the first
  // Set's, in group order.
  RE2::Options opt;
  opt.set_log_errors(false);
  opt.set_max_mem(kSetMaxMem);
  struct SetJob {
    RuleSet::Group* group;
    std::size_t index;  // into group->sets
  };
  std::vector<SetJob> jobs;
  for (auto& g : set.groups_) {
    int budget_used = 0;
    for (int i = 0; i < static_cast<int>(g.rules.size()); ++i) {
      int size = g.rules[i]->re->ProgramSize();  // about the Set pattern's size: widened, or narrowed to a short list
      if (g.sets.empty() || budget_used + size > kSetProgramBudget) {
        jobs.push_back({&g, g.sets.size()});
        g.sets.push_back({std::make_unique<RE2::Set>(opt, RE2::UNANCHORED), i, 0});
        budget_used = 0;
      }
      ++g.sets.back().count;
      budget_used += size;
    }
  }
  // Each rule's pattern with its short lists spelled out: the Sets and the literal gate both read it.
  std::vector<std::string> narrowed(set.rules_.size());
  tbb::parallel_for(std::size_t{0}, narrowed.size(), [&](std::size_t i) { narrowed[i] = narrowed_by_lists(set.rules_[i]); });
  auto build_set = [&](const SetJob& job) {
    const auto& g = *job.group;
    const auto& p = g.sets[job.index];
    for (int i = p.first; i < p.first + p.count; ++i) {
      const Rule& r = *g.rules[i];
      std::string err;
      if (p.set->Add(prefilter_pattern(narrowed[r.order]), &err) < 0)
        throw RuleError{r.file, r.line, fmt::format("rule {}: bad pattern: {}", r.id, err)};
    }
    if (!p.set->Compile())
      throw RuleError{g.rules[p.first]->file, g.rules[p.first]->line,
                      fmt::format("the prefilter Set from rule {} on exceeds RE2's memory budget ({} MiB)",
                                  g.rules[p.first]->id, kSetMaxMem >> 20)};
  };
  std::vector<std::exception_ptr> set_errors(jobs.size());
  tbb::parallel_invoke(
      [&] {
        // From the narrowed patterns, like the Sets: a rule that takes any word and checks it
        // against stance words (claim.plural_stance) then needs one of those words.
        set.gate_ = std::make_unique<LiteralGate>(narrowed);
      },
      [&] {
        tbb::parallel_for(std::size_t{0}, jobs.size(), [&](std::size_t j) {
          try {
            build_set(jobs[j]);
          } catch (...) {
            set_errors[j] = std::current_exception();
          }
        });
      });
  for (auto& e : set_errors)
    if (e) std::rethrow_exception(e);
  return set;
}

void RuleSet::Group::may_match(std::string_view piece, std::vector<int>& hits, const std::vector<char>* literal) const {
  hits.clear();
  for (std::size_t k = 0; k < sets.size(); ++k) set_may_match(k, piece, hits, literal);
}

void RuleSet::Group::set_may_match(std::size_t set, std::string_view piece, std::vector<int>& hits,
                                   const std::vector<char>* literal) const {
  thread_local std::vector<int> part;
  const Prefilter& p = sets[set];
  auto passes = [&](int i) { return literal == nullptr || (*literal)[rules[i]->order]; };
  if (literal != nullptr) {
    bool any = false;
    for (int i = p.first; i < p.first + p.count && !any; ++i) any = passes(i);
    if (!any) return;
  }
  part.clear();
  RE2::Set::ErrorInfo error{};
  if (p.set->Match(re2::StringPiece(piece.data(), piece.size()), &part, &error)) {
    std::sort(part.begin(), part.end());
    for (int h : part)
      if (passes(p.first + h)) hits.push_back(p.first + h);
  } else if (error.kind != RE2::Set::kNoError) {
    for (int i = p.first; i < p.first + p.count; ++i)
      if (passes(i)) hits.push_back(i);
  }
}

namespace {

// Lists longer than this are left to the rule: their alternation would outgrow a Set's budget.
constexpr std::size_t kNarrowListMax = 500;

}  // namespace

std::string narrowed_by_lists(const Rule& rule) {
  std::string p = rule.pattern;
  for (const auto& req : rule.requirements) {
    if (req.negate || req.each_word || req.list->size() > kNarrowListMax) continue;
    const std::string open = "(?P<" + req.group_name + ">";
    const std::size_t at = p.find(open);
    if (at == std::string::npos) continue;
    const std::size_t body = at + open.size(), end = group_end(p, at);
    if (end == std::string::npos || !matches_ascii_only(std::string_view(p).substr(body, end - body))) continue;
    // ASCII text is folded by lowercasing: a group text that passes is an entry's folded form.
    std::vector<std::string> keys;
    for (const auto& surface : req.list->surfaces())
      if (std::string key = fold_case(surface);
          std::all_of(key.begin(), key.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        keys.push_back(RE2::QuoteMeta(key));
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    if (keys.empty()) continue;
    p.replace(body, end - body, fmt::format("(?i:{})", fmt::join(keys, "|")));
  }
  return p;
}

std::string prefilter_pattern(const std::string& p) {
  std::string out;
  bool in_class = false;
  auto digits = [&](std::size_t i) {
    while (i < p.size() && std::isdigit(static_cast<unsigned char>(p[i]))) ++i;
    return i;
  };
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (const Atom a = atom_at(p, i, in_class); a.len > 0) {
      out.append(p, i, a.len);
      in_class = in_class || a.opens_class;
      i += a.len - 1;
      continue;
    }
    const char c = p[i];
    if (in_class && c == ']') in_class = false;
    if (!in_class && c == '{') {  // {m,n}: keep {m,} when n - m >= 2
      std::size_t m_end = digits(i + 1);
      if (m_end > i + 1 && m_end < p.size() && p[m_end] == ',') {
        std::size_t n_end = digits(m_end + 1);
        if (n_end > m_end + 1 && n_end < p.size() && p[n_end] == '}') {
          long lo = std::stol(p.substr(i + 1, m_end - i - 1)), hi = std::stol(p.substr(m_end + 1, n_end - m_end - 1));
          if (hi - lo >= 2) {
            out += p.substr(i, m_end - i + 1);
            out += '}';
            i = n_end;
            continue;
          }
        }
      }
    }
    out += c;
  }
  return out;
}

RuleSet RuleSet::load_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw RuleError{dir, 0, "rules folder not found"};
  std::map<std::string, std::string> files;
  auto read = [&](const fs::path& p, const std::string& rel) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw RuleError{p.string(), 0, "cannot read"};
    files[rel].assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".rules") read(e.path(), e.path().filename().string());
  if (fs::is_directory(fs::path(dir) / "lists", ec))
    for (const auto& e : fs::directory_iterator(fs::path(dir) / "lists", ec))
      if (e.is_regular_file()) read(e.path(), "lists/" + e.path().filename().string());
  std::string origin = dir;
  while (origin.size() > 1 && origin.back() == '/') origin.pop_back();
  return load(files, origin);
}

RuleSet RuleSet::load_embedded() { return load(embedded_rule_files(), "rules"); }

}  // namespace claimx
