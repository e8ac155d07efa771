// The synthetic archive generator (issue 10): documents made of real paragraphs recombined, with
// realistic references to Party and state documents planted in sentences, realistic dates and
// a few sources; one document in `official_every` is itself an official document with a
// `symbol`. Document i depends only on the seed, the pool, the known documents and i, so a
// shorter archive is a prefix of a longer one and documents can be made in any order.
// Thread-safety: immutable after Create; Generate may be called from many threads.
#ifndef VANKIEN_TOOLS_GEN_ARCHIVE_GENERATOR_H_
#define VANKIEN_TOOLS_GEN_ARCHIVE_GENERATOR_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "indexer/base/status.h"
#include "tools/gen/citations.h"
#include "tools/gen/paragraph_pool.h"
#include "tools/gen/spelling.h"

namespace vankien::gen {

struct GeneratorOptions {
  std::uint64_t seed = 1;
  // Made-up documents to cite besides the known ones (see SyntheticDocuments).
  std::size_t synthetic_documents = 30'000;
  // One document in this many is an official document (2%); 0 for none.
  std::size_t official_every = 50;
  // Documents are dated in these years, inclusive; more in recent years.
  int first_year = 1990;
  int last_year = 2025;
};

// A reference planted in a generated document.
struct PlantedMention {
  bool in_title = false;
  std::size_t begin = 0, end = 0;        // byte offsets of the surface in the title or the text
  const CitedDocument* cited = nullptr;  // owned by the generator
  Rendered rendered;
};

struct GeneratedDocument {
  std::string id;  // "gen-0000001" for index 0
  std::string title;
  std::string text;    // paragraphs separated by "\n\n"
  std::string date;    // "YYYY-MM-DD"
  std::string source;  // a synthetic site: "tin-tuc.example", ...; "van-ban.example" for official
  std::string url;     // "https://<source>/<id>": the loader takes the source from its host
  std::string symbol;  // the official document's canonical symbol, else ""
  const CitedDocument* own = nullptr;  // the document it is, for official documents
  std::vector<PlantedMention> mentions;
};

class ArchiveGenerator {
 public:
  // `pool` must hold at least one paragraph (titles may be missing: a sentence is used).
  // `known` are the registry's documents (may be empty): they are the most cited, and the first
  // official documents are copies of them. kInvalidArgument for an empty pool, official_every 1
  // or first_year > last_year.
  static Result<ArchiveGenerator> Create(ParagraphPool pool, std::vector<CitedDocument> known,
                                         const GeneratorOptions& options);

  // Fills `doc` (its buffers are reused) with document number `index` (0-based).
  void Generate(std::uint64_t index, GeneratedDocument* doc) const;

  const CitationIndex& citations() const { return citations_; }
  const GeneratorOptions& options() const { return options_; }

 private:
  ArchiveGenerator(ParagraphPool pool, CitationIndex citations, const GeneratorOptions& options);

  const CitedDocument* OfficialAt(std::uint64_t index) const;
  std::string DrawDate(Rng& rng) const;
  std::string OfficialDate(const CitedDocument& own, Rng& rng) const;
  void WriteTitle(Rng& rng, GeneratedDocument* doc) const;
  void WriteOfficialTitle(const CitedDocument& own, GeneratedDocument* doc) const;
  void WriteText(std::size_t mentions, Rng& rng, GeneratedDocument* doc) const;
  void WriteOfficialHeader(const CitedDocument& own, GeneratedDocument* doc) const;

  ParagraphPool pool_;
  CitationIndex citations_;
  std::vector<std::size_t> holdable_;   // ranks of documents dated within the archive's years
  std::vector<unsigned> year_weights_;  // of first_year .. last_year
  GeneratorOptions options_;
};

// Appends `doc` as one JSON object and a newline: "id", "title", "date", "source", "url",
// "symbol" (official documents only), "text" — fields vankien's JSONL loader reads (it takes
// `source` as an ordinary field and the site from `url`; kind, issuer and term of an official
// document come from its symbol).
void AppendJsonLine(const GeneratedDocument& doc, std::string* out);

}  // namespace vankien::gen

#endif  // VANKIEN_TOOLS_GEN_ARCHIVE_GENERATOR_H_
