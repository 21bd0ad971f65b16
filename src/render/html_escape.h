#pragma once
// HTML escaping for the report: any text (article, names, ids, file names) becomes inert
// character data, safe both between tags and inside a double- or single-quoted attribute.
// In:  valid UTF-8.
// Out: the same code points, one for one, as a browser will read them back: & < > " ' become
//      character references, a carriage return becomes &#13; (an HTML parser would otherwise fold
//      CRLF to LF and the DOM text would lose a code point that spans count), and NUL becomes
//      U+FFFD (what a parser turns it into anyway, kept explicit so it is one code point either way).
#include <string>
#include <string_view>

namespace claimx::render {

void append_escaped(std::string& out, std::string_view text);
std::string escape_html(std::string_view text);

}  // namespace claimx::render
