#include "indexer/index_writer.h"

#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <ctime>
#include <nlohmann/json.hpp>
#include <vector>

#include "indexer/refs/lexicon.h"
#include "indexer/refs/recognizer.h"
#include "indexer/refs/registry.h"
#include "indexer/schema.h"

namespace vankien {
namespace {

// Positions jump by this much between title, body and fields so that no phrase spans two.
constexpr Xapian::termpos kFieldGap = 100;

std::string NowIso() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A run killed while Xapian was creating a new database leaves table files but no version file
// (iamglass), and Xapian then refuses to open or create there. Nothing was ever committed in
// such a directory, so its files can go; anything that is not a Xapian table file is left
// alone (and Xapian's own error then says what is wrong).
void RecoverInterruptedCreation(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec) || fs::exists(fs::path(dir) / "iamglass", ec)) return;
  std::vector<fs::path> tables;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const bool xapian_file = name == "flintlock" || name.ends_with(".glass") || name.ends_with(".tmp") ||
                             name.starts_with("iamglass");
    if (!xapian_file) return;
    tables.push_back(entry.path());
  }
  for (const auto& t : tables) fs::remove(t, ec);
}

// Why `dir` (or, when it does not exist yet, the folder it would be made in) cannot be written,
// or "" when it can. Xapian reports a read-only or unwritable database as a failure to take its
// lock, which would otherwise read as "another process is writing".
std::string WhyNotWritable(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p = fs::absolute(dir, ec);
  if (ec) p = dir;
  while (!p.empty() && !fs::exists(p, ec)) {
    if (p == p.parent_path()) break;
    p = p.parent_path();
  }
  if (p.empty() || access(p.c_str(), W_OK) == 0) return {};
  const int err = errno;
  if (err == EROFS) return "it is on a read-only file system (" + std::string(std::strerror(err)) + ")";
  return "no permission to write to " + p.string() + " (" + std::strerror(err) + ")";
}

}  // namespace

struct IndexWriter::Impl {
  Xapian::WritableDatabase db;
  const text::Analyzer& analyzer;
  IndexWriterOptions options;
  std::vector<text::Token> tokens;  // reused across documents
  std::string term;
  refs::Registry registry;
  bool registry_changed = false;
  std::unique_ptr<refs::Recognizer> recognizer;  // uses `registry`
  // A write or commit failed: Xapian's in-memory state may be half-applied, so this writer
  // commits nothing more (not even in its destructor). Xapian's own destructor still tries a
  // commit of what is pending (errors swallowed); when the cause persists (a full disk) that
  // fails too and the database stays at its last commit, and if it succeeds the state is still
  // consistent: documents with the file states recorded so far, the rest redone next run.
  bool failed = false;

  Impl(Xapian::WritableDatabase d, const text::Analyzer& a, const IndexWriterOptions& o)
      : db(std::move(d)), analyzer(a), options(o) {}

