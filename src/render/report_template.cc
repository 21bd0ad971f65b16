#include "render/report_template.h"

#include <stdexcept>

// Defined by the generated embedded_report_template.S: the bytes of report_template.html.
extern "C" const char claimx_report_template[];
extern "C" const char claimx_report_template_end[];

namespace claimx::render {

std::string_view report_template() {
  return {claimx_report_template, static_cast<std::size_t>(claimx_report_template_end - claimx_report_template)};
}

std::string fill_template(std::string_view tpl, const std::map<std::string, std::string>& values) {
  static constexpr std::string_view kOpen = "<!--claimx:", kClose = "-->";
  std::string out;
  out.reserve(tpl.size());
  std::size_t at = 0;
  while (true) {
    std::size_t b = tpl.find(kOpen, at);
    if (b == std::string_view::npos) break;
    std::size_t e = tpl.find(kClose, b + kOpen.size());
    if (e == std::string_view::npos) break;
    std::string name(tpl.substr(b + kOpen.size(), e - b - kOpen.size()));
    auto it = values.find(name);
    if (it == values.end()) throw std::logic_error("report template: no value for <!--claimx:" + name + "-->");
    out.append(tpl.substr(at, b - at));
    out += it->second;
    at = e + kClose.size();
  }
  out.append(tpl.substr(at));
  return out;
}

}  // namespace claimx::render
