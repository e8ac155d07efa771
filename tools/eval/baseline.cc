#include "tools/eval/baseline.h"

#include <xapian.h>

#include "indexer/doc/loader.h"

namespace vankien::eval {

struct BaselineIndex::Impl {
  Xapian::Database db;
  Xapian::QueryParser parser;
};

BaselineIndex::BaselineIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
BaselineIndex::~BaselineIndex() = default;

Result<std::unique_ptr<BaselineIndex>> BaselineIndex::Build(const std::string& corpus_jsonl,
                                                            const std::string& dir) {
  try {
    {
      Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE);
      Xapian::TermGenerator generator;  // defaults: no stemmer, positions
      std::vector<LoadProblem> problems;
      Status st = LoadFile(corpus_jsonl, "", {}, [&](Document&& d) {
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(d.title);
        generator.increase_termpos();
        generator.index_text(d.text);
        for (const auto& [key, value] : d.fields) {
          generator.increase_termpos();
          generator.index_text(value);
        }
        doc.set_data(d.id);
        doc.add_boolean_term("Q" + d.id);
        db.replace_document("Q" + d.id, doc);  // a Xapian error propagates to the catch below
        return Status::Ok();
      }, &problems);
      if (!st.ok()) return st;
      db.commit();
    }
    auto impl = std::make_unique<Impl>();
    impl->db = Xapian::Database(dir);
    impl->parser.set_database(impl->db);
    return std::unique_ptr<BaselineIndex>(new BaselineIndex(std::move(impl)));
  } catch (const Xapian::Error& e) {
    return Status::IoError("baseline index in " + dir + ": " + e.get_description());
  }
}

std::vector<std::string> BaselineIndex::Search(std::string_view query, std::size_t k) {
  std::vector<std::string> ids;
  try {
    Xapian::Enquire enquire(impl_->db);
    enquire.set_query(impl_->parser.parse_query(std::string(query)));
    const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(k));
    for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(it.get_document().get_data());
  } catch (const Xapian::Error&) {
    // QueryParserError on odd input: the baseline simply finds nothing, as its users would.
  }
  return ids;
}

}  // namespace vankien::eval