  // Reference terms for every mention in `text`; returns the mentions' JSON for the doc data.
  nlohmann::ordered_json IndexReferences(std::string_view text, Xapian::Document* doc) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const refs::Mention& m : recognizer->Find(text)) {
      const std::string symbol = m.Canonical();
      if (symbol.empty()) continue;  // a number whose issuer nobody knows
      doc->add_term(std::string(schema::kRefPrefix) + symbol);
      if (!m.resolved_symbol.empty()) doc->add_term(std::string(schema::kRefPrefix) + m.resolved_symbol);
      const std::string key = m.Key();
      if (key != symbol) doc->add_term(std::string(schema::kRefKeyPrefix) + key);
      list.push_back({{"symbol", m.resolved_symbol.empty() ? symbol : m.resolved_symbol},
                      {"key", key},
                      {"surface", m.surface},
                      {"begin", m.byte_start},
                      {"end", m.byte_end}});
    }
    return list;
  }

  // Adds an official document to the registry. The row goes through the registry's own parser
  // so that a stored registry always loads again; a row it rejects is left out.
  void AddToRegistry(const refs::Mention& m, const Document& d) {
    std::string type_name = m.kind.empty() ? std::string(refs::NounForCode(m.type)) : m.kind;
    if (type_name.empty()) type_name = m.type;
    auto clean = [](std::string s) {
      for (char& c : s) {
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
      }
      return s;
    };
    const std::string row = std::string(refs::Registry::kHeader) + "\n" + m.Canonical() + "\t" +
                            type_name + "\t" + m.number + "\t" + m.issuer + "\t" + d.date + "\t" +
                            m.term + "\t" + (m.plenum ? std::to_string(*m.plenum) : "") + "\t" +
                            clean(d.title) + "\n";
    auto parsed = refs::Registry::Parse(row, d.id);
    if (!parsed.ok() || parsed->size() != 1) return;
    registry.Add(parsed->entries().front());
    registry_changed = true;
  }

  // The document's own symbol: indexed, and the document enters the registry. Returns the
  // recognized mention (empty canonical when the symbol is not one).
  refs::Mention IndexOwnSymbol(const Document& d, Xapian::Document* doc) {
    for (refs::Mention m : recognizer->Find(d.symbol)) {
      const std::string symbol = m.Canonical();
      if (symbol.empty() || m.number.empty()) continue;
      if (m.date.empty()) m.date = d.date;
      if (m.term.empty() && m.system == refs::System::kParty) {
        m.term = !d.term.empty() ? d.term : refs::PartyTermOn(d.date);
      }
      if (!m.plenum) m.plenum = d.plenum;
      if (m.kind.empty() && !d.kind.empty() && d.kind != "article") m.kind = d.kind;
      doc->add_term(std::string(schema::kOwnSymbolPrefix) + symbol);
      doc->add_term(std::string(schema::kOwnKeyPrefix) + m.Key());
      AddToRegistry(m, d);
      return m;
    }
    return {};
  }

  // Boolean terms for the filterable facts, and the same facts in value slots for facets.
  static void IndexFacts(const Document& d, const refs::Mention& own, Xapian::Document* doc) {
    const bool official = !own.Canonical().empty();
    auto fact = [doc](std::string_view prefix, unsigned slot, const std::string& value) {
      if (value.empty()) return;
      doc->add_boolean_term(schema::BoundedTerm(prefix, value));
      doc->add_value(slot, value);
    };
    fact(schema::kKindPrefix, schema::kKindSlot, official ? own.type : "article");
    if (official) fact(schema::kIssuerPrefix, schema::kIssuerSlot, own.issuer);
    if (official) fact(schema::kTermPrefix, schema::kTermSlot, own.term);
    if (d.date.size() >= 4) fact(schema::kYearPrefix, schema::kYearSlot, d.date.substr(0, 4));
    fact(schema::kSourcePrefix, schema::kSourceSlot, d.source);
  }

  // Indexes `text`; positions start at *pos and advance. wdf_inc weights a field (the title).
  void IndexText(std::string_view text, Xapian::termcount wdf_inc, Xapian::termpos* pos,
                 Xapian::Document* doc) {
    analyzer.Analyze(text, &tokens);
    const text::Token* previous = nullptr;
    for (const text::Token& t : tokens) {
      ++*pos;
      if (t.folded.size() > schema::kMaxTermBytes || t.exact.size() > schema::kMaxTermBytes) {
        previous = nullptr;
        continue;
      }
      if (previous != nullptr) {
        term.assign(schema::kPairPrefix).append(previous->folded).append(" ").append(t.folded);
        if (term.size() <= schema::kMaxTermBytes) doc->add_term(term, wdf_inc);
      }
      previous = &t;
      term.assign(schema::kFoldedPrefix).append(t.folded);
      doc->add_posting(term, *pos, wdf_inc);
      if (t.HasMarks()) {
        term.assign(schema::kExactPrefix).append(t.exact);
        if (options.exact_positions) {
          doc->add_posting(term, *pos, wdf_inc);
        } else {
          doc->add_term(term, wdf_inc);
        }
      }
    }
    *pos += kFieldGap;
  }

  Xapian::Document Build(const Document& d) {
    Xapian::Document doc;
    Xapian::termpos pos = 0;
    IndexText(d.title, 2, &pos, &doc);
    IndexText(d.text, 1, &pos, &doc);
    for (const auto& [key, value] : d.fields) IndexText(value, 1, &pos, &doc);
    doc.add_boolean_term(schema::IdTerm(d.id));
    if (!d.path.empty()) doc.add_boolean_term(schema::FileTerm(d.path));
    if (!d.date.empty()) doc.add_value(schema::kDateSlot, d.date);

    nlohmann::ordered_json references = nlohmann::ordered_json::array();
    refs::Mention own;
    if (recognizer) {
      IndexReferences(d.title, &doc);
      references = IndexReferences(d.text, &doc);
      if (!d.symbol.empty()) own = IndexOwnSymbol(d, &doc);
    }
    IndexFacts(d, own, &doc);
    nlohmann::ordered_json data = {{"id", d.id},
                                   {"title", d.title},
                                   {"text", d.text},
                                   {"date", d.date},
                                   {"url", d.url},
                                   {"path", d.path},
                                   {"symbol", own.Canonical()},
                                   {"kind", d.kind.empty() ? "article" : d.kind},
                                   {"source", d.source},
                                   {"encoding", d.encoding},
                                   {"flags", d.flags},
                                   {"issuer", d.issuer},
                                   {"term", own.term.empty() ? d.term : own.term},
                                   {"plenum", d.plenum ? nlohmann::ordered_json(*d.plenum) : nlohmann::ordered_json()},
                                   {"subject", d.subject},
                                   {"signer", d.signer},
                                   {"place", d.place}};
    nlohmann::ordered_json fields = nlohmann::ordered_json::object();  // keeps input order
    for (const auto& [key, value] : d.fields) fields[key] = value;
    data["fields"] = std::move(fields);
    data["refs"] = std::move(references);
    // Invalid UTF-8 in a source file must not stop indexing: store U+FFFD in its place.
    doc.set_data(data.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    return doc;
  }
};

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

