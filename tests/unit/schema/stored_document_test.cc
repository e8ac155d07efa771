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

namespace vankien {
namespace {

TEST(StoredDocumentRelationsTest, RelationsAndDatesRoundTrip) {
  Document d;
  d.id = "nd2";
  d.text = "Nghị định này thay thế Nghị định số 30/2020/NĐ-CP và bãi bỏ Điều 5 Quyết định 10/2016/QĐ-UBND.";
  StoredRelations rel;
  rel.effective_from = "2025-07-01";
  rel.expires_on = "2030-12-31";
  rel.relations.push_back({"replaces", "30/2020/NĐ-CP", "Nghị định số 30/2020/NĐ-CP", "", {}, 30, 58, 0, 58});
  rel.relations.push_back({"repeals", "10/2016/QĐ-UBND", "Quyết định 10/2016/QĐ-UBND", "part", {"5", "6a"}, 80, 105, 0, 999});
  const StoredDocument back = DecodeStoredDocument(EncodeStoredDocument(d, {"2/2025/NĐ-CP", ""}, {}, rel));
  ASSERT_EQ(back.relations.relations.size(), 2u);
  EXPECT_EQ(back.relations.effective_from, "2025-07-01");
  EXPECT_EQ(back.relations.expires_on, "2030-12-31");
  const StoredRelation& a = back.relations.relations[0];
  EXPECT_EQ(a.type, "replaces");
  EXPECT_EQ(a.target, "30/2020/NĐ-CP");
  EXPECT_EQ(a.surface, "Nghị định số 30/2020/NĐ-CP");
  EXPECT_EQ(a.begin, 30u);
  EXPECT_EQ(a.end, 58u);
  EXPECT_EQ(a.sentence_end, 58u);
  const StoredRelation& b = back.relations.relations[1];
  EXPECT_EQ(b.type, "repeals");
  EXPECT_EQ(b.part, "part");
  EXPECT_EQ(b.articles, (std::vector<std::string>{"5", "6a"}));
  // Offsets beyond the text are clamped into it.
  EXPECT_EQ(b.sentence_end, d.text.size());
}

TEST(StoredDocumentRelationsTest, DataWithoutRelationsReadsAsNone) {
  // What schema 4 wrote: no "relations", no dates.
  const StoredDocument old = DecodeStoredDocument(R"({"id":"x","text":"abc","refs":[]})");
  EXPECT_EQ(old.doc.id, "x");
  EXPECT_TRUE(old.relations.empty());
  // A document with no relations stores none of the keys.
  Document d;
  d.id = "y";
  const std::string data = EncodeStoredDocument(d, {}, {});
  EXPECT_EQ(data.find("relations"), std::string::npos);
  EXPECT_EQ(data.find("effective_from"), std::string::npos);
}

TEST(StoredDocumentRelationsTest, DamagedRelationsAreSkipped) {
  const StoredDocument s = DecodeStoredDocument(
      R"({"id":"x","text":"abc","relations":[7,{"type":"replaces"},{"type":"amends","target":"1/2020/NĐ-CP","articles":[3,"4"],"begin":99}],"effective_from":5})");
  ASSERT_EQ(s.relations.relations.size(), 1u);
  EXPECT_EQ(s.relations.relations[0].target, "1/2020/NĐ-CP");
  EXPECT_EQ(s.relations.relations[0].articles, (std::vector<std::string>{"4"}));
  EXPECT_EQ(s.relations.relations[0].begin, 3u);
  EXPECT_EQ(s.relations.effective_from, "");
}

}  // namespace
}  // namespace vankien
