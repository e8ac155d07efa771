#include "indexer/index_writer.h"

#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstdio>
#include <chrono>
#include <cstring>
#include <exception>
#include <ctime>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "indexer/compact.h"
#include "indexer/refs/lexicon.h"
#include "indexer/refs/recognizer.h"
#include "indexer/refs/relations.h"
#include "indexer/refs/registry.h"
#include "indexer/schema.h"
#include "indexer/shard_layout.h"
#include "indexer/internal/shard_writer.h"
#include "indexer/internal/xapian_status.h"
#include "indexer/stored_document.h"
#include "indexer/terms.h"
#include "indexer/text/utf8.h"

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
// (iamglass), and Xapian then refuses to open or create there. Such tables are empty (Xapian
// writes its first block, at least kMinBlock bytes, only at a commit), so nothing was ever
// committed and its files can go. Tables holding blocks without a version file are a damaged or
// half-copied index: refused with what to do, never deleted, unless `rebuild` asks for exactly
// that. Anything that is not a Xapian table file is left alone (and Xapian's own error then
// says what is wrong).
constexpr std::uintmax_t kMinBlock = 2048;  // Xapian's smallest block size

Status RecoverInterruptedCreation(const std::string& dir, bool rebuild) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec) || fs::exists(fs::path(dir) / "iamglass", ec)) return Status::Ok();
  std::vector<fs::path> tables;
  std::uintmax_t bytes = 0;
  bool committed = false;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const bool xapian_file = name == "flintlock" || name.ends_with(".glass") || name.ends_with(".tmp") ||
                             name.starts_with("iamglass");
    if (!xapian_file) return Status::Ok();
    tables.push_back(entry.path());
    const std::uintmax_t size = entry.file_size(ec);
    if (ec) return Status::Ok();
    bytes += size;
    if (name.ends_with(".glass") && size >= kMinBlock) committed = true;
  }
  if (committed && !rebuild) {
    char mb[32];
    std::snprintf(mb, sizeof mb, "%.1f MB", bytes / 1e6);
    return Status::FailedPrecondition(
        dir + " is not a readable index: it holds Xapian tables (" + mb +
        ") but no version file (iamglass), so it is damaged or was copied only in part. Nothing "
        "was changed. Restore it (or copy it again) from where it came from, or index with "
        "--rebuild to delete these tables and index from scratch");
  }
  for (const auto& t : tables) fs::remove(t, ec);
  return Status::Ok();
}

// Why `dir` (or, when it does not exist yet, the folder it would be made in) cannot be written:
// an errno and its words, or {0, ""} when it can. Xapian reports a read-only or unwritable
// database as a failure to take its lock, which would otherwise read as "another process is
// writing".
struct Unwritable {
  int err = 0;
  std::string why;
};
Unwritable WhyNotWritable(const std::string& dir) {
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
  if (err == EROFS) return {err, "it is on a read-only file system (" + std::string(std::strerror(err)) + ")"};
  return {err, "no permission to write to " + p.string() + " (" + std::strerror(err) + ")"};
}

// Opening `dir` for writing failed with `e`: which index, why, and what to do. A caller
// branches on the code; the message is what it shows.
Status OpenFailure(const std::string& dir, const Xapian::Error& e) {
  constexpr std::string_view kNothingChanged =
      ". Nothing was changed; the index keeps its last commit and can still be searched. ";
  if (const Unwritable u = WhyNotWritable(dir); u.err != 0) {
    std::string m = "cannot write to index " + dir + ": " + u.why + std::string(kNothingChanged);
    if (u.err == EROFS) {
      m += "Remount it read-write, or copy it to a writable disk and index with --db pointing there.";
    } else {
      m += "Make it writable for this user (e.g. chmod -R u+w " + dir +
           ") or index with --db pointing to a directory you can write.";
    }
    return Status::PermissionDenied(std::move(m));
  }
  const Status::Code code = XapianWriteCode(e);
  if (code == Status::Code::kFailedPrecondition) {
    return Status::FailedPrecondition(dir + " is being written by another process (" + e.get_msg() +
                                      "); wait for it to finish");
  }
  return Status::WithCode(code, "cannot open index " + dir + " for writing: " + e.get_description());
}

}  // namespace

