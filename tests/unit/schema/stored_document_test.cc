// stored_document.h: the stored data round-trips, and data written by older indexes (or
// damaged) decodes as readers always tolerated it.
#include "indexer/stored_document.h"

#include <gtest/gtest.h>

#include <string>

namespace vankien {
namespace {

Document Full() {
  Document d;
  d.id = "a/nq21.txt";
  d.title = "Nghị quyết 21";
  d.text = "Thực hiện Nghị quyết số 21-NQ/TW.";
  d.date = "2022-06-16";
  d.url = "https://example.vn/nq21";
  d.path = "/archive/a/nq21.txt";
  d.symbol = "21-NQ/TW";
  d.kind = "Nghị quyết";
  d.source = "a";
  d.encoding = "tcvn3";
  d.flags = {"encoding-guessed", "no-title"};
  d.issuer = "BAN CHẤP HÀNH TRUNG ƯƠNG";
  d.term = "XIII";
  d.plenum = 5;
  d.subject = "về tăng cường củng cố";
  d.signer = "Nguyễn Phú Trọng";
  d.place = "Hà Nội";
  d.fields = {{"zeta", "z"}, {"alpha", "a"}};
  return d;
}

TEST(StoredDocumentTest, RoundTripKeepsEveryFieldAndMention) {
  const Document d = Full();
  const std::vector<StoredMention> mentions = {{"21-NQ/TW", "21-NQ/TW@XIII", "Nghị quyết số 21-NQ/TW", 10, 41}};
  const StoredDocument back = DecodeStoredDocument(EncodeStoredDocument(d, {d.symbol, d.term}, mentions));
  const Document& b = back.doc;
  EXPECT_EQ(b.id, d.id);
  EXPECT_EQ(b.title, d.title);
  EXPECT_EQ(b.text, d.text);
  EXPECT_EQ(b.date, d.date);
  EXPECT_EQ(b.url, d.url);
  EXPECT_EQ(b.path, d.path);
  EXPECT_EQ(b.symbol, d.symbol);
  EXPECT_EQ(b.kind, d.kind);
  EXPECT_EQ(b.source, d.source);
  EXPECT_EQ(b.encoding, d.encoding);
  EXPECT_EQ(b.flags, d.flags);
  EXPECT_EQ(b.issuer, d.issuer);
  EXPECT_EQ(b.term, d.term);
  EXPECT_EQ(b.plenum, d.plenum);
  EXPECT_EQ(b.subject, d.subject);
  EXPECT_EQ(b.signer, d.signer);
  EXPECT_EQ(b.place, d.place);
  EXPECT_EQ(b.fields, d.fields);  // input order, not sorted
  ASSERT_EQ(back.mentions.size(), 1u);
  EXPECT_EQ(back.mentions[0].symbol, "21-NQ/TW");
  EXPECT_EQ(back.mentions[0].key, "21-NQ/TW@XIII");
  EXPECT_EQ(back.mentions[0].surface, "Nghị quyết số 21-NQ/TW");
  EXPECT_EQ(back.mentions[0].begin, 10u);
  EXPECT_EQ(back.mentions[0].end, 41u);
}

TEST(StoredDocumentTest, FactsReplaceSymbolAndTermAndKindDefaultsToArticle) {
  Document d;
  d.id = "x";
  d.symbol = "nq 21/tw";  // as the header wrote it
  const std::string data = EncodeStoredDocument(d, {"21-NQ/TW", "XIII"}, {});
  const StoredDocument back = DecodeStoredDocument(data);
  EXPECT_EQ(back.doc.symbol, "21-NQ/TW");
  EXPECT_EQ(back.doc.term, "XIII");
  EXPECT_EQ(back.doc.kind, "article");
  EXPECT_FALSE(back.doc.plenum.has_value());
  EXPECT_NE(data.find("\"refs\":[]"), std::string::npos) << data;
}

TEST(StoredDocumentTest, InvalidUtf8IsStoredAsReplacementCharacters) {
  Document d;
  d.id = "bad";
  d.text = "a\xff" "b";
  const StoredDocument back = DecodeStoredDocument(EncodeStoredDocument(d, {}, {}));
  EXPECT_EQ(back.doc.text, "a\xEF\xBF\xBD" "b");
}

TEST(StoredDocumentTest, DecodesSchema3Data) {
  // As schema 3 (3ad9d90) wrote it: the same keys, in this order.
  const std::string v3 =
      R"({"id":"d1","title":"T","text":"Theo Kết luận 21-KL/TW.","date":"2021","url":"","path":"",)"
      R"("symbol":"","kind":"article","source":"s","encoding":"utf-8","flags":[],"issuer":"","term":"",)"
      R"("plenum":null,"subject":"","signer":"","place":"","fields":{"tags":"x"},)"
      R"("refs":[{"symbol":"21-KL/TW","key":"21-KL/TW","surface":"Kết luận 21-KL/TW","begin":5,"end":26}]})";
  const StoredDocument back = DecodeStoredDocument(v3);
  EXPECT_EQ(back.doc.id, "d1");
  EXPECT_EQ(back.doc.date, "2021");
  EXPECT_EQ(back.doc.fields, (std::vector<std::pair<std::string, std::string>>{{"tags", "x"}}));
  ASSERT_EQ(back.mentions.size(), 1u);
  EXPECT_EQ(back.mentions[0].key, "21-KL/TW");
  EXPECT_EQ(back.mentions[0].begin, 5u);
  EXPECT_EQ(back.mentions[0].end, 26u);
}

TEST(StoredDocumentTest, MissingOrMistypedFieldsReadAsEmpty) {
  // Older data without fields/refs/plenum; values of the wrong type; offsets past the text.
  const StoredDocument old = DecodeStoredDocument(
      R"({"id":"o","title":7,"text":"abc","flags":"x","plenum":"4",)"
      R"("refs":[{"symbol":"1-NQ/TW","begin":2,"end":99},{"symbol":"2-NQ/TW","begin":9,"end":1},"junk",)"
      R"({"symbol":"3-NQ/TW","begin":-1,"end":"2"}]})");
  EXPECT_EQ(old.doc.id, "o");
  EXPECT_EQ(old.doc.title, "");
  EXPECT_EQ(old.doc.text, "abc");
  EXPECT_TRUE(old.doc.flags.empty());
  EXPECT_FALSE(old.doc.plenum.has_value());
  EXPECT_TRUE(old.doc.fields.empty());
  ASSERT_EQ(old.mentions.size(), 3u);
  EXPECT_EQ(old.mentions[0].begin, 2u);
  EXPECT_EQ(old.mentions[0].end, 3u);  // clamped to the text
  EXPECT_EQ(old.mentions[1].begin, 3u);
  EXPECT_EQ(old.mentions[1].end, 3u);  // never before begin
  EXPECT_EQ(old.mentions[2].begin, 0u);
  EXPECT_EQ(old.mentions[2].end, 0u);
  EXPECT_EQ(old.mentions[0].key, "");
}

TEST(StoredDocumentTest, DataThatIsNotAnObjectDecodesEmpty) {
  for (const char* data : {"", "not json", "[1,2]", "\"text\"", "{\"id\":"}) {
    const StoredDocument d = DecodeStoredDocument(data);
    EXPECT_TRUE(d.doc.id.empty()) << data;
    EXPECT_TRUE(d.mentions.empty()) << data;
  }
}

}  // namespace
}  // namespace vankien
