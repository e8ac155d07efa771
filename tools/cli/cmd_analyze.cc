// `vankien analyze`: shows what the index holds for a text — normalized and folded forms and
// every token with its byte offsets.
#include <iostream>
#include <iterator>
#include <memory>

#include "indexer/text/analyzer.h"
#include "indexer/text/utf8.h"
#include "tools/cli/cli.h"

namespace vankien::cli {
namespace {

struct AnalyzeArgs {
  std::vector<std::string> words;
  bool json = false;
};

const char* KindName(text::TokenKind k) {
  switch (k) {
    case text::TokenKind::kWord: return "word";
    case text::TokenKind::kNumber: return "number";
    case text::TokenKind::kMixed: return "mixed";
  }
  return "?";
}

// `s` padded with spaces to `width` characters (printf's %-20s counts bytes, and Vietnamese
// letters take two or three).
std::string Padded(const std::string& s, std::size_t width) {
  std::size_t chars = 0;
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
  return chars >= width ? s : s + std::string(width - chars, ' ');
}

int RunAnalyze(const AnalyzeArgs& args) {
  std::string input;
  if (args.words.empty() || (args.words.size() == 1 && args.words[0] == "-")) {
    input.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    for (const auto& w : args.words) input += (input.empty() ? "" : " ") + w;
  }
  text::Analyzer analyzer;
  const text::Analysis analysis = analyzer.Analyze(input);
  if (args.json) {
    nlohmann::json tokens = nlohmann::json::array();
    for (const auto& t : analysis.tokens) {
      tokens.push_back({{"exact", t.exact}, {"folded", t.folded}, {"begin", t.begin},
                        {"end", t.end}, {"kind", KindName(t.kind)},
                        {"text", text::SanitizeUtf8(std::string_view(input).substr(t.begin, t.end - t.begin))}});
    }
    std::cout << Dump({{"input", input},
                       {"normalized", analyzer.Normalize(input)},
                       {"folded", analyzer.Fold(input)},
                       {"invalid_sequences", analysis.invalid_sequences},
                       {"tokens", tokens}}, 2)
              << "\n";
    return kExitOk;
  }
  std::cout << Subst(Tr("normalized: {1}"), {analyzer.Normalize(input)}) << "\n";
  std::cout << Subst(Tr("folded:     {1}"), {analyzer.Fold(input)}) << "\n";
  if (analysis.invalid_sequences > 0) {
    std::cout << Subst(Tr("invalid UTF-8 sequences: {1} (read as U+FFFD)"), {Num(analysis.invalid_sequences)})
              << "\n";
  }
  std::cout << Tr("tokens:") << "\n";
  for (const auto& t : analysis.tokens) {
    std::printf("  %6zu-%-6zu %-7s %s %s\n", t.begin, t.end, KindName(t.kind), Padded(t.exact, 20).c_str(),
                t.folded.c_str());
  }
  return kExitOk;
}

}  // namespace

Runner RegisterAnalyze(CLI::App& app) {
  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "analyze", "Show the normalized and folded text and the tokens (byte offsets) of TEXT "
                 "(or stdin when TEXT is - or absent)");
  cmd->add_option("text", args->words, "Text to analyze");
  cmd->add_flag("--json", args->json, "Print JSON");
  return [args] { return RunAnalyze(*args); };
}

}  // namespace vankien::cli