struct IndexWriter::Impl {
  // Shard 0 also holds the index's metadata: schema version, registry and file states.
  std::vector<std::unique_ptr<ShardWriter>> shards;
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
  // Every source file the index knows, by path: read from shard 0 when opened, kept up to date
  // here, and written to shard 0 at commit (`unsaved` holds the metadata keys to write, "" to
  // erase), so that looking a file up never waits for the writing threads.
  std::map<std::string, FileState> files;
  std::map<std::string, std::string> unsaved;
  std::string dir;  // the index, named in messages
  Status failure;   // the first write failure, as Failed() made it; returned from then on

  Impl(const text::Analyzer& a, const IndexWriterOptions& o) : analyzer(a), options(o) {}

  // Records `cause` as this writer's failure (the first one wins) and returns it, turned into
  // the message every caller shows: which index, why, that the last commit is intact, and what
  // to do. The code stays the cause's, so callers branch on it.
  const Status& Failed(const Status& cause) {
    failed = true;
    if (!failure.ok()) return failure;
    const std::string& m = cause.message();
    std::string text = "cannot write to index " + dir + ": ";
    switch (cause.code()) {
      case Status::Code::kResourceExhausted:
        text += "disk full or file too large (" + m +
                "). The index keeps its last commit: documents committed before are intact and "
                "searchable. Free space on the disk that holds " + dir +
                " (or raise the file size limit or quota) and run the same command again; it goes "
                "on from the last commit.";
        break;
      case Status::Code::kPermissionDenied:
        text += "it became read-only or unwritable (" + m +
                "). The index keeps its last commit. Make it writable and run the same command "
                "again; it goes on from the last commit.";
        break;
      default:
        text += m + ". The index keeps its last commit; fix the cause and run the same command "
                    "again; it goes on from the last commit.";
        break;
    }
    failure = Status::WithCode(cause.code() == Status::Code::kOk ? Status::Code::kIoError : cause.code(),
                               std::move(text));
    return failure;
  }

  Xapian::WritableDatabase& meta() { return shards.front()->db(); }

  // Waits for every shard's thread to apply what is queued; the first failure, if any.
  Status Drain() {
    Status first;
    for (auto& shard : shards) {
      Status st = shard->Wait();
      if (!st.ok() && first.ok()) first = std::move(st);
    }
    if (!first.ok()) return Failed(first);
    return first;
  }

  // Adds `term` (wdf 1) when it can be a Xapian term.
  static void AddTerm(const std::string& term, Xapian::Document* doc) {
    if (terms::Fits(term)) doc->add_term(term);
  }

  // Reference terms for every mention in `text`; returns the mentions for the stored data.
  // `document_issuer` is the issuer code of the document itself, for bare numbers its text
  // names no issuer for ("Quyết định 09" in a Bộ Tài chính công văn).
  // `found`, when given, receives the recognizer's mentions as they are (for relations).
  std::vector<StoredMention> IndexReferences(std::string_view text, std::string_view document_issuer,
                                             Xapian::Document* doc,
                                             std::vector<refs::Mention>* found = nullptr) {
    std::vector<StoredMention> list;
    std::vector<refs::Mention> mentions = recognizer->Find(text, document_issuer);
    for (const refs::Mention& m : mentions) {
      const std::string symbol = m.Canonical();
      if (symbol.empty()) continue;  // a number whose issuer nobody knows
      AddTerm(terms::Ref(symbol), doc);
      if (!m.resolved_symbol.empty()) AddTerm(terms::Ref(m.resolved_symbol), doc);
      std::string key = m.Key();
      if (key != symbol) AddTerm(terms::RefKey(key), doc);
      list.push_back({m.resolved_symbol.empty() ? symbol : m.resolved_symbol, std::move(key), m.surface,
                      m.byte_start, m.byte_end});
    }
    if (found != nullptr) *found = std::move(mentions);
    return list;
  }

