#include "search/searcher.h"

#include <xapian.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "indexer/schema.h"
#include "search/searcher_impl.h"

namespace vankien::search {
namespace {

// Xapian's BM25 defaults suit syllable terms; documented here so a change is deliberate.
Xapian::BM25Weight MakeWeight() { return Xapian::BM25Weight(1.2, 0, 1, 0.5, 0.5); }

}  // namespace

Document DecodeData(const std::string& data) {
  Document doc;
  const nlohmann::ordered_json j =
      nlohmann::ordered_json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return doc;
  auto str = [&](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  doc.id = str("id");
  doc.title = str("title");
  doc.text = str("text");
  doc.date = str("date");
  doc.url = str("url");
  doc.path = str("path");
  doc.symbol = str("symbol");
  doc.kind = str("kind");
  doc.source = str("source");
  doc.encoding = str("encoding");
  doc.issuer = str("issuer");
  doc.term = str("term");
  doc.subject = str("subject");
  doc.signer = str("signer");
  doc.place = str("place");
  if (auto it = j.find("plenum"); it != j.end() && it->is_number_integer()) doc.plenum = it->get<int>();
  if (auto it = j.find("flags"); it != j.end() && it->is_array()) {
    for (const auto& f : *it) {
      if (f.is_string()) doc.flags.push_back(f.get<std::string>());
    }
  }
  if (auto it = j.find("fields"); it != j.end() && it->is_object()) {
    for (auto f = it->begin(); f != it->end(); ++f) {
      if (f->is_string()) doc.fields.emplace_back(f.key(), f->get<std::string>());
    }
  }
  return doc;
}

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::Open(const std::string& dir,
                                                 const text::Analyzer& analyzer,
                                                 QueryOptions query_options) {
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) {
    return Status::NotFound("no index at " + dir +
                            ": build one with `vankien index --db " + dir + " PATH...`");
  }
  try {
    Xapian::Database db(dir, Xapian::DB_OPEN);
    refs::Registry registry;
    const std::string stored = db.get_metadata(std::string(schema::kMetaRegistry));
    if (!stored.empty()) {
      auto parsed = refs::Registry::Parse(stored, dir + " (stored registry)");
      if (!parsed.ok()) return parsed.status();
      registry = std::move(parsed).value();
    }
    return std::unique_ptr<Searcher>(new Searcher(
        std::make_unique<Impl>(dir, std::move(db), analyzer, query_options, std::move(registry))));
  } catch (const Xapian::Error& e) {
    return Status::Corrupt(dir + " is not a readable vankien index (" + e.get_description() +
                           "); rebuild it with `vankien index`");
  }
}

Result<SearchResponse> Searcher::Search(std::string_view query, const SearchOptions& options) {
  auto parsed = impl_->builder->Build(query);
  if (!parsed.ok()) return parsed.status();
  if (options.offset > SearchOptions::kMaxOffset) {
    return Status::InvalidArgument("offset " + std::to_string(options.offset) +
                                   " is beyond the deepest page (" +
                                   std::to_string(SearchOptions::kMaxOffset) + "); refine the query");
  }
  const std::size_t limit = std::min(options.limit, SearchOptions::kMaxLimit);
  return impl_->ReadWithReopen("search", [&]() -> Result<SearchResponse> {
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(parsed->xapian_query());
    enquire.set_weighting_scheme(MakeWeight());
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                               static_cast<Xapian::doccount>(limit));
    SearchResponse response;
    response.total = mset.get_matches_estimated();
    response.dropped_words = parsed->dropped_words();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      response.hits.push_back(impl_->MakeHit(it.get_document(), it.get_weight(),
                                             options.snippets ? &parsed->highlight_terms() : nullptr));
    }
    return response;
  });
}

Result<Document> Searcher::Get(std::string_view id) {
  return impl_->ReadWithReopen("reading a document", [&]() -> Result<Document> {
    const std::string term = schema::IdTerm(id);
    Xapian::PostingIterator p = impl_->db.postlist_begin(term);
    if (p == impl_->db.postlist_end(term)) {
      return Status::NotFound("no document with id \"" + std::string(id) + "\" in " + impl_->dir);
    }
    return DecodeData(impl_->db.get_document(*p).get_data());
  });
}

const refs::Registry& Searcher::registry() const { return impl_->registry; }

Result<IndexStats> Searcher::Stats() {
  return impl_->ReadWithReopen("reading statistics", [&]() -> Result<IndexStats> {
    IndexStats stats;
    stats.documents = impl_->db.get_doccount();
    stats.average_length = impl_->db.get_avlength();
    stats.last_indexed = impl_->db.get_metadata(std::string(schema::kMetaLastIndexed));
    for (auto t = impl_->db.allterms_begin(); t != impl_->db.allterms_end(); ++t) {
      ++stats.distinct_terms;
    }
    std::error_code ec;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(impl_->dir, ec)) {
      if (entry.is_regular_file(ec)) stats.bytes_on_disk += entry.file_size(ec);
    }
    return stats;
  });
}

}  // namespace vankien::search