IndexWriter::~IndexWriter() {
  if (since_commit_ > 0 && !impl_->failed) (void)Commit();
}

Result<std::unique_ptr<IndexWriter>> IndexWriter::Open(const std::string& dir,
                                                       const text::Analyzer& analyzer,
                                                       const IndexWriterOptions& options) {
  try {
    RecoverInterruptedCreation(dir);
    Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OPEN);
    const std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (!version.empty() && version != schema::kSchemaVersion) {
      return Status::InvalidArgument(dir + " was built with index schema " + version +
                                     ", this vankien writes " +
                                     std::string(schema::kSchemaVersion) +
                                     "; index into a new directory");
    }
    auto impl = std::make_unique<Impl>(std::move(db), analyzer, options);
    const std::string stored = impl->db.get_metadata(std::string(schema::kMetaRegistry));
    if (!stored.empty()) {
      auto registry = refs::Registry::Parse(stored, dir + " (stored registry)");
      if (!registry.ok()) return registry.status();
      impl->registry = std::move(registry).value();
    } else if (!options.seed_registry.empty() && std::filesystem::exists(options.seed_registry)) {
      auto registry = refs::Registry::Load(options.seed_registry);
      if (!registry.ok()) return registry.status();
      impl->registry = std::move(registry).value();
      impl->registry_changed = true;
    }
    if (options.references) impl->recognizer = std::make_unique<refs::Recognizer>(&impl->registry);
    return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(impl)));
  } catch (const Xapian::DatabaseLockError& e) {
    if (const std::string why = WhyNotWritable(dir); !why.empty()) {
      return Status::IoError("cannot write to index " + dir + ": " + why);
    }
    return Status::IoError(dir + " is being written by another process (" + e.get_msg() +
                           "); wait for it to finish");
  } catch (const Xapian::Error& e) {
    if (const std::string why = WhyNotWritable(dir); !why.empty()) {
      return Status::IoError("cannot write to index " + dir + ": " + why);
    }
    return Status::IoError("cannot open index " + dir + " for writing: " + e.get_description());
  }
}

Status IndexWriter::Add(const Document& doc) {
  if (doc.id.empty()) return Status::InvalidArgument("document without an id");
  if (impl_->failed) return Status::IoError("cannot index " + doc.id + ": an earlier write failed");
  try {
    impl_->db.replace_document(schema::IdTerm(doc.id), impl_->Build(doc));
  } catch (const Xapian::Error& e) {
    impl_->failed = true;
    return Status::IoError("cannot index " + doc.id + ": " + e.get_description());
  }
  ++added_;
  if (++since_commit_ >= impl_->options.commit_every) return Commit();
  return Status::Ok();
}