  // The relations an official document's text states, from the mentions the recognizer
  // already found in it (no second recognition), with one boolean term each.
  static StoredRelations IndexRelations(std::string_view text, const std::vector<refs::Mention>& mentions,
                                        Xapian::Document* doc) {
    refs::DocumentRelations found;
    try {
      found = refs::ExtractRelations(text, mentions);
    } catch (const std::exception&) {
      // ExtractRelations never fails by contract; should a bug in it throw (an out-of-range
      // substr once did), the document is still indexed, without relations, rather than the
      // whole run stopping.
      return {};
    }
    StoredRelations out;
    out.effective_from = std::move(found.effective_from);
    out.expires_on = std::move(found.expires_on);
    if (out.expires_on.size() == 10 && out.expires_on[4] == '-') doc->add_value(schema::kExpiresSlot, out.expires_on);
    for (refs::Relation& r : found.relations) {
      if (r.target.empty()) continue;
      StoredRelation s;
      s.type = std::string(refs::RelationTypeName(r.type));
      s.target = std::move(r.target);
      s.surface = std::move(r.surface);
      s.part = std::move(r.part);
      s.articles = std::move(r.articles);
      s.begin = r.begin;
      s.end = r.end;
      s.sentence_begin = r.sentence_begin;
      s.sentence_end = r.sentence_end;
      const std::string term = terms::Relation(terms::RelationTermType(s.type, s.part), s.target);
      if (terms::Fits(term)) doc->add_boolean_term(term);
      out.relations.push_back(std::move(s));
    }
    return out;
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

  // The header read a công văn (doc/official_header.h: a letter's layout, no type line). Its
  // symbol "<n>/<issuer>-<unit>" carries no type code, even where the issuer's code spells one
  // ("5348/CT-CS" of Cục Thuế is no Chỉ thị): re-read it so that the kind filter (XKIND:CV),
  // the issuer and the registry agree with the header. The canonical symbol is unchanged.
  static void ReadAsCongVan(refs::Mention* m) {
    if (m->type == "CV" || m->system != refs::System::kState || m->symbol_year ||
        !m->unit.empty()) {
      return;
    }
    refs::Mention cv = *m;
    cv.type = "CV";
    cv.unit = m->issuer;
    cv.issuer = m->type;
    if (cv.Canonical() == m->Canonical()) *m = std::move(cv);
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
      if (d.kind == "Công văn") ReadAsCongVan(&m);
      AddTerm(terms::OwnSymbol(symbol), doc);
      AddTerm(terms::OwnKey(m.Key()), doc);
      AddToRegistry(m, d);
      return m;
    }
    return {};
  }

  // Boolean terms for the filterable facts, and the same facts in value slots for facets.
  static void IndexFacts(const Document& d, const refs::Mention& own, Xapian::Document* doc) {
    const bool official = !own.Canonical().empty();
    auto fact = [doc](std::string (*term)(std::string_view), unsigned slot, std::string_view value) {
      if (value.empty()) return;
      doc->add_boolean_term(term(value));
      doc->add_value(slot, std::string(value));
    };
    fact(terms::Kind, schema::kKindSlot, official ? own.type : "article");
    if (official) fact(terms::Issuer, schema::kIssuerSlot, own.issuer);
    if (official) fact(terms::Term, schema::kTermSlot, own.term);
    fact(terms::Year, schema::kYearSlot, terms::YearOfDate(d.date));
    fact(terms::Source, schema::kSourceSlot, d.source);
  }

  // Indexes `text`; positions start at *pos and advance. wdf_inc weights a field (the title).
  void IndexText(std::string_view text, Xapian::termcount wdf_inc, Xapian::termpos* pos,
                 Xapian::Document* doc) {
    analyzer.Analyze(text, &tokens);
    const text::Token* previous = nullptr;
    for (const text::Token& t : tokens) {
      ++*pos;
      if (!terms::Indexable(t)) {
        previous = nullptr;
        continue;
      }
      if (previous != nullptr) {
        term = terms::Pair(previous->folded, t.folded);
        if (terms::Fits(term)) doc->add_term(term, wdf_inc);
      }
      previous = &t;
      term = terms::Folded(t.folded);
      if (options.folded_positions) {
        doc->add_posting(term, *pos, wdf_inc);
      } else {
        doc->add_term(term, wdf_inc);
      }
      if (t.HasMarks()) {
        term = terms::Exact(t.exact);
        if (options.folded_positions && options.exact_positions) {
          doc->add_posting(term, *pos, wdf_inc);
        } else {
          doc->add_term(term, wdf_inc);
        }
      }
    }
    *pos += kFieldGap;
  }

