// `vankien refs`: prints the document references in a text; `--eval GOLD` scores the
// recognizer on hand-checked passages (precision, recall, every miss and false alarm).
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include "indexer/refs/recognizer.h"
#include "indexer/refs/registry.h"
#include "indexer/refs/relations.h"
#include "tools/cli/cli.h"
#include "tools/eval/refs_scoring.h"

namespace vankien::cli {
namespace {

struct RefsArgs {
  std::string input = "-";
  std::string eval;
  std::string registry;
  bool json = false;
  bool lines = false;
  bool quiet = false;
  bool relations = false;
  std::string issuer;
};

nlohmann::json Null(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }
template <typename T>
nlohmann::json Null(const std::optional<T>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }

nlohmann::json MentionJson(const refs::Mention& m) {
  return {{"surface", m.surface},
          {"start", m.start},
          {"end", m.end},
          {"system", Null(std::string(refs::SystemName(m.system)))},
          {"type", Null(m.type)},
          {"kind", Null(m.kind)},
          {"number", Null(m.number)},
          {"issuer", Null(m.issuer)},
          {"year", Null(m.year)},
          {"date", Null(m.date)},
          {"term", Null(m.term)},
          {"plenum", Null(m.plenum)},
          {"congress", Null(m.congress)},
          {"canonical", Null(m.Canonical())},
          {"key", Null(m.Key())},
          {"resolved", Null(m.resolved_symbol)}};
}

int RunEval(const refs::Recognizer& recognizer, const RefsArgs& args) {
  auto gold = eval::LoadGoldPassages(args.eval);
  if (!gold.ok()) return Fail(gold.status());
  const eval::RefsScore s = eval::ScoreRecognizer(recognizer, *gold);
  if (args.json) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& e : s.errors) errors.push_back({{"pid", e.pid}, {"kind", e.kind}, {"text", e.text}});
    std::cout << Dump({{"passages", gold->size()}, {"gold", s.gold}, {"predicted", s.predicted},
                       {"precision", s.precision}, {"recall", s.recall},
                       {"precision_strict", s.precision_strict},
                       {"year_accuracy", s.year_total ? double(s.year_right) / s.year_total : 0.0},
                       {"date_accuracy", s.date_total ? double(s.date_right) / s.date_total : 0.0},
                       {"term_accuracy", s.term_total ? double(s.term_right) / s.term_total : 0.0},
                       {"errors", errors}}, 2)
              << "\n";
    return kExitOk;
  }
  if (!args.quiet) {
    for (const auto& e : s.errors) std::cout << e.pid << "  " << e.kind << ": " << e.text << "\n";
    std::cout << "\n";
  }
  std::printf("passages %zu, gold mentions %zu, predicted %zu (%zu with ignore spans)\n", gold->size(), s.gold,
              s.predicted, s.predicted_strict);
  std::printf("precision %.4f (strict %.4f)  recall %.4f\n", s.precision, s.precision_strict, s.recall);
  std::printf("attributes on matched mentions: year %zu/%zu, date %zu/%zu, term %zu/%zu\n", s.year_right,
              s.year_total, s.date_right, s.date_total, s.term_right, s.term_total);
  return kExitOk;
}

int RunRefs(const RefsArgs& args) {
  std::unique_ptr<refs::Registry> registry;
  if (!args.registry.empty()) {
    auto loaded = refs::Registry::Load(args.registry);
    if (!loaded.ok()) return Fail(loaded.status());
    registry = std::make_unique<refs::Registry>(std::move(loaded).value());
  }
  refs::Recognizer recognizer(registry.get());
  if (!args.eval.empty()) return RunEval(recognizer, args);

  std::string input;
  if (args.input == "-") {
    input.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(args.input, std::ios::binary);
    if (!in) return Fail(Status::IoError(Subst(Tr("cannot open {1}"), {args.input})));
    input.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (args.relations) {
    const auto mentions = recognizer.Find(input, args.issuer);
    const refs::DocumentRelations d = refs::ExtractRelations(input, mentions);
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : d.relations) {
      list.push_back({{"type", refs::RelationTypeName(r.type)}, {"target", r.target}, {"surface", r.surface},
                      {"part", Null(r.part)}, {"articles", r.articles}, {"begin", r.begin}, {"end", r.end}});
    }
    std::cout << Dump({{"relations", list}, {"effective_from", Null(d.effective_from)},
                       {"expires_on", Null(d.expires_on)}}, 2)
              << "\n";
    return kExitOk;
  }
  const std::string unresolved = Tr("(unresolved)");
  auto print = [&](std::string_view text, std::size_t line) {
    const auto mentions = recognizer.Find(text);
    if (args.lines || args.json) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& m : mentions) list.push_back(MentionJson(m));
      if (args.lines) {
        std::cout << Dump({{"line", line}, {"mentions", list}}) << "\n";
      } else {
        std::cout << Dump({{"mentions", list}}, 2) << "\n";
      }
      return;
    }
    for (const auto& m : mentions) {
      std::cout << (line > 0 ? std::to_string(line) + ":" : "") << m.start << "-" << m.end << "  " << m.surface
                << "  →  " << (m.Canonical().empty() ? unresolved : m.Key());
      if (!m.date.empty()) std::cout << "  " << Day(m.date);
      if (!m.resolved_symbol.empty()) std::cout << "  = " << m.resolved_symbol;
      std::cout << "\n";
    }
  };
  if (!args.lines) {
    print(input, 0);
    return kExitOk;
  }
  std::size_t pos = 0, line = 0;
  while (pos < input.size()) {
    std::size_t nl = input.find('\n', pos);
    if (nl == std::string::npos) nl = input.size();
    print(std::string_view(input).substr(pos, nl - pos), ++line);
    pos = nl + 1;
  }
  return kExitOk;
}

}  // namespace

Runner RegisterRefs(CLI::App& app) {
  auto args = std::make_shared<RefsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "refs", "Print the document references (21-NQ/TW, Nghị quyết Trung ương 4 khóa XII, "
              "01/2021/NĐ-CP …) found in FILE or stdin");
  cmd->add_option("input", args->input, "Text file, or - for stdin")->capture_default_str();
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->add_flag("--lines", args->lines,
                "Treat every input line as a separate text; print one JSON object per line");
  cmd->add_option("--registry", args->registry, "Registry TSV used to resolve informal names");
  cmd->add_option("--eval", args->eval,
                  "Score against gold passages (refs-dev.jsonl format) and list every error");
  cmd->add_flag("--relations", args->relations,
                "Print, as JSON, the relations the text states (replaces, repeals, amends, guides, "
                "based_on, implements, expires) and its effective dates");
  cmd->add_option("--issuer", args->issuer, "With --relations: the document's issuer code (BTC, UBND …)");
  cmd->add_flag("-q,--quiet", args->quiet, "With --eval: print only the figures");
  return [args] { return RunRefs(*args); };
}

}  // namespace vankien::cli
