// IndexWriter: what a written document holds, read back through the Searcher — mentions stored
// as byte ranges of the stored text (also when the text had invalid bytes) and bare numbers
// given the document's own issuer.
#include "indexer/index_writer.h"

#include <gtest/gtest.h>

#include "indexer/text/analyzer.h"
#include "search/searcher.h"
#include "tests/support/paths.h"

namespace vankien {
namespace {

const text::Analyzer& A() {
  static const text::Analyzer analyzer;
  return analyzer;
}

StoredDocument WriteAndRead(const Document& d) {
  test_support::TempDir dir;
  const std::string db = dir / "db";
  {
    auto writer = IndexWriter::Open(db, A());
    EXPECT_TRUE(writer.ok()) << writer.status().ToString();
    EXPECT_TRUE((*writer)->Add(d).ok());
    EXPECT_TRUE((*writer)->Commit().ok());
  }
  auto searcher = search::Searcher::Open(db, A());
  EXPECT_TRUE(searcher.ok()) << searcher.status().ToString();
  auto stored = (*searcher)->GetStored(d.id);
  EXPECT_TRUE(stored.ok()) << stored.status().ToString();
  return stored.ok() ? *stored : StoredDocument{};
}

TEST(IndexWriterTest, MentionRangesHoldInTheStoredTextDespiteInvalidBytes) {
  Document d;
  d.id = "bai-viet";
  d.title = "Bài viết";
  d.text = "Byte h\xFFng \xC3 r\xE1i. Theo Nghị quyết số 21-NQ/TW của Ban Chấp hành Trung ương.";
  const StoredDocument stored = WriteAndRead(d);
  ASSERT_EQ(stored.mentions.size(), 1u);
  const StoredMention& m = stored.mentions[0];
  EXPECT_EQ(m.symbol, "21-NQ/TW");
  ASSERT_LE(m.end, stored.doc.text.size());
  EXPECT_EQ(stored.doc.text.substr(m.begin, m.end - m.begin), m.surface);
  EXPECT_NE(stored.doc.text.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD where the bytes were
}

TEST(IndexWriterTest, BareNumbersTakeTheDocumentsOwnIssuer) {
  Document d;
  d.id = "cong-van";
  d.kind = "Công văn";
  d.symbol = "123/BTC-TCT";
  d.date = "2024-05-10";
  d.title = "Về việc hướng dẫn chính sách thuế";
  d.text = "Thực hiện Thông tư số 80 ngày 29 tháng 9, Bộ hướng dẫn như sau.";
  const StoredDocument with_issuer = WriteAndRead(d);
  ASSERT_EQ(with_issuer.mentions.size(), 1u) << with_issuer.doc.text;
  EXPECT_NE(with_issuer.mentions[0].symbol.find("BTC"), std::string::npos) << with_issuer.mentions[0].symbol;

  // The same sentence in an article names nobody: the number stays unresolved, not guessed.
  d.id = "bai-bao";
  d.kind = "article";
  d.symbol.clear();
  const StoredDocument without = WriteAndRead(d);
  EXPECT_TRUE(without.mentions.empty()) << without.mentions[0].symbol;
}

}  // namespace
}  // namespace vankien
