#pragma once
// Lays out highlight marks over an article as well-formed HTML.
// In:  the original article (indexed by code point) and marks, each a code-point span with the
//      tags that open and close it. Marks may nest (a person inside a claim) or cross (a claim
//      that ends inside a name).
// Out: the article text, escaped, with every mark's tags around exactly its code points. HTML
//      elements must nest, so a mark that crosses the end of an enclosing one is closed there and
//      opened again right after with `reopen` (its fragments carry the same data attributes, so a
//      reader joins them back). At one position, longer marks open first, then lower `layer`.
//      Spans past the end of the text are clipped; the text itself is never changed or dropped.
#include <cstdint>
#include <string>
#include <vector>

#include "normalize/normalize.h"

namespace claimx::render {

struct Mark {
  CodePointSpan span;
  int layer = 0;        // at equal spans, the lower layer is the outer element
  std::string open;     // e.g. <mark id="d0-r3" data-m="d0-r3" ...>
  std::string reopen;   // the open tag of a continuation fragment (no id); empty: same as `open`
  std::string close = "</mark>";
};

std::string layout_marks(const OriginalText& text, std::vector<Mark> marks);

}  // namespace claimx::render