Status IndexWriter::Commit() {
  if (impl_->failed) {
    return Status::IoError("not committed: an earlier write failed; the index keeps its last committed state");
  }
  try {
    impl_->db.set_metadata(std::string(schema::kMetaSchemaVersion),
                           std::string(schema::kSchemaVersion));
    impl_->db.set_metadata(std::string(schema::kMetaLastIndexed), NowIso());
    if (impl_->registry_changed) {
      impl_->db.set_metadata(std::string(schema::kMetaRegistry), impl_->registry.ToTsv());
      impl_->registry_changed = false;
    }
    impl_->db.commit();
    since_commit_ = 0;
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    impl_->failed = true;
    return Status::IoError("commit failed: " + e.get_description() +
                           "; the index keeps its last committed state");
  }
}

std::size_t IndexWriter::document_count() const { return impl_->db.get_doccount(); }

std::size_t IndexWriter::registry_size() const { return impl_->registry.size(); }

namespace {

std::optional<IndexWriter::FileState> DecodeFileState(const std::string& value) {
  const auto j = nlohmann::json::parse(value, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  IndexWriter::FileState st;
  st.path = j.value("path", "");
  st.hash = j.value("hash", "");
  st.size = j.value("size", std::uint64_t{0});
  st.mtime = j.value("mtime", std::int64_t{0});
  st.documents = j.value("documents", std::size_t{0});
  return st;
}

}  // namespace

std::optional<IndexWriter::FileState> IndexWriter::GetFileState(const std::string& path) const {
  try {
    const std::string value = impl_->db.get_metadata(schema::FileMetaKey(path));
    if (value.empty()) return std::nullopt;
    auto st = DecodeFileState(value);
    if (st && st->path != path) return std::nullopt;  // a hash collision of long paths
    return st;
  } catch (const Xapian::Error&) {
    return std::nullopt;
  }
}

Status IndexWriter::SetFileState(const FileState& state) {
  const nlohmann::json j = {{"path", state.path}, {"hash", state.hash}, {"size", state.size},
                            {"mtime", state.mtime}, {"documents", state.documents}};
  try {
    impl_->db.set_metadata(schema::FileMetaKey(state.path),
                           j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    impl_->failed = true;
    return Status::IoError("cannot record " + state.path + ": " + e.get_description());
  }
}

Result<std::size_t> IndexWriter::RemoveStale(const std::string& path,
                                             const std::unordered_set<std::string>& keep) {
  try {
    const std::string file_term = schema::FileTerm(path);
    std::vector<Xapian::docid> stale;
    for (auto p = impl_->db.postlist_begin(file_term); p != impl_->db.postlist_end(file_term); ++p) {
      // The id term is the document's only "Q" term.
      auto t = impl_->db.termlist_begin(*p);
      t.skip_to(std::string(schema::kIdPrefix));
      if (t == impl_->db.termlist_end(*p) || (*t).rfind(schema::kIdPrefix, 0) != 0 ||
          !keep.count(*t)) {
        stale.push_back(*p);
      }
    }
    for (Xapian::docid id : stale) impl_->db.delete_document(id);
    return stale.size();
  } catch (const Xapian::Error& e) {
    impl_->failed = true;
    return Status::IoError("cannot update documents of " + path + ": " + e.get_description());
  }
}

Result<std::size_t> IndexWriter::RemoveFile(const std::string& path) {
  auto removed = RemoveStale(path, {});
  if (!removed.ok()) return removed;
  try {
    impl_->db.set_metadata(schema::FileMetaKey(path), "");
  } catch (const Xapian::Error& e) {
    impl_->failed = true;
    return Status::IoError("cannot forget " + path + ": " + e.get_description());
  }
  return removed;
}

std::vector<IndexWriter::FileState> IndexWriter::KnownFiles(const std::string& prefix) const {
  std::vector<FileState> files;
  const std::string key_prefix(schema::kMetaFilePrefix);
  for (auto k = impl_->db.metadata_keys_begin(key_prefix); k != impl_->db.metadata_keys_end(key_prefix); ++k) {
    auto st = DecodeFileState(impl_->db.get_metadata(*k));
    if (st && st->path.rfind(prefix, 0) == 0) files.push_back(std::move(*st));
  }
  return files;
}

}  // namespace vankien