  Xapian::Document Build(const Document& original) {
    // Stored mentions are byte ranges of the stored text, which is stored as valid UTF-8: repair
    // it once, here, so that the analyzer, the recognizer and the store all see the same bytes.
    std::size_t invalid = 0;
    std::string valid_text = text::SanitizeUtf8(original.text, &invalid);
    Document repaired;
    if (invalid > 0) {
      repaired = original;
      repaired.text = std::move(valid_text);
    }
    const Document& d = invalid > 0 ? repaired : original;
    Xapian::Document doc;
    Xapian::termpos pos = 0;
    IndexText(d.title, 2, &pos, &doc);
    IndexText(d.text, 1, &pos, &doc);
    for (const auto& [key, value] : d.fields) IndexText(value, 1, &pos, &doc);
    doc.add_boolean_term(terms::Id(d.id));
    if (!d.path.empty()) doc.add_boolean_term(terms::File(d.path));
    if (!d.date.empty()) doc.add_value(schema::kDateSlot, d.date);

    std::vector<StoredMention> mentions;
    StoredRelations relations;
    refs::Mention own;
    if (recognizer) {
      if (!d.symbol.empty()) own = IndexOwnSymbol(d, &doc);
      (void)IndexReferences(d.title, own.issuer, &doc);  // indexed; only the text's mentions are stored
      // Relations are read from official documents only: an article that reports "Nghị định
      // mới thay thế Nghị định 30/2020" describes another act, it does not replace anything.
      const bool official = !d.symbol.empty() || (!d.kind.empty() && d.kind != "article");
      std::vector<refs::Mention> found;
      const bool extract = options.relations && official;
      mentions = IndexReferences(d.text, own.issuer, &doc, extract ? &found : nullptr);
      if (extract) relations = IndexRelations(d.text, found, &doc);
    }
    IndexFacts(d, own, &doc);
    // The stored symbol is the one recognized (canonical), else the header's as written (a
    // 1945 Sắc lệnh's bare "3", an issuer code the recognizer does not know); the term, the one
    // the recognizer filled in when the header gave none.
    const std::string canonical = own.Canonical();
    const IndexedFacts facts{canonical.empty() ? d.symbol : canonical, own.term.empty() ? d.term : own.term};
    doc.set_data(EncodeStoredDocument(d, facts, mentions, relations));
    return doc;
  }
};

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
  st.id = j.value("id", "");
  st.mtime_ns = j.value("mtime_ns", std::int64_t{0});
  st.ctime_ns = j.value("ctime_ns", std::int64_t{0});
  st.inode = j.value("inode", std::uint64_t{0});
  st.racy = j.value("racy", false);
  return st;
}

std::string EncodeFileState(const IndexWriter::FileState& state) {
  nlohmann::json j = {{"path", state.path}, {"hash", state.hash}, {"size", state.size},
                            {"mtime", state.mtime}, {"documents", state.documents},
                            {"mtime_ns", state.mtime_ns}, {"ctime_ns", state.ctime_ns},
                            {"inode", state.inode}};
  if (!state.id.empty()) j["id"] = state.id;
  if (state.racy) j["racy"] = true;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Opens (creating when needed) the shard databases of the index in `dir`.
Result<std::vector<Xapian::WritableDatabase>> OpenShards(const std::string& dir, std::size_t wanted,
                                                         bool rebuild) {
  namespace fs = std::filesystem;
  auto layout = shards::Read(dir);
  if (!layout.ok()) return layout.status();
  std::error_code ec;
  const bool exists = layout->sharded || fs::exists(fs::path(dir) / "iamglass", ec);
  if (!layout->remote.empty()) {
    return Status::InvalidArgument(dir + " lists remote shards (" + layout->remote.front() +
                                   "); index into each shard on the machine that serves it");
  }
  const std::size_t have = layout->local.size();
  if (exists && wanted > 0 && wanted != have) {
    return Status::InvalidArgument(dir + " already holds an index with " + std::to_string(have) +
                                   (have == 1 ? " shard" : " shards") + "; --shards " +
                                   std::to_string(wanted) +
                                   " applies when creating a new index: leave it out, or index "
                                   "into a new directory");
  }
  std::vector<Xapian::WritableDatabase> dbs;
  if (exists || wanted <= 1) {
    for (const std::string& shard : layout->local) {
      if (Status st = RecoverInterruptedCreation(shard, rebuild); !st.ok()) return st;
      dbs.emplace_back(shard, rebuild ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN);
    }
    return dbs;
  }
  // A new sharded index: the shards first, the stub that makes them one index last, so a run
  // killed in between leaves no stub and the next run creates (or opens) the shards again.
  fs::create_directories(dir, ec);
  if (ec) return Status::WithCode(WriteErrnoCode(ec.value()), "cannot create " + dir + ": " + ec.message());
  for (std::size_t k = 0; k < wanted; ++k) {
    const std::string shard = shards::ShardDir(dir, k);
    if (Status st = RecoverInterruptedCreation(shard, rebuild); !st.ok()) return st;
    dbs.emplace_back(shard, Xapian::DB_CREATE_OR_OPEN);
  }
  for (auto& db : dbs) db.commit();
  const Status st = shards::WriteStub(dir, wanted);
  if (!st.ok()) return st;
  return dbs;
}

}  // namespace

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

