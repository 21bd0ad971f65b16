#include "match/word_list.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "match/rule.h"

namespace claimx {

std::string fold_case(std::string_view s) {
  bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    std::string out(s);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  // Accents do not separate entries either: "Zoë" finds "Zoe", "São Paulo" finds "Sao Paulo".
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_SUCCESS(status)) {
    icu::UnicodeString decomposed = nfd->normalize(u, status);
    if (U_SUCCESS(status)) {
      u.remove();
      for (int32_t i = 0; i < decomposed.length();) {
        UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) != U_NON_SPACING_MARK) u.append(c);
      }
    }
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

WordList WordList::parse(std::string_view text, const std::string& origin) {
  WordList list;
  std::size_t line_no = 0, pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t first = line.find_first_not_of(" ");
    if (first == std::string_view::npos || line[first] == '#') continue;
    std::vector<std::string> cols;
    std::size_t c = 0;
    while (c <= line.size()) {
      std::size_t tab = line.find('\t', c);
      std::string_view col = line.substr(c, tab == std::string_view::npos ? std::string_view::npos : tab - c);
      while (!col.empty() && col.back() == ' ') col.remove_suffix(1);
      while (!col.empty() && col.front() == ' ') col.remove_prefix(1);
      cols.emplace_back(col);
      c = tab == std::string_view::npos ? line.size() + 1 : tab + 1;
    }
    if (cols[0].empty()) throw RuleError{origin, static_cast<int>(line_no), "empty entry before a TAB"};
    std::string key = fold_case(cols[0]);
    if (list.rows_.count(key)) continue;  // a repeated entry keeps its first value
    list.surfaces_.push_back(cols[0]);
    list.rows_.emplace(std::move(key), std::vector<std::string>(cols.begin() + 1, cols.end()));
  }
  std::stable_sort(list.surfaces_.begin(), list.surfaces_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return list;
}

const std::vector<std::string>* WordList::columns(std::string_view surface) const {
  auto it = rows_.find(fold_case(surface));
  return it == rows_.end() ? nullptr : &it->second;
}

const std::string* WordList::find(std::string_view surface) const {
  static const std::string empty;
  const auto* cols = columns(surface);
  if (cols == nullptr) return nullptr;
  return cols->empty() ? &empty : &cols->front();
}

}  // namespace claimx
