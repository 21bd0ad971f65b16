#include "render/mark_layout.h"

#include <algorithm>
#include <numeric>

#include "render/html_escape.h"

namespace claimx::render {

std::string layout_marks(const OriginalText& text, std::vector<Mark> marks) {
  const std::uint32_t size = text.size_cp();
  for (auto& m : marks) {
    m.span.end = std::min(m.span.end, size);
    m.span.begin = std::min(m.span.begin, m.span.end);
  }
  std::vector<std::size_t> order(marks.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Mark &x = marks[a], &y = marks[b];
    if (x.span.begin != y.span.begin) return x.span.begin < y.span.begin;
    if (x.span.end != y.span.end) return x.span.end > y.span.end;
    return x.layer < y.layer;
  });
  std::vector<std::uint32_t> cuts{0, size};
  for (const auto& m : marks) {
    cuts.push_back(m.span.begin);
    cuts.push_back(m.span.end);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  std::string out;
  out.reserve(text.utf8().size() * 2);
  std::vector<std::size_t> open;  // indices into marks, outermost first
  std::size_t next = 0;           // position in `order` of the next mark to open
  for (std::size_t c = 0; c < cuts.size(); ++c) {
    const std::uint32_t at = cuts[c];
    // Close every mark ending here; marks opened inside one of them that go on are closed with it
    // and reopened, so elements stay nested.
    auto first_ending = std::find_if(open.begin(), open.end(), [&](std::size_t i) { return marks[i].span.end <= at; });
    if (first_ending != open.end()) {
      std::vector<std::size_t> go_on;
      while (open.end() != first_ending) {
        std::size_t i = open.back();
        open.pop_back();
        out += marks[i].close;
        if (marks[i].span.end > at) go_on.push_back(i);
      }
      for (auto it = go_on.rbegin(); it != go_on.rend(); ++it) {
        out += marks[*it].reopen.empty() ? marks[*it].open : marks[*it].reopen;
        open.push_back(*it);
      }
    }
    for (; next < order.size() && marks[order[next]].span.begin == at; ++next) {
      const Mark& m = marks[order[next]];
      out += m.open;
      if (m.span.end == at) out += m.close;  // empty span: an empty element, still one per mark
      else open.push_back(order[next]);
    }
    if (c + 1 < cuts.size()) append_escaped(out, text.slice({at, cuts[c + 1]}));
  }
  for (auto it = open.rbegin(); it != open.rend(); ++it) out += marks[*it].close;
  return out;
}

}  // namespace claimx::render