IndexWriter::~IndexWriter() {
  if (since_commit_ > 0 && !impl_->failed) (void)Commit();
}

Result<std::unique_ptr<IndexWriter>> IndexWriter::Open(const std::string& dir,
                                                       const text::Analyzer& analyzer,
                                                       const IndexWriterOptions& options) {
  if (options.shards > shards::kMaxShards) {
    return Status::InvalidArgument("--shards " + std::to_string(options.shards) + " is too many; the limit is " +
                                   std::to_string(shards::kMaxShards));
  }
  // A compaction killed between its renames left the database aside: put it back first, or
  // the writer would create an empty index in its place.
  if (Status st = RecoverInterruptedCompaction(dir); !st.ok()) return st;
  try {
    auto dbs = OpenShards(dir, options.shards, options.rebuild);
    if (!dbs.ok()) return dbs.status();
    for (auto& db : *dbs) {
      const std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
      if (!version.empty() && version != schema::kSchemaVersion) {
        return Status::InvalidArgument(dir + " was built with index schema " + version +
                                       ", this vankien writes " +
                                       std::string(schema::kSchemaVersion) +
                                       "; index into a new directory");
      }
    }
    auto impl = std::make_unique<Impl>(analyzer, options);
    impl->dir = dir;
    Xapian::WritableDatabase& meta = dbs->front();
    const std::string stored = meta.get_metadata(std::string(schema::kMetaRegistry));
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
    const std::string key_prefix(schema::kMetaFilePrefix);
    for (auto k = meta.metadata_keys_begin(key_prefix); k != meta.metadata_keys_end(key_prefix); ++k) {
      auto st = DecodeFileState(meta.get_metadata(*k));
      if (st && !st->path.empty()) impl->files[st->path] = std::move(*st);
    }
    if (options.references) impl->recognizer = std::make_unique<refs::Recognizer>(&impl->registry);
    for (auto& db : *dbs) impl->shards.push_back(std::make_unique<ShardWriter>(std::move(db)));
    return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(impl)));
  } catch (const Xapian::Error& e) {
    return OpenFailure(dir, e);
  }
}

Status IndexWriter::Add(const Document& doc) {
  if (doc.id.empty()) return Status::InvalidArgument("document without an id");
  if (impl_->failed) return impl_->failure;
  std::string id_term = schema::IdTerm(doc.id);
  const std::size_t shard = shards::ShardOf(id_term, impl_->shards.size());
  impl_->shards[shard]->Replace(std::move(id_term), impl_->Build(doc), doc.id);
  ++added_;
  if (++since_commit_ >= impl_->options.commit_every) return Commit();
  return Status::Ok();
}

