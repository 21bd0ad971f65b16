#pragma once
// The page skeleton of the report: src/render/report_template.html (HTML, CSS and a little
// JavaScript, all inline), embedded in the binary at build time (cmake/embedded_report_template.S.in),
// so the report needs no file at run time and the page stays an ordinary HTML file to edit.
// In:  values for the template's <!--claimx:NAME--> markers (already escaped HTML).
// Out: the page with every marker replaced.
#include <map>
#include <string>
#include <string_view>

namespace claimx::render {

std::string_view report_template();

// Replaces every <!--claimx:NAME--> in `tpl` with values.at(NAME). A marker without a value is
// a template out of step with the code: std::logic_error.
std::string fill_template(std::string_view tpl, const std::map<std::string, std::string>& values);

}  // namespace claimx::render
