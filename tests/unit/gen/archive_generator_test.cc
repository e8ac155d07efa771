// The synthetic archive generator (tools/gen): determinism, valid JSONL the loader reads, unique
// ids, dates in range, the official share, and — read back by the project's recognizer — every
// planted reference naming the document it was drawn from. The first tests use an in-memory
// pool and registry; the last one uses ../shared and is skipped without it.
#include "tools/gen/archive_generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/doc/loader.h"
#include "indexer/refs/recognizer.h"
#include "indexer/refs/registry.h"
#include "tests/support/paths.h"
#include "tools/gen/paragraph_pool.h"

namespace vankien::gen {
namespace {

// Facts about a few well-known documents, in the project registry format: two numbers that
// repeat across terms, plenum resolutions (one resolvable, 04-NQ/TW; one shared by two
// resolutions, plenum 6 of term XII), state documents with and without a year, a law.
constexpr std::string_view kRegistryTsv =
    "symbol\ttype\tnumber\tissuer\tdate\tterm\tplenum\ttitle\n"
    "04-NQ/TW\tNghị quyết\t4\tBan Chấp hành Trung ương\t2016-10-30\tXII\t4\tvề tăng cường xây "
    "dựng, chỉnh đốn Đảng\n"
    "18-NQ/TW\tNghị quyết\t18\tBan Chấp hành Trung ương\t2017-10-25\tXII\t6\tvề tinh gọn bộ máy\n"
    "21-NQ/TW\tNghị quyết\t21\tBan Chấp hành Trung ương\t2017-10-25\tXII\t6\tvề công tác dân số\n"
    "21-NQ/TW\tNghị quyết\t21\tBan Chấp hành Trung ương\t2022-06-16\tXIII\t5\tvề tổ chức cơ sở "
    "đảng\n"
    "05-CT/TW\tChỉ thị\t5\tBộ Chính trị\t2016-05-15\tXII\t\tvề học tập và làm theo Bác\n"
    "35-CT/TW\tChỉ thị\t35\tBộ Chính trị\t2019-05-30\tXII\t\tvề đại hội đảng bộ các cấp\n"
    "21-KL/TW\tKết luận\t21\tBan Chấp hành Trung ương\t2021-10-25\tXIII\t4\tvề xây dựng Đảng\n"
    "29-QĐ/TW\tQuy định\t29\tBộ Chính trị\t1997-06-02\tVIII\t\tvề thi hành Điều lệ Đảng\n"
    "30/2020/NĐ-CP\tNghị định\t30\tChính phủ\t2020-03-05\t\t\tvề công tác văn thư\n"
    "749/QĐ-TTg\tQuyết định\t749\tThủ tướng Chính phủ\t2020-06-03\t\t\tvề chuyển đổi số\n"
    "80/2015/QH13\tLuật\t80\tQuốc hội\t2015-06-22\t\t\tBan hành văn bản quy phạm pháp luật\n";

// Paragraphs written for the test, with what makes real text hard: abbreviations with periods,
// dates and numbers at sentence edges, a reference of its own, word-segmented spacing.
ParagraphPool TestPool() {
  ParagraphPool pool;
  pool.paragraphs = {
      "Sáng 5/8, tại TP. Hồ Chí Minh, Ban Thường vụ Thành ủy tổ chức hội nghị sơ kết công tác "
      "sáu tháng đầu năm. Hội nghị đánh giá nhiều chỉ tiêu đạt và vượt kế hoạch đề ra.",
      "Ngày 16/6/2022, Ủy ban nhân dân huyện đã họp bàn kế hoạch phòng, chống thiên tai. Các xã "
      "18, 19 và 20 được giao nhiệm vụ rà soát khu dân cư ven sông.",
      "Theo ông Nguyễn Văn T., trưởng thôn, người dân rất đồng tình với chủ trương này! Nhiều hộ "
      "đã tự nguyện hiến đất làm đường giao thông nông thôn?",
      "Tính đến hết năm 2021, toàn tỉnh có 1.250 tổ chức cơ sở đảng với hơn 52.000 đảng viên. Tỷ "
      "lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 85 %.",
      "Năm 2019 , doanh thu của hợp tác xã đạt 3,2 tỷ đồng , tăng 12 % so với năm trước . Lãi "
      "được chia cho các thành viên theo tỷ lệ vốn góp .",
      "Nghị định số 15/2020/NĐ-CP quy định xử phạt vi phạm hành chính trong lĩnh vực bưu chính, "
      "viễn thông. Văn bản có hiệu lực từ ngày 15 tháng 4 năm 2020.",
      "Đoàn công tác đã kiểm tra thực tế tại 12 đơn vị. Qua kiểm tra cho thấy việc ghi chép sổ "
      "sách còn thiếu sót, cần khắc phục ngay trong quý III.",
      "Hội thảo thu hút hơn 300 đại biểu là nhà khoa học, nhà quản lý trong và ngoài nước. Các "
      "tham luận tập trung vào chuyển đổi số trong khu vực công.",
      "Mưa lớn kéo dài khiến nhiều tuyến đường bị ngập sâu… Lực lượng chức năng đã sơ tán 150 hộ "
      "dân đến nơi an toàn. Không có thiệt hại về người.",
      "Chi bộ thôn Đông có 25 đảng viên, sinh hoạt định kỳ vào ngày mùng 5 hằng tháng. Nội dung "
      "sinh hoạt được chuẩn bị chu đáo, bám sát tình hình thực tế.",
  };
  pool.titles = {"Hội nghị sơ kết công tác sáu tháng đầu năm", "Nông dân hiến đất làm đường",
                 "Chuyển đổi số trong khu vực công", "Sơ tán dân khỏi vùng ngập lụt",
                 "Nâng cao chất lượng sinh hoạt chi bộ"};
  return pool;
}

refs::Registry TestRegistry() {
  auto registry = refs::Registry::Parse(kRegistryTsv, "test registry");
  EXPECT_TRUE(registry.ok()) << registry.status().message();
  return std::move(registry).value();
}

ArchiveGenerator MakeGenerator(const refs::Registry& registry, std::uint64_t seed,
                               std::size_t synthetic = 3000) {
  GeneratorOptions options;
  options.seed = seed;
  options.synthetic_documents = synthetic;
  auto generator = ArchiveGenerator::Create(TestPool(), FromRegistry(registry), options);
  EXPECT_TRUE(generator.ok()) << generator.status().message();
  return std::move(generator).value();
}

std::string Archive(const ArchiveGenerator& generator, std::uint64_t count) {
  std::string out;
  GeneratedDocument doc;
  for (std::uint64_t i = 0; i < count; ++i) {
    generator.Generate(i, &doc);
    AppendJsonLine(doc, &out);
  }
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Why the recognizer's reading of a planted reference does not name its document; "" when it
// does. The reading must start where the reference was planted and end within it — or start
// earlier across a line break: the recognizer reads "... pháp luật\n\nTheo quy định tại Hướng
// dẫn số 64-HD/BTGTW" as one law-name mention starting at "luật" (a recognizer quirk; the
// symbol it reads is still checked).
std::string CheckPlanted(const PlantedMention& p, std::string_view field,
                         const std::vector<refs::Mention>& found, const refs::Registry& registry) {
  const CitedDocument& d = *p.cited;
  const refs::Mention* m = nullptr;
  for (const refs::Mention& f : found) {
    if (f.byte_end <= p.begin || f.byte_end > p.end) continue;
    const bool early =
        f.byte_start < p.begin &&
        field.substr(f.byte_start, p.begin - f.byte_start).find('\n') != std::string_view::npos;
    if (f.byte_start == p.begin || early) m = &f;
  }
  if (m == nullptr) return "not recognized";
  if (p.rendered.spelling == Spelling::kPlenum) {
    if (m->type != "NQ" || m->plenum != d.plenum || m->term != d.term) {
      return "read as " + m->Canonical();
    }
    // Resolved only when the registry knows one resolution of that plenum and term.
    const bool unique = registry.FindByPlenum("NQ", d.plenum, d.term).size() == 1;
    if (unique && d.known && m->resolved_symbol != d.symbol) {
      return "resolved to '" + m->resolved_symbol + "'";
    }
    return "";
  }
  if (m->Canonical() != d.symbol) return "read as " + m->Canonical();
  if (p.rendered.states_term && m->term != d.term) return "term read as '" + m->term + "'";
  if (p.rendered.states_date && m->date != d.date) return "date read as '" + m->date + "'";
  return "";
}

struct PlantedTally {
  std::size_t planted = 0;
  std::vector<std::string> failures;
  std::map<Spelling, std::size_t> by_spelling;
  std::map<std::string, std::size_t> by_symbol;
};

void TallyPlanted(const GeneratedDocument& doc, const refs::Recognizer& recognizer,
                  const refs::Registry& registry, PlantedTally* tally) {
  const std::vector<refs::Mention> in_title = recognizer.Find(doc.title);
  const std::vector<refs::Mention> in_text = recognizer.Find(doc.text);
  for (const PlantedMention& p : doc.mentions) {
    ++tally->planted;
    ++tally->by_spelling[p.rendered.spelling];
    ++tally->by_symbol[p.cited->symbol];
    const std::string& field = p.in_title ? doc.title : doc.text;
    const std::string why = CheckPlanted(p, field, p.in_title ? in_title : in_text, registry);
    if (!why.empty()) {
      // 60 bytes of context either side, widened to whole UTF-8 characters.
      std::size_t from = p.begin > 60 ? p.begin - 60 : 0;
      std::size_t to = std::min(field.size(), p.end + 60);
      const auto continuation = [&](std::size_t i) { return (field[i] & 0xC0) == 0x80; };
      while (from > 0 && continuation(from)) --from;
      while (to < field.size() && continuation(to)) ++to;
      tally->failures.push_back(doc.id + " '" + p.rendered.surface + "' (" +
                                std::string(SpellingName(p.rendered.spelling)) + ", " +
                                p.cited->symbol + "): " + why + " in \"..." +
                                field.substr(from, to - from) + "...\"");
    }
  }
}

TEST(GenArchiveTest, SameSeedSameBytesOtherSeedOtherBytes) {
  const refs::Registry registry = TestRegistry();
  const std::string a = Archive(MakeGenerator(registry, 7), 1500);
  const std::string b = Archive(MakeGenerator(registry, 7), 1500);
  const std::string c = Archive(MakeGenerator(registry, 8), 1500);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

TEST(GenArchiveTest, DocumentsDependOnlyOnTheirIndex) {
  const refs::Registry registry = TestRegistry();
  const ArchiveGenerator generator = MakeGenerator(registry, 3);
  const std::vector<std::string> lines = Lines(Archive(generator, 300));
  GeneratedDocument doc;
  for (std::uint64_t i : {299u, 17u, 0u, 150u}) {
    generator.Generate(i, &doc);
    std::string line;
    AppendJsonLine(doc, &line);
    EXPECT_EQ(line, lines[i] + "\n") << "document " << i;
  }
}

TEST(GenArchiveTest, EveryLineIsARecordTheLoaderReads) {
  const refs::Registry registry = TestRegistry();
  const ArchiveGenerator generator = MakeGenerator(registry, 1);
  const std::vector<std::string> lines = Lines(Archive(generator, 5000));
  ASSERT_EQ(lines.size(), 5000u);
  const std::set<std::string> sources = {"tin-tuc.example", "dia-phuong.example", "tap-chi.example",
                                         "dien-dan.example", "van-ban.example"};
  std::set<std::string> ids;
  std::size_t official = 0;
  for (const std::string& line : lines) {
    SCOPED_TRACE(line.substr(0, 200));
    const nlohmann::json j = nlohmann::json::parse(line);  // throws on invalid JSON or UTF-8
    for (const char* key : {"id", "title", "date", "source", "url", "text"}) {
      ASSERT_TRUE(j.contains(key) && j[key].is_string()) << key;
      EXPECT_FALSE(j[key].get<std::string>().empty()) << key;
    }
    const std::string id = j["id"], date = j["date"], source = j["source"];
    EXPECT_TRUE(ids.insert(id).second) << "repeated id " << id;
    EXPECT_EQ(date.size(), 10u);
    EXPECT_GE(date, "1990-01-01");
    EXPECT_LE(date, "2025-12-31");
    EXPECT_TRUE(sources.count(source)) << source;
    EXPECT_EQ(j["url"], "https://" + source + "/" + id);

    auto doc = ParseJsonRecord(line);
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    EXPECT_EQ(doc->id, id);
    EXPECT_EQ(doc->date, date) << "the loader must understand the date as written";
    if (j.contains("symbol")) {
      ++official;
      EXPECT_EQ(source, "van-ban.example");
      EXPECT_EQ(doc->symbol, j["symbol"]);
    } else {
      const std::string text = j["text"];
      const std::size_t paragraphs = std::count(text.begin(), text.end(), '\n') / 2 + 1;
      EXPECT_GE(paragraphs, 3u);
      EXPECT_LE(paragraphs, 8u);
    }
  }
  EXPECT_EQ(official, 5000u / 50) << "one document in 50 is an official document";
}

TEST(GenArchiveTest, OfficialDocumentsAreTheCitedDocumentsOnTheirDates) {
  const refs::Registry registry = TestRegistry();
  const ArchiveGenerator generator = MakeGenerator(registry, 1);
  const refs::Recognizer recognizer;
  GeneratedDocument doc;
  std::size_t official = 0;
  std::set<std::string> held;
  for (std::uint64_t i = 0; i < 2000; ++i) {
    generator.Generate(i, &doc);
    if (doc.own == nullptr) continue;
    ++official;
    EXPECT_EQ(doc.symbol, doc.own->symbol);
    held.insert(doc.own->symbol + "@" + doc.own->date);
    EXPECT_TRUE(doc.date.starts_with(doc.own->date)) << doc.date << " vs " << doc.own->date;
    // The project reads the symbol field as the document's own number.
    const auto own = recognizer.Find(doc.symbol);
    ASSERT_EQ(own.size(), 1u) << doc.symbol;
    EXPECT_EQ(own[0].Canonical(), doc.symbol);
  }
  EXPECT_EQ(official, 40u);
  EXPECT_EQ(held.size(), official) << "the first official documents are all different";
}

TEST(GenArchiveTest, PlantedReferencesAreReadBackAsTheirDocuments) {
  const refs::Registry registry = TestRegistry();
  const ArchiveGenerator generator = MakeGenerator(registry, 11);
  const refs::Recognizer recognizer(&registry);
  PlantedTally tally;
  GeneratedDocument doc;
  std::size_t cited_later = 0;
  for (std::uint64_t i = 0; i < 6000; ++i) {
    generator.Generate(i, &doc);
    TallyPlanted(doc, recognizer, registry, &tally);
    for (const PlantedMention& p : doc.mentions) cited_later += !(p.cited->date < doc.date);
  }
  EXPECT_GT(tally.planted, 6000u) << "about 1.3 references per document";
  for (std::size_t i = 0; i < std::min<std::size_t>(tally.failures.size(), 20); ++i) {
    ADD_FAILURE() << tally.failures[i];
  }
  EXPECT_EQ(tally.failures.size(), 0u) << "of " << tally.planted << " planted references";
  EXPECT_EQ(cited_later, 0u) << "a document cites only documents issued before it";
  for (Spelling s :
       {Spelling::kNounSo, Spelling::kNoun, Spelling::kNounTerm, Spelling::kNounDate,
        Spelling::kBare, Spelling::kTuSign, Spelling::kSpaced, Spelling::kSwapped,
        Spelling::kCodeFirst, Spelling::kUnaccented, Spelling::kIssuerPhrase, Spelling::kPlenum}) {
    EXPECT_GT(tally.by_spelling[s], 0u) << "no " << SpellingName(s) << " spelling";
  }
}

TEST(GenArchiveTest, PopularityIsZipfLike) {
  const refs::Registry registry = TestRegistry();
  const ArchiveGenerator generator = MakeGenerator(registry, 5, 20000);
  const refs::Recognizer recognizer(&registry);
  PlantedTally tally;
  GeneratedDocument doc;
  for (std::uint64_t i = 0; i < 20000; ++i) {
    generator.Generate(i, &doc);
    for (const PlantedMention& p : doc.mentions) ++tally.by_symbol[p.cited->symbol];
    tally.planted += doc.mentions.size();
  }
  std::vector<std::size_t> counts;
  for (const auto& [symbol, n] : tally.by_symbol) counts.push_back(n);
  std::sort(counts.rbegin(), counts.rend());
  ASSERT_GT(counts.size(), 1000u) << "many documents are cited";
  const double top = double(counts[0]) / tally.planted;
  std::printf("%zu citations of %zu documents; the most cited has %zu (%.1f%%), the median %zu\n",
              tally.planted, counts.size(), counts[0], 100 * top, counts[counts.size() / 2]);
  EXPECT_GT(top, 0.01) << "the most cited document is cited very often";
  EXPECT_LT(top, 0.10);
  EXPECT_GE(counts[0], 50 * counts[counts.size() / 2]) << "the head dwarfs the median";
}

TEST(GenArchiveTest, RejectsWhatItCannotUse) {
  EXPECT_FALSE(ArchiveGenerator::Create({}, {}, {}).ok()) << "empty pool";
  GeneratorOptions every_one;
  every_one.official_every = 1;
  EXPECT_FALSE(ArchiveGenerator::Create(TestPool(), {}, every_one).ok());
  GeneratorOptions no_official;
  no_official.official_every = 0;
  no_official.synthetic_documents = 100;
  auto generator = ArchiveGenerator::Create(TestPool(), {}, no_official);
  ASSERT_TRUE(generator.ok());
  GeneratedDocument doc;
  for (std::uint64_t i = 0; i < 500; ++i) {
    generator->Generate(i, &doc);
    EXPECT_TRUE(doc.symbol.empty());
  }
}

TEST(ParagraphPoolTest, SentencesEndAtPunctuationNotAtAbbreviations) {
  std::string scratch;
  const auto s = SplitSentences(
      "Sáng 5/8, tại TP. Hồ Chí Minh, hội nghị khai mạc.  Ông Nguyễn T. phát biểu!\nĐúng "
      "vậy? Kết thúc… Hết",
      &scratch);
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[0], "Sáng 5/8, tại TP. Hồ Chí Minh, hội nghị khai mạc.");
  EXPECT_EQ(s[1], "Ông Nguyễn T. phát biểu!");
  EXPECT_EQ(s[2], "Đúng vậy?");
  EXPECT_EQ(s[3], "Kết thúc…");
  EXPECT_EQ(s[4], "Hết");
}

TEST(ParagraphPoolTest, SamplerKeepsABoundedDeterministicSample) {
  PoolOptions options;
  options.max_paragraphs = 50;
  options.max_titles = 10;
  const auto sample = [&](std::uint64_t seed) {
    PoolSampler sampler(options, seed);
    for (int i = 0; i < 2000; ++i) {
      std::string text;
      for (int k = 0; k < 6; ++k) {
        text += "Bài " + std::to_string(i) + " câu " + std::to_string(k) +
                " kể về công việc của người dân ở vùng cao trong mùa mưa lũ năm nay. ";
      }
      sampler.AddArticle("Tiêu đề bài số " + std::to_string(i), "", text);
    }
    EXPECT_EQ(sampler.articles(), 2000u);
    return sampler.Take();
  };
  const ParagraphPool a = sample(1);
  EXPECT_EQ(a.paragraphs.size(), 50u);
  EXPECT_EQ(a.titles.size(), 10u);
  for (const std::string& p : a.paragraphs) {
    EXPECT_GE(p.size(), options.min_paragraph);
    EXPECT_LE(p.size(), options.max_paragraph);
    EXPECT_EQ(p.find('\n'), std::string::npos);
  }
  EXPECT_EQ(a.paragraphs, sample(1).paragraphs);
  EXPECT_NE(a.paragraphs, sample(2).paragraphs);
  // A uniform sample reaches past the first articles.
  EXPECT_TRUE(std::any_of(a.paragraphs.begin(), a.paragraphs.end(),
                          [](const std::string& p) { return p.rfind("Bài 1", 0) != 0; }));
}

TEST(ParagraphPoolTest, ParagraphsStartLikeSentences) {
  PoolOptions options;
  options.min_target = options.max_target = 10;  // one sentence per paragraph
  options.min_paragraph = 10;
  PoolSampler sampler(options, 1);
  sampler.AddArticle("", "",
                     ", anh ta yêu cầu vợ về nhà riêng để nói chuyện. đưa cho Huy hơn 1 "
                     "tỷ đồng. Đây là câu đúng. 3 người bị thương.");
  const ParagraphPool pool = sampler.Take();
  EXPECT_EQ(pool.paragraphs, (std::vector<std::string>{"Đây là câu đúng.", "3 người bị thương."}));
}

// The real thing: paragraphs from the baomoi crawl and the shared registry.
TEST(GenArchiveSharedTest, RealParagraphsAndRegistry) {
  const std::string shared = test_support::SharedDir();
  if (shared.empty()) {
    GTEST_SKIP() << "../shared (or $VANKIEN_SHARED) is absent: no news paragraphs or registry "
                    "to generate from";
  }
  const std::string news = shared + "/data/news/baomoi.jsonl.zst";
  const std::string tsv = shared + "/data/registry.tsv";
  if (!std::filesystem::exists(news) || !std::filesystem::exists(tsv)) {
    GTEST_SKIP() << news << " or " << tsv << " is absent";
  }
  auto registry = refs::Registry::ImportShared(tsv);
  ASSERT_TRUE(registry.ok()) << registry.status().message();
  PoolOptions pool_options;
  pool_options.max_paragraphs = 20000;
  auto pool = LoadParagraphPool({news}, pool_options, 1);
  ASSERT_TRUE(pool.ok()) << pool.status().message();
  EXPECT_EQ(pool->paragraphs.size(), 20000u);
  GeneratorOptions options;
  auto generator =
      ArchiveGenerator::Create(std::move(pool).value(), FromRegistry(*registry), options);
  ASSERT_TRUE(generator.ok()) << generator.status().message();

  const refs::Recognizer recognizer(&*registry);
  PlantedTally tally;
  GeneratedDocument doc;
  std::size_t bytes = 0;
  const std::uint64_t count = 5000;
  for (std::uint64_t i = 0; i < count; ++i) {
    generator->Generate(i, &doc);
    std::string line;
    AppendJsonLine(doc, &line);
    bytes += line.size();
    ASSERT_TRUE(ParseJsonRecord(line).ok()) << line.substr(0, 200);
    TallyPlanted(doc, recognizer, *registry, &tally);
  }
  std::printf(
      "shared: %llu documents, %.0f bytes on average, %zu references planted, %zu not "
      "read back\n",
      static_cast<unsigned long long>(count), double(bytes) / count, tally.planted,
      tally.failures.size());
  for (std::size_t i = 0; i < std::min<std::size_t>(tally.failures.size(), 20); ++i) {
    ADD_FAILURE() << tally.failures[i];
  }
  EXPECT_EQ(tally.failures.size(), 0u);
  EXPECT_GT(double(bytes) / count, 2000.0);
  EXPECT_LT(double(bytes) / count, 4500.0);
}

}  // namespace
}  // namespace vankien::gen