Status IndexWriter::Commit() {
  if (impl_->failed) return impl_->failure;
  auto& shards = impl_->shards;
  Status st = impl_->Drain();
  if (!st.ok()) return st;
  auto write_metadata = [&] {
    Xapian::WritableDatabase& meta = impl_->meta();
    for (const auto& [key, value] : impl_->unsaved) meta.set_metadata(key, value);
    meta.set_metadata(std::string(schema::kMetaLastIndexed), NowIso());
    if (impl_->registry_changed) meta.set_metadata(std::string(schema::kMetaRegistry), impl_->registry.ToTsv());
  };
  try {
    for (auto& shard : shards) {
      shard->db().set_metadata(std::string(schema::kMetaSchemaVersion), std::string(schema::kSchemaVersion));
    }
    // One database: its documents and what describes them go in one commit. Several: every
    // shard commits its documents (in parallel), then shard 0 the description (see header).
    if (shards.size() == 1) write_metadata();
    for (auto& shard : shards) shard->QueueCommit();
    st = impl_->Drain();
    if (!st.ok()) return st;
    if (shards.size() > 1) {
      write_metadata();
      impl_->meta().commit();
    }
  } catch (const Xapian::Error& e) {
    return impl_->Failed(Status::WithCode(XapianWriteCode(e), "commit failed: " + e.get_description()));
  }
  impl_->unsaved.clear();
  impl_->registry_changed = false;
  since_commit_ = 0;
  return Status::Ok();
}

std::size_t IndexWriter::document_count() const {
  (void)impl_->Drain();
  std::size_t n = 0;
  for (auto& shard : impl_->shards) n += shard->db().get_doccount();
  return n;
}

std::size_t IndexWriter::registry_size() const { return impl_->registry.size(); }

const text::Analyzer& IndexWriter::analyzer() const { return impl_->analyzer; }

std::size_t IndexWriter::shard_count() const { return impl_->shards.size(); }

std::optional<IndexWriter::FileState> IndexWriter::GetFileState(const std::string& path) const {
  const auto it = impl_->files.find(path);
  if (it == impl_->files.end()) return std::nullopt;
  return it->second;
}

Status IndexWriter::SetFileState(const FileState& state) {
  if (impl_->failed) return impl_->failure;
  impl_->files[state.path] = state;
  impl_->unsaved[schema::FileMetaKey(state.path)] = EncodeFileState(state);
  return Status::Ok();
}

Result<std::size_t> IndexWriter::RemoveStale(const std::string& path,
                                             const std::unordered_set<std::string>& keep_ids) {
  if (Status st = impl_->Drain(); !st.ok()) return st;
  // Compared as terms: a long id's term is a hash of it (schema::IdTerm).
  std::unordered_set<std::string> keep;
  for (const std::string& id : keep_ids) keep.insert(schema::IdTerm(id));
  std::size_t removed = 0;
  try {
    const std::string file_term = schema::FileTerm(path);
    for (auto& shard : impl_->shards) {
      Xapian::WritableDatabase& db = shard->db();
      std::vector<Xapian::docid> stale;
      for (auto p = db.postlist_begin(file_term); p != db.postlist_end(file_term); ++p) {
        // The id term is the document's only "Q" term.
        auto t = db.termlist_begin(*p);
        t.skip_to(std::string(schema::kIdPrefix));
        if (t == db.termlist_end(*p) || (*t).rfind(schema::kIdPrefix, 0) != 0 || !keep.count(*t)) {
          stale.push_back(*p);
        }
      }
      for (Xapian::docid id : stale) db.delete_document(id);
      removed += stale.size();
    }
    return removed;
  } catch (const Xapian::Error& e) {
    return impl_->Failed(
        Status::WithCode(XapianWriteCode(e), "cannot update documents of " + path + ": " + e.get_description()));
  }
}

Result<std::size_t> IndexWriter::RemoveFile(const std::string& path) {
  auto removed = RemoveStale(path, {});
  if (!removed.ok()) return removed;
  impl_->files.erase(path);
  impl_->unsaved[schema::FileMetaKey(path)] = "";
  return removed;
}

std::vector<IndexWriter::FileState> IndexWriter::KnownFiles(const std::string& prefix) const {
  std::vector<FileState> known;
  for (auto it = impl_->files.lower_bound(prefix); it != impl_->files.end() && it->first.starts_with(prefix); ++it) {
    known.push_back(it->second);
  }
  return known;
}

}  // namespace vankien
