#include "indexer/index_writer.h"

#include <xapian.h>

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <vector>

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

}  // namespace

struct IndexWriter::Impl {
  Xapian::WritableDatabase db;
  const text::Analyzer& analyzer;
  IndexWriterOptions options;
  std::vector<text::Token> tokens;  // reused across documents
  std::string term;

  Impl(Xapian::WritableDatabase d, const text::Analyzer& a, const IndexWriterOptions& o)
      : db(std::move(d)), analyzer(a), options(o) {}

  // Indexes `text`; positions start at *pos and advance. wdf_inc weights a field (the title).
  void IndexText(std::string_view text, Xapian::termcount wdf_inc, Xapian::termpos* pos,
                 Xapian::Document* doc) {
    analyzer.Analyze(text, &tokens);
    for (const text::Token& t : tokens) {
      ++*pos;
      if (t.folded.size() > schema::kMaxTermBytes || t.exact.size() > schema::kMaxTermBytes) {
        continue;
      }
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
    if (!d.date.empty()) doc.add_value(schema::kDateSlot, d.date);

    nlohmann::ordered_json data = {{"id", d.id},     {"title", d.title}, {"text", d.text},
                           {"date", d.date}, {"url", d.url},     {"path", d.path}};
    nlohmann::ordered_json fields = nlohmann::ordered_json::object();  // keeps input order
    for (const auto& [key, value] : d.fields) fields[key] = value;
    data["fields"] = std::move(fields);
    // Invalid UTF-8 in a source file must not stop indexing: store U+FFFD in its place.
    doc.set_data(data.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    return doc;
  }
};

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

IndexWriter::~IndexWriter() {
  if (since_commit_ > 0) (void)Commit();
}

Result<std::unique_ptr<IndexWriter>> IndexWriter::Open(const std::string& dir,
                                                       const text::Analyzer& analyzer,
                                                       const IndexWriterOptions& options) {
  try {
    Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OPEN);
    const std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    if (!version.empty() && version != schema::kSchemaVersion) {
      return Status::InvalidArgument(dir + " was built with index schema " + version +
                                     ", this vankien writes " +
                                     std::string(schema::kSchemaVersion) +
                                     "; index into a new directory");
    }
    auto impl = std::make_unique<Impl>(std::move(db), analyzer, options);
    return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(impl)));
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::IoError(dir + " is being written by another process (" + e.get_msg() +
                           "); wait for it to finish");
  } catch (const Xapian::Error& e) {
    return Status::IoError("cannot open index " + dir + " for writing: " + e.get_description());
  }
}

Status IndexWriter::Add(const Document& doc) {
  if (doc.id.empty()) return Status::InvalidArgument("document without an id");
  try {
    impl_->db.replace_document(schema::IdTerm(doc.id), impl_->Build(doc));
  } catch (const Xapian::Error& e) {
    return Status::IoError("cannot index " + doc.id + ": " + e.get_description());
  }
  ++added_;
  if (++since_commit_ >= impl_->options.commit_every) return Commit();
  return Status::Ok();
}

Status IndexWriter::Commit() {
  try {
    impl_->db.set_metadata(std::string(schema::kMetaSchemaVersion),
                           std::string(schema::kSchemaVersion));
    impl_->db.set_metadata(std::string(schema::kMetaLastIndexed), NowIso());
    impl_->db.commit();
    since_commit_ = 0;
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return Status::IoError("commit failed: " + e.get_description() +
                           "; the index keeps its last committed state");
  }
}

std::size_t IndexWriter::document_count() const { return impl_->db.get_doccount(); }

}  // namespace vankien
