// ExtractRelations on sentences written for these tests: one case per relation form, the
// negatives the subject rule exists for, and the entry-into-force dates.
#include "indexer/refs/relations.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "indexer/refs/recognizer.h"

namespace vankien::refs {
namespace {

// "type target [part articles]" per relation, in order.
std::vector<std::string> Describe(const DocumentRelations& d) {
  std::vector<std::string> out;
  for (const Relation& r : d.relations) {
    std::string s = std::string(RelationTypeName(r.type)) + " " + r.target;
    if (!r.part.empty()) s += " [" + r.part;
    for (const auto& a : r.articles) s += " " + a;
    if (!r.part.empty()) s += "]";
    out.push_back(s);
  }
  return out;
}

DocumentRelations Extract(const std::string& text) {
  static const Recognizer recognizer;
  return ExtractRelations(text, recognizer.Find(text));
}

struct Case {
  const char* name;
  std::string text;
  std::vector<std::string> want;
};

class RelationsTable : public ::testing::TestWithParam<Case> {};

TEST_P(RelationsTable, Extracts) {
  const Case& c = GetParam();
  EXPECT_EQ(Describe(Extract(c.text)), c.want) << c.text;
}

// A minimal decree frame: the preamble, article 1, and `effect` as the entry-into-force article.
std::string Decree(const std::string& grounds, const std::string& effect, const std::string& body = "") {
  return "CHÍNH PHỦ\nNGHỊ ĐỊNH\nVỀ QUẢN LÝ KHO LƯU TRỮ THỬ NGHIỆM\n" + grounds +
         "Theo đề nghị của Bộ trưởng Bộ Nội vụ;\nChính phủ ban hành Nghị định về quản lý kho lưu trữ.\n"
         "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định việc quản lý kho lưu trữ.\n" +
         body + "Điều 9. Hiệu lực thi hành\n" + effect + "\n";
}

const Case kCases[] = {
    {"BasedOnNumbered",
     Decree("Căn cứ Luật Lưu trữ số 33/2024/QH15;\nCăn cứ Nghị định số 12/2023/NĐ-CP ngày 3 tháng 4 năm 2023 "
            "của Chính phủ quy định chi tiết Luật Lưu trữ;\n",
            ""),
     {"based_on 33/2024/QH15", "based_on 12/2023/NĐ-CP"}},
    {"BasedOnUnnumberedLawGetsItsYear",
     Decree("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nCăn cứ Bộ luật Dân sự ngày 24/11/2015;\n",
            ""),
     {"based_on Luật Tổ chức Chính phủ 2025", "based_on Bộ luật Dân sự 2015"}},
    {"BasedOnTwoLawsOnOneLine",
     Decree("Căn cứ Luật Đo đạc và Bản đồ ngày 14 tháng 6 năm 2018 và Luật sửa đổi, bổ sung một số điều "
            "của Luật Đo đạc và Bản đồ ngày 9 tháng 1 năm 2023; Căn cứ Nghị định số 7/2022/NĐ-CP;\n",
            ""),
     {"based_on Luật Đo đạc và Bản đồ 2018",
      "based_on Luật sửa đổi, bổ sung một số điều của Luật Đo đạc và Bản đồ 2023", "based_on 07/2022/NĐ-CP"}},
    {"BasedOnIgnoresWhatTheGroundAmendsOrDetails",
     Decree("Căn cứ Luật Lưu trữ số 33/2024/QH15 được sửa đổi, bổ sung bởi Luật số 81/2025/QH15;\n"
            "Căn cứ Quyết định số 14/2022/QĐ-UBND ngày 5/5/2022 của Ủy ban nhân dân tỉnh về sửa đổi "
            "Quyết định số 10/2016/QĐ-UBND;\n",
            ""),
     {"based_on 33/2024/QH15", "based_on 14/2022/QĐ-UBND"}},
    {"ReplacesFromEffectSentence",
     Decree("", "Nghị định này có hiệu lực từ ngày 01 tháng 3 năm 2026 và thay thế Nghị định số "
                "44/2019/NĐ-CP ngày 2 tháng 5 năm 2019 của Chính phủ về quản lý kho lưu trữ."),
     {"replaces 44/2019/NĐ-CP"}},
    {"ReplacesTwoListed",
     Decree("", "Quyết định này thay thế Quyết định số 5/2018/QĐ-UBND và Quyết định số 9/2020/QĐ-UBND."),
     {"replaces 05/2018/QĐ-UBND", "replaces 09/2020/QĐ-UBND"}},
    {"PartyRegulationReplaces",
     "BAN CHẤP HÀNH TRUNG ƯƠNG\nQUY ĐỊNH\nVỀ CÔNG TÁC KIỂM TRA THỬ NGHIỆM\n"
     "Quy định này có hiệu lực từ ngày ký, thay thế Quy định số 105-QĐ/TW ngày 19/12/2017 của Bộ Chính trị.\n",
     {"replaces 105-QĐ/TW"}},
    {"RepealsWholeVerbFirst",
     Decree("", "1. Nghị định này có hiệu lực kể từ ngày ký.\n2. Bãi bỏ toàn bộ Quyết định số 10/2016/QĐ-UBND "
                "ngày 1/2/2016 của Ủy ban nhân dân tỉnh."),
     {"repeals 10/2016/QĐ-UBND [whole]"}},
    {"RepealsPartWithArticles",
     Decree("", "Bãi bỏ Điều 5, Điều 6 và khoản 2 Điều 7a của Quyết định số 12/2020/QĐ-UBND."),
     {"repeals 12/2020/QĐ-UBND [part 5 6 7a]"}},
    {"RepealsListAfterColon",
     Decree("", "Bãi bỏ các văn bản sau đây:\na) Quyết định số 3/2015/QĐ-UBND;\nb) Quyết định số 8/2017/QĐ-UBND."),
     {"repeals 03/2015/QĐ-UBND [whole]", "repeals 08/2017/QĐ-UBND [whole]"}},
    {"AmendsFromTitle",
     "CHÍNH PHỦ\nNGHỊ ĐỊNH\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 15/2018/NĐ-CP NGÀY 02 THÁNG 02 NĂM "
     "2018 VỀ KHO LƯU TRỮ\nCăn cứ Luật Lưu trữ số 33/2024/QH15;\nĐiều 1. Phạm vi\n",
     {"amends 15/2018/NĐ-CP [part]", "based_on 33/2024/QH15"}},
    {"AmendsFromArticleHeading",
     Decree("", "Nghị định này có hiệu lực kể từ ngày ký.",
            "Điều 2. Sửa đổi, bổ sung Điều 4 của Nghị định số 30/2020/NĐ-CP như sau:\n"
            "1. Sửa đổi khoản 2 Điều 5 Nghị định số 99/2019/NĐ-CP như sau:\n"),
     {"amends 30/2020/NĐ-CP [part 4]"}},
    {"GuidesSubject",
     "BỘ NỘI VỤ\nTHÔNG TƯ\nVỀ LƯU TRỮ THỬ NGHIỆM\nCăn cứ Luật Lưu trữ ngày 21 tháng 6 năm 2024;\n"
     "Điều 1. Phạm vi điều chỉnh\nThông tư này hướng dẫn thi hành Nghị định số 12/2023/NĐ-CP ngày 3/4/2023 "
     "của Chính phủ quy định chi tiết Luật Lưu trữ.\n",
     {"based_on Luật Lưu trữ 2024", "guides 12/2023/NĐ-CP"}},
    {"GuidesUnnumberedLawResolvedFromGrounds",
     "CHÍNH PHỦ\nNGHỊ ĐỊNH\nQUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT LƯU TRỮ\n"
     "Căn cứ Luật Lưu trữ ngày 21 tháng 6 năm 2024;\nĐiều 1. Phạm vi điều chỉnh\n"
     "Nghị định này quy định chi tiết một số điều của Luật Lưu trữ.\n",
     {"guides Luật Lưu trữ 2024", "based_on Luật Lưu trữ 2024"}},
    {"ImplementsPlanTitleAndPreamble",
     "TỈNH ỦY\nKẾ HOẠCH\nThực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n"
     "Thực hiện Kết luận số 123-KL/TW ngày 24/01/2025 của Ban Chấp hành Trung ương, Ban Thường vụ Tỉnh ủy "
     "ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n",
     {"implements 57-NQ/TW", "implements 123-KL/TW"}},
    {"ExpiresInEffectArticle",
     Decree("", "1. Nghị định này có hiệu lực từ ngày 01/7/2026.\n2. Nghị định số 44/2019/NĐ-CP hết hiệu lực "
                "kể từ ngày Nghị định này có hiệu lực thi hành."),
     {"expires 44/2019/NĐ-CP"}},
    {"ExpiresListAfterColon",
     Decree("", "Các văn bản sau đây hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành:\n"
                "a) Nghị định số 1/2019/NĐ-CP;\nb) Thông tư số 2/2020/TT-BNV."),
     {"expires 01/2019/NĐ-CP", "expires 02/2020/TT-BNV"}},
    // Forms found on the tune split of tests/data/relations (texts written for these tests).
    {"AmendingArticleItemsNameTheirDocuments",
     Decree("", "Nghị định này có hiệu lực kể từ ngày ký.",
            "Điều 2. Thay thế, bổ sung, bãi bỏ một số cụm từ tại các nghị định về lưu trữ\n"
            "1. Thay thế, bãi bỏ các điểm, khoản, cụm từ, mẫu tại Nghị định số 30/2020/NĐ-CP\n"
            "a) Thay thế các cụm từ như sau:\n- Cụm từ “cấp huyện” bằng cụm từ “cấp xã” tại khoản 4\nĐiều 19;\n"
            "2. Thay thế, bãi bỏ các cụm từ sau đây tại Nghị định số 31/2021/NĐ-CP\n"),
     {"amends 30/2020/NĐ-CP [part]", "repeals 30/2020/NĐ-CP [part]", "amends 31/2021/NĐ-CP [part]",
      "repeals 31/2021/NĐ-CP [part]"}},
    {"RepealsItemsLocatedInADocument",
     Decree("", "Quyết định này có hiệu lực kể từ ngày ký. Bãi bỏ thủ tục hành chính có số thứ tự 3, 4 tại "
                "Quyết định số 12/2021/QĐ-UBND ngày 5/5/2021 của Chủ tịch Ủy ban nhân dân tỉnh."),
     {"repeals 12/2021/QĐ-UBND [part]"}},
    {"ReplacingAnAppendixAmends",
     Decree("", "1. Nghị định này có hiệu lực kể từ ngày ký.\n2. Thay thế Phụ lục II ban hành kèm theo Nghị định số "
                "30/2020/NĐ-CP bằng Phụ lục I ban hành kèm theo Nghị định này."),
     {"amends 30/2020/NĐ-CP [part]"}},
    {"ReplacesSecondDocumentAfterDescription",
     Decree("", "Nghị định này có hiệu lực từ ngày 01/3/2026 và thay thế Nghị định số 44/2019/NĐ-CP ngày 2/5/2019 "
                "của Chính phủ quy định về kho lưu trữ, hồ sơ và Nghị định số 50/2021/NĐ-CP ngày 3/6/2021 của "
                "Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 44/2019/NĐ-CP."),
     {"replaces 44/2019/NĐ-CP", "replaces 50/2021/NĐ-CP"}},
    {"LawNameWithCuaNhaNuoc",
     Decree("Căn cứ Luật Trách nhiệm bồi thường của Nhà nước ngày 20 tháng 6 năm 2017;\n"
            "Căn cứ Luật Lưu trữ ngày 21 tháng 6 năm 2024 của Quốc hội;\n", ""),
     {"based_on Luật Trách nhiệm bồi thường của Nhà nước 2017", "based_on Luật Lưu trữ 2024"}},
    {"NamedLawWithItsNumberIsTheNumber",
     Decree("Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15;\n", ""),
     {"based_on 55/2024/QH15"}},
    {"GroundsListedAsSoAndVaSo",
     Decree("Căn cứ các Nghị định của Chính phủ: số 63/2010/NĐ-CP ngày 08/6/2010 về kiểm soát thủ tục hành "
            "chính; số 48/2013/NĐ-CP ngày 14/5/2013 và số 92/2017/NĐ-CP ngày 07/8/2017 sửa đổi, bổ sung một số "
            "điều của các nghị định liên quan;\n", ""),
     {"based_on 63/2010/NĐ-CP", "based_on 48/2013/NĐ-CP", "based_on 92/2017/NĐ-CP"}},
    {"ImplementsATreaty",
     "BỘ CÔNG THƯƠNG\nTHÔNG TƯ\nQUY ĐỊNH VỀ HẠN NGẠCH THỬ NGHIỆM\n"
     "Thực hiện Hiệp định Thương mại giữa Việt Nam và Lào ký ngày 08 tháng 4 năm 2024;\n"
     "Điều 1. Phạm vi\nThông tư này quy định về hạn ngạch.\n",
     {"implements Hiệp định Thương mại giữa Việt Nam và Lào 2024"}},
    {"QuotedNewWordingStatesNothing",
     Decree("", "Nghị định này có hiệu lực kể từ ngày ký.",
            "Điều 2. Sửa đổi, bổ sung Điều 4 của Nghị định số 30/2020/NĐ-CP như sau:\n"
            "“Điều 4. Hiệu lực thi hành\n1. Bãi bỏ Quyết định số 7/2015/QĐ-UBND.\n"
            "2. Nghị định số 1/2019/NĐ-CP hết hiệu lực kể từ ngày 01/01/2020.”\n"),
     {"amends 30/2020/NĐ-CP [part 4]"}},
    {"ConsolidatedTextGroundsAfterItsAmendmentList",
     "VĂN PHÒNG QUỐC HỘI\nLUẬT LƯU TRỮ\nLuật Lưu trữ số 33/2024/QH15 ngày 21 tháng 6 năm 2024 của Quốc hội, "
     "được sửa đổi, bổ sung bởi:\n1. Luật số 81/2025/QH15 ngày 1 tháng 7 năm 2025 của Quốc hội;\n"
     "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQuốc hội ban hành Luật Lưu trữ.\n"
     "Điều 1. Phạm vi điều chỉnh\nLuật này quy định về lưu trữ.\n",
     {"based_on Hiến pháp"}},

    // Negatives: other documents' relations, cross-references, someone else's act.
    {"DescriptionOfAnotherDocumentsAmendment",
     Decree("", "Nghị định này có hiệu lực kể từ ngày ký.",
            "Điều 2. Áp dụng\nQuyết định số 14/2022/QĐ-UBND về sửa đổi Quyết định số 10/2016/QĐ-UBND "
            "tiếp tục được áp dụng.\n"),
     {}},
    {"PassiveAmendedByIsNotARelation",
     Decree("", "Nghị định này có hiệu lực kể từ ngày ký.",
            "Điều 2. Áp dụng\nLuật Lưu trữ số 33/2024/QH15 được sửa đổi bởi Luật số 87/2025/QH15 áp dụng "
            "cho kho lưu trữ.\n"),
     {}},
    {"CrossReferenceInsideArticle",
     Decree("", "Nghị định này có hiệu lực kể từ ngày ký.",
            "Điều 2. Hồ sơ\nHồ sơ thực hiện theo quy định tại Điều 5 Nghị định số 30/2020/NĐ-CP và hướng dẫn "
            "tại Thông tư số 2/2020/TT-BNV.\n"),
     {}},
    {"SomeoneElseRepeals",
     Decree("", "Nghị định này có hiệu lực kể từ ngày ký.",
            "Điều 2. Trách nhiệm\nỦy ban nhân dân tỉnh bãi bỏ Quyết định số 10/2016/QĐ-UBND trước ngày "
            "01/01/2026.\nBãi bỏ Quyết định số 11/2016/QĐ-UBND là việc của Ủy ban nhân dân tỉnh.\n"),
     {}},
    {"GroundsInTheBodyAreNotBasedOn",
     Decree("", "Nghị định này có hiệu lực kể từ ngày ký.",
            "Điều 2. Căn cứ xác định\nCăn cứ Nghị định số 30/2020/NĐ-CP, cơ quan lưu trữ xác định thời hạn.\n"),
     {}},
    {"ScopeSentenceIsNotGuides",
     Decree("", "Nghị định này có hiệu lực kể từ ngày ký.",
            "Nghị định này quy định về kho lưu trữ do tổ chức thực hiện theo Nghị định số 30/2020/NĐ-CP.\n"),
     {}},
};

INSTANTIATE_TEST_SUITE_P(Forms, RelationsTable, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(Relations, OffsetsAndSurfaceAreTheTargetsBytes) {
  const std::string text = Decree("", "Nghị định này thay thế Nghị định số 44/2019/NĐ-CP.");
  const DocumentRelations d = Extract(text);
  ASSERT_EQ(d.relations.size(), 1u);
  const Relation& r = d.relations[0];
  EXPECT_EQ(r.surface, "Nghị định số 44/2019/NĐ-CP");
  EXPECT_EQ(text.substr(r.begin, r.end - r.begin), r.surface);
  EXPECT_LE(r.sentence_begin, r.begin);
  EXPECT_GE(r.sentence_end, r.end);
  EXPECT_EQ(text.substr(r.sentence_begin, std::string("Nghị định này").size()), "Nghị định này");
}

TEST(Relations, UnnumberedLawSurfaceIsItsName) {
  const std::string text = Decree("Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n", "");
  const DocumentRelations d = Extract(text);
  ASSERT_EQ(d.relations.size(), 1u);
  EXPECT_EQ(d.relations[0].surface, "Luật Tổ chức Chính phủ");
  EXPECT_EQ(text.substr(d.relations[0].begin, d.relations[0].end - d.relations[0].begin), "Luật Tổ chức Chính phủ");
}

struct DateCase {
  std::string effect;
  std::string from, until;
};

class EffectiveDates : public ::testing::TestWithParam<DateCase> {};

TEST_P(EffectiveDates, Parses) {
  const DocumentRelations d = Extract(Decree("", GetParam().effect));
  EXPECT_EQ(d.effective_from, GetParam().from) << GetParam().effect;
  EXPECT_EQ(d.expires_on, GetParam().until) << GetParam().effect;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, EffectiveDates,
    ::testing::Values(
        DateCase{"Nghị quyết này có hiệu lực kể từ ngày 01 tháng 7 năm 2025.", "2025-07-01", ""},
        DateCase{"Nghị định này có hiệu lực thi hành từ ngày 15/8/2025.", "2025-08-15", ""},
        DateCase{"Quyết định này có hiệu lực kể từ ngày ký.", "kể từ ngày ký", ""},
        DateCase{"Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành và thay thế Quyết định số 1/2020/QĐ-UB.",
                 "kể từ ngày ký ban hành", ""},
        DateCase{"Thông tư này có hiệu lực sau 45 ngày kể từ ngày ký.", "sau 45 ngày kể từ ngày ký", ""},
        DateCase{"Nghị quyết này đã được Hội đồng nhân dân tỉnh khóa X thông qua ngày 26 tháng 11 năm 2025 và "
                 "có hiệu lực từ ngày 06 tháng 12 năm 2025.",
                 "2025-12-06", ""},
        DateCase{"Quyết định này có hiệu lực kể từ ngày 01 tháng 7 năm 2025 đến hết ngày 31 tháng 12 năm 2026.",
                 "2025-07-01", "2026-12-31"},
        DateCase{"Nghị quyết này có hiệu lực từ ngày ký. Nghị quyết này hết hiệu lực kể từ ngày 31/12/2030.",
                 "từ ngày ký", "2030-12-31"},
        DateCase{"Quyết định này có hiệu lực thi hành theo Quyết định số 3659/QĐ-BKHCN ngày 13/11/2025.",
                 "theo Quyết định số 3659/QĐ-BKHCN ngày 13/11/2025", ""},
        DateCase{"Thông tư này có hiệu lực thi hành kể từ ngày ký đến hết ngày 24 tháng 02 năm 2030.", "kể từ ngày ký",
                 "2030-02-24"},
        // Another provision's date is not the document's.
        DateCase{"Điều 5 của Nghị định số 1/2020/NĐ-CP có hiệu lực từ ngày 01/01/2021.", "", ""}));

// A bare number read with the document's own issuer ends at the text's last byte or past a
// mention's sentence: extraction must neither throw nor read outside the text.
TEST(Relations, MentionsWithTheDocumentsIssuerNeverReadPastTheText) {
  static const Recognizer recognizer;
  const std::string text = "Thực hiện Thông tư số 80 ngày 29 tháng 9, Bộ hướng dẫn như sau.";
  DocumentRelations d;
  ASSERT_NO_THROW(d = ExtractRelations(text, recognizer.Find(text, "BTC")));
  for (const Relation& r : d.relations) {
    EXPECT_LE(r.begin, r.end);
    EXPECT_LE(r.end, text.size());
  }
}

TEST(Relations, EmptyAndGarbageInputYieldNothing) {
  EXPECT_TRUE(Extract("").relations.empty());
  const std::string garbage("\xff\xfe Căn cứ \xc3 Luật \x80 ngày 1/1/", 30);
  const DocumentRelations d = Extract(garbage);
  EXPECT_TRUE(d.effective_from.empty());
}

}  // namespace
}  // namespace vankien::refs
