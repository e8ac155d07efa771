// `vankien refs`: prints the document references in a text; `--eval GOLD` scores the
// recognizer on hand-checked passages (precision, recall, every miss and false alarm);
// `--relations-eval ANNOTATIONS --docs DIR` scores the relation extractor on annotated documents.
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include "indexer/refs/recognizer.h"
#include "indexer/refs/registry.h"
#include "indexer/refs/relations.h"
#include "tools/cli/cli.h"
#include "tools/eval/refs_scoring.h"
#include "tools/eval/relations_scoring.h"

namespace vankien::cli {
namespace {

struct RefsArgs {
  std::string input = "-";
  std::string eval;
  std::string relations_eval;
  std::string docs;
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

nlohmann::json CountsJson(const eval::Counts& c) {
  return {{"tp", c.tp}, {"fp", c.fp}, {"fn", c.fn}, {"precision", c.Precision()}, {"recall", c.Recall()}};
}

// Splits in a fixed order: the held-out "check" split first, it is the figure that decides.
std::vector<std::string> SplitOrder(const eval::RelationsScore& s) {
  std::vector<std::string> order;
  for (const char* name : {"check", "tune"}) {
    if (s.splits.count(name)) order.push_back(name);
  }
  for (const auto& [name, _] : s.splits) {
    if (name != "check" && name != "tune") order.push_back(name);
  }
  return order;
}

int RunRelationsEval(const refs::Recognizer& recognizer, const RefsArgs& args) {
  if (args.docs.empty()) return Fail(Status::InvalidArgument("--relations-eval needs --docs DIR (the annotated documents)"));
  auto annotations = eval::LoadRelationsAnnotations(args.relations_eval);
  if (!annotations.ok()) return Fail(annotations.status());
  auto scored = eval::ScoreRelations(recognizer, *annotations, args.docs);
  if (!scored.ok()) return Fail(scored.status());
  const eval::RelationsScore& s = *scored;
  const double share = s.recognize_ms > 0 ? s.relations_ms / s.recognize_ms : 0.0;
  if (args.json) {
    nlohmann::json splits = nlohmann::json::object();
    for (const std::string& name : SplitOrder(s)) {
      const eval::SplitScore& x = s.splits.at(name);
      nlohmann::json types = nlohmann::json::object();
      for (const auto& [type, c] : x.by_type) types[type] = CountsJson(c);
      nlohmann::json errors = nlohmann::json::array();
      for (const auto& e : x.errors) errors.push_back({{"file", e.file}, {"kind", e.kind}, {"text", e.text}});
      splits[name] = {{"documents", x.documents},
                      {"relations", CountsJson(x.all)},
                      {"baseline", CountsJson(x.baseline)},
                      {"by_type", types},
                      {"effective_from", {{"right", x.date_right}, {"total", x.date_total},
                                          {"accuracy", x.DateAccuracy()}, {"stated_where_none", x.date_extra}}},
                      {"expires_on", {{"right", x.expiry_right}, {"total", x.expiry_total}}},
                      {"part", {{"right", x.part_right}, {"total", x.part_total}}},
                      {"errors", errors}};
    }
    std::cout << Dump({{"splits", splits},
                       {"time", {{"bytes", s.bytes}, {"recognize_ms", s.recognize_ms},
                                 {"relations_ms", s.relations_ms}, {"relations_over_recognize", share}}}},
                      2)
              << "\n";
    return kExitOk;
  }
  for (const std::string& name : SplitOrder(s)) {
    const eval::SplitScore& x = s.splits.at(name);
    if (!args.quiet) {
      for (const auto& e : x.errors) std::cout << name << "  " << e.file << "  " << e.kind << ": " << e.text << "\n";
    }
    std::printf("%s: %zu documents  relations P %.3f R %.3f (tp %zu fp %zu fn %zu)  baseline P %.3f R %.3f\n",
                name.c_str(), x.documents, x.all.Precision(), x.all.Recall(), x.all.tp, x.all.fp, x.all.fn,
                x.baseline.Precision(), x.baseline.Recall());
    std::printf("%s: effective date %zu/%zu (%.3f), stated where none %zu; expiry %zu/%zu; whole/part %zu/%zu\n",
                name.c_str(), x.date_right, x.date_total, x.DateAccuracy(), x.date_extra, x.expiry_right,
                x.expiry_total, x.part_right, x.part_total);
    for (const auto& [type, c] : x.by_type) {
      std::printf("%s:   %-10s P %.3f R %.3f (tp %zu fp %zu fn %zu)\n", name.c_str(), type.c_str(), c.Precision(),
                  c.Recall(), c.tp, c.fp, c.fn);
    }
  }
  std::printf("time over %zu bytes: recognizer %.1f ms, relations %.1f ms (%.1f%% of recognizing)\n", s.bytes,
              s.recognize_ms, s.relations_ms, 100.0 * share);
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
  if (!args.relations_eval.empty()) return RunRelationsEval(recognizer, args);

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
  cmd->add_option("--relations-eval", args->relations_eval,
                  "Score the relation extractor against annotated documents (tests/data/relations/"
                  "annotations.jsonl format): P/R per split and type, effective dates, the keyword "
                  "baseline, every miss and false alarm");
  cmd->add_option("--docs", args->docs, "With --relations-eval: the directory holding the annotated documents");
  cmd->add_flag("--relations", args->relations,
                "Print, as JSON, the relations the text states (replaces, repeals, amends, guides, "
                "based_on, implements, expires) and its effective dates");
  cmd->add_option("--issuer", args->issuer, "With --relations: the document's issuer code (BTC, UBND …)");
  cmd->add_flag("-q,--quiet", args->quiet, "With --eval or --relations-eval: print only the figures");
  return [args] { return RunRefs(*args); };
}

}  // namespace vankien::cli
