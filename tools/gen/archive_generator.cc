#include "tools/gen/archive_generator.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <iterator>
#include <string_view>
#include <utility>

namespace vankien::gen {
namespace {

// Seed streams: each use of randomness has its own, so changing one leaves the others alone.
constexpr std::uint64_t kDocumentStream = 1;
constexpr std::uint64_t kSyntheticStream = 2;
constexpr std::uint64_t kOfficialStream = 3;

// Sentences that carry a reference ("{}"). None starts with the reference, and in every one
// words follow it, so the real sentence around it cannot lend it a date or a number.
constexpr std::string_view kSentences[] = {
    "Thực hiện {}, cấp ủy các cấp đã xây dựng kế hoạch cụ thể và tổ chức quán triệt đến từng "
    "chi bộ.",
    "Theo {}, các cơ quan, đơn vị phải báo cáo kết quả thực hiện định kỳ hằng năm.",
    "Hội nghị đã quán triệt {} tới toàn thể cán bộ, đảng viên trong đảng bộ.",
    "Sau một thời gian triển khai {}, nhiều chỉ tiêu đã hoàn thành vượt mức.",
    "Căn cứ {}, Ủy ban nhân dân tỉnh đã ban hành kế hoạch triển khai trên địa bàn.",
    "Đại biểu đề nghị tiếp tục thể chế hóa {} thành các quy định cụ thể, dễ thực hiện.",
    "Báo cáo sơ kết việc thực hiện {} được trình bày tại hội nghị.",
    "Nhiều ý kiến cho rằng cần sửa đổi, bổ sung {} cho phù hợp với tình hình mới.",
    "Việc thực hiện {} đã tạo chuyển biến rõ nét trong nhận thức của cán bộ, đảng viên.",
    "Theo hướng dẫn tại {}, hồ sơ được nộp trực tiếp hoặc qua dịch vụ bưu chính.",
    "Các địa phương cần bám sát tinh thần của {} để tổ chức thực hiện cho phù hợp.",
    "Nội dung này đã được quy định rõ tại {} và các văn bản hướng dẫn thi hành.",
    "Ông cho biết, {} là cơ sở quan trọng để địa phương xây dựng chương trình hành động.",
    "Bà nhấn mạnh yêu cầu tổ chức học tập, quán triệt {} một cách nghiêm túc, thực chất.",
    "Trên cơ sở {}, đơn vị đã rà soát, bổ sung quy chế làm việc.",
    "Tinh thần của {} đã được cụ thể hóa bằng nhiều chương trình, đề án thiết thực.",
    "Đoàn kiểm tra đánh giá cao kết quả thực hiện {} tại cơ sở.",
    "Chi bộ đã tổ chức sinh hoạt chuyên đề về {} với sự tham gia của đông đảo đảng viên.",
    "Theo quy định tại {}, việc đánh giá, xếp loại được thực hiện hằng năm.",
    "Để triển khai hiệu quả {}, tỉnh đã thành lập ban chỉ đạo do đồng chí Bí thư làm trưởng ban.",
    "Qua nhiều năm thực hiện {}, công tác này đã có nhiều chuyển biến tích cực.",
    "Các cơ quan báo chí đã tích cực tuyên truyền về {} trong thời gian qua.",
    "Ban Thường vụ yêu cầu các cấp ủy tiếp tục lãnh đạo, chỉ đạo thực hiện nghiêm {} trong năm "
    "nay.",
    "Nhiều đảng viên cho rằng {} đã đi vào cuộc sống, được nhân dân đồng tình ủng hộ.",
};

constexpr std::string_view kTitles[] = {
    "Quán triệt, triển khai thực hiện {}",
    "Sơ kết 5 năm thực hiện {}",
    "Tổng kết 10 năm thực hiện {}",
    "Hội nghị học tập, quán triệt {}",
    "Những điểm mới của {}",
    "Đưa {} vào cuộc sống",
    "Tiếp tục thực hiện có hiệu quả {}",
};

struct Source {
  std::string_view host;
  unsigned weight;
};
constexpr Source kArticleSources[] = {{"tin-tuc.example", 40},
                                      {"dia-phuong.example", 25},
                                      {"tap-chi.example", 20},
                                      {"dien-dan.example", 15}};
constexpr std::string_view kOfficialSource = "van-ban.example";

// How many references an article carries: 0 to 6, 1.3 on average.
constexpr unsigned kMentionCounts[] = {400, 250, 150, 100, 60, 25, 15};

// Type nouns in capitals, for the heading of an official document.
constexpr std::pair<std::string_view, std::string_view> kUpperNouns[] = {
    {"Nghị quyết", "NGHỊ QUYẾT"},
    {"Kết luận", "KẾT LUẬN"},
    {"Chỉ thị", "CHỈ THỊ"},
    {"Quy định", "QUY ĐỊNH"},
    {"Quyết định", "QUYẾT ĐỊNH"},
    {"Hướng dẫn", "HƯỚNG DẪN"},
    {"Thông báo", "THÔNG BÁO"},
    {"Nghị định", "NGHỊ ĐỊNH"},
    {"Thông tư", "THÔNG TƯ"},
    {"Quy chế", "QUY CHẾ"},
    {"Kế hoạch", "KẾ HOẠCH"},
    {"Công văn", "CÔNG VĂN"},
    {"Luật", "LUẬT"},
};

std::string_view UpperNoun(std::string_view noun) {
  for (const auto& [lower, upper] : kUpperNouns) {
    if (lower == noun) return upper;
  }
  return noun;
}

std::string FormatId(std::uint64_t number) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "gen-%07llu", static_cast<unsigned long long>(number));
  return buf;
}

// Byte offsets just after each sentence end (". ", "! ", "? "), plus the start and the end:
// where a planted sentence may go.
std::vector<std::size_t> SentenceStarts(std::string_view paragraph) {
  std::vector<std::size_t> starts = {0};
  for (std::size_t i = 1; i + 1 < paragraph.size(); ++i) {
    const char c = paragraph[i - 1];
    if (paragraph[i] == ' ' && (c == '.' || c == '!' || c == '?')) starts.push_back(i + 1);
  }
  starts.push_back(paragraph.size());
  return starts;
}

// One or two references for one planted sentence ("{} và {}" when two).
struct PlannedSentence {
  std::size_t paragraph = 0;
  std::size_t offset = 0;
  std::string_view pattern;
  std::vector<std::pair<const CitedDocument*, Rendered>> references;
};

// Appends `pattern` with its "{}" replaced by the references joined with " và ", recording
// where each landed.
void AppendPlanted(std::string_view pattern,
                   const std::vector<std::pair<const CitedDocument*, Rendered>>& references,
                   bool in_title, std::string* out, std::vector<PlantedMention>* planted) {
  const std::size_t hole = pattern.find("{}");
  out->append(pattern.substr(0, hole));
  for (std::size_t i = 0; i < references.size(); ++i) {
    if (i > 0) out->append(" và ");
    PlantedMention m;
    m.in_title = in_title;
    m.cited = references[i].first;
    m.rendered = references[i].second;
    m.begin = out->size();
    out->append(m.rendered.surface);
    m.end = out->size();
    planted->push_back(std::move(m));
  }
  out->append(pattern.substr(hole + 2));
}

void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(c);
    } else if (c == '\n') {
      out->append("\\n");
    } else if (c == '\t') {
      out->append("\\t");
    } else if (c == '\r') {
      out->append("\\r");
    } else if (u < 0x20) {
      out->append("\\u00");
      out->push_back(kHex[u >> 4]);
      out->push_back(kHex[u & 15]);
    } else {
      out->push_back(c);  // UTF-8 passes through: the pool is valid UTF-8
    }
  }
  out->push_back('"');
}

void AppendField(std::string_view key, std::string_view value, std::string* out) {
  if (out->back() != '{') out->push_back(',');
  AppendJsonString(key, out);
  out->push_back(':');
  AppendJsonString(value, out);
}

}  // namespace

Result<ArchiveGenerator> ArchiveGenerator::Create(ParagraphPool pool,
                                                  std::vector<CitedDocument> known,
                                                  const GeneratorOptions& options) {
  if (pool.paragraphs.empty()) {
    return Status::InvalidArgument("the paragraph pool is empty: nothing to recombine");
  }
  if (options.official_every == 1) {
    return Status::InvalidArgument("official_every must be 0 (none) or at least 2");
  }
  if (options.first_year > options.last_year) {
    return Status::InvalidArgument("first_year is after last_year");
  }
  std::vector<CitedDocument> synthetic =
      SyntheticDocuments(options.synthetic_documents, options.first_year, options.last_year, known,
                         MixSeed(options.seed, kSyntheticStream));
  std::move(synthetic.begin(), synthetic.end(), std::back_inserter(known));
  return ArchiveGenerator(std::move(pool), CitationIndex(std::move(known)), options);
}

ArchiveGenerator::ArchiveGenerator(ParagraphPool pool, CitationIndex citations,
                                   const GeneratorOptions& options)
    : pool_(std::move(pool)), citations_(std::move(citations)), options_(options) {
  for (std::size_t rank = 0; rank < citations_.size(); ++rank) {
    const int year = citations_.at(rank).year;
    if (year >= options_.first_year && year <= options_.last_year) holdable_.push_back(rank);
  }
  year_weights_ = RecentYearWeights(options_.first_year, options_.last_year);
}

// Every block of `official_every` documents holds one official document, at a position drawn
// per block: exactly the requested share, yet document i needs no knowledge of the others.
// Block b holds the b-th datable document by popularity, so the archive holds the documents it
// cites most (after all of them, it starts again).
const CitedDocument* ArchiveGenerator::OfficialAt(std::uint64_t index) const {
  const std::uint64_t every = options_.official_every;
  if (every == 0 || holdable_.empty()) return nullptr;
  const std::uint64_t block = index / every;
  const std::uint64_t slot = MixSeed(MixSeed(options_.seed, kOfficialStream), block) % every;
  if (index % every != slot) return nullptr;
  return &citations_.at(holdable_[block % holdable_.size()]);
}

std::string ArchiveGenerator::DrawDate(Rng& rng) const {
  return RandomDateIn(options_.first_year + static_cast<int>(rng.Weighted(year_weights_)), rng);
}

std::string ArchiveGenerator::OfficialDate(const CitedDocument& own, Rng& rng) const {
  if (own.date.size() == 10) return own.date;
  return RandomDateIn(own.year, rng);  // holdable_ guarantees a year in range
}

void ArchiveGenerator::Generate(std::uint64_t index, GeneratedDocument* doc) const {
  Rng rng(MixSeed(MixSeed(options_.seed, kDocumentStream), index));
  doc->id = FormatId(index + 1);
  doc->title.clear();
  doc->text.clear();
  doc->symbol.clear();
  doc->mentions.clear();
  doc->own = OfficialAt(index);
  if (doc->own != nullptr) {
    doc->date = OfficialDate(*doc->own, rng);
    doc->source = kOfficialSource;
    doc->symbol = doc->own->symbol;
    WriteOfficialTitle(*doc->own, doc);
    WriteOfficialHeader(*doc->own, doc);
    WriteText(1 + rng.Below(6), rng, doc);
  } else {
    doc->date = DrawDate(rng);
    std::vector<unsigned> weights;
    for (const Source& s : kArticleSources) weights.push_back(s.weight);
    doc->source = kArticleSources[rng.Weighted(weights)].host;
    WriteTitle(rng, doc);
    WriteText(rng.Weighted(kMentionCounts), rng, doc);
  }
  doc->url = "https://" + doc->source + "/" + doc->id;
}

// A real title; one in twelve is a headline about a document instead.
void ArchiveGenerator::WriteTitle(Rng& rng, GeneratedDocument* doc) const {
  if (rng.Chance(80)) {
    if (const CitedDocument* cited = citations_.Draw(rng, doc->date)) {
      const std::string_view pattern = kTitles[rng.Below(std::size(kTitles))];
      AppendPlanted(pattern, {{cited, RenderMention(*cited, rng)}}, true, &doc->title,
                    &doc->mentions);
      return;
    }
  }
  if (!pool_.titles.empty()) {
    doc->title = pool_.titles[rng.Below(pool_.titles.size())];
    return;
  }
  // No titles: the first sentence of a paragraph.
  const std::string& p = pool_.paragraphs[rng.Below(pool_.paragraphs.size())];
  const std::size_t end = p.find(". ");
  doc->title = p.substr(0, end == std::string::npos ? p.size() : end);
}

void ArchiveGenerator::WriteOfficialTitle(const CitedDocument& own, GeneratedDocument* doc) const {
  doc->title = (own.noun.empty() ? std::string("Văn bản") : own.noun) + " số " + own.symbol;
  if (!own.subject.empty()) doc->title += " " + own.subject;
}

// The heading an official document starts with: issuer, number, place and date, type, subject.
void ArchiveGenerator::WriteOfficialHeader(const CitedDocument& own, GeneratedDocument* doc) const {
  std::string& t = doc->text;
  t += own.party ? "ĐẢNG CỘNG SẢN VIỆT NAM\n"
                 : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n";
  if (!own.issuer_name.empty()) t += own.issuer_name + "\n";
  t += (own.party ? "Số " : "Số: ") + own.symbol + "\n";
  const std::string& date = doc->date;
  const auto unpadded = [](std::string_view two) {
    return std::string(two[0] == '0' ? two.substr(1) : two);
  };
  t += "Hà Nội, ngày " + unpadded(date.substr(8, 2)) + " tháng " + unpadded(date.substr(5, 2)) +
       " năm " + date.substr(0, 4) + "\n";
  t += std::string(UpperNoun(own.noun)) + "\n";
  if (!own.subject.empty()) t += own.subject + "\n";
  t += "\n";
}

// 3 to 8 real paragraphs, with `mentions` references planted in sentences placed between real
// ones (one sentence in ten carries two references).
void ArchiveGenerator::WriteText(std::size_t mentions, Rng& rng, GeneratedDocument* doc) const {
  const std::size_t count = static_cast<std::size_t>(rng.Between(3, 8));
  std::vector<const std::string*> paragraphs;
  for (std::size_t i = 0; i < count; ++i) {
    paragraphs.push_back(&pool_.paragraphs[rng.Below(pool_.paragraphs.size())]);
  }
  std::vector<PlannedSentence> plan;
  for (std::size_t planted = 0; planted < mentions;) {
    PlannedSentence s;
    s.paragraph = rng.Below(count);
    const std::vector<std::size_t> starts = SentenceStarts(*paragraphs[s.paragraph]);
    s.offset = starts[rng.Below(starts.size())];
    s.pattern = kSentences[rng.Below(std::size(kSentences))];
    const std::size_t n = (mentions - planted >= 2 && rng.Chance(100)) ? 2 : 1;
    for (std::size_t k = 0; k < n; ++k) {
      if (const CitedDocument* cited = citations_.Draw(rng, doc->date, doc->own)) {
        s.references.emplace_back(cited, RenderMention(*cited, rng));
      }
    }
    planted += n;
    if (!s.references.empty()) plan.push_back(std::move(s));
  }
  std::stable_sort(plan.begin(), plan.end(), [](const auto& a, const auto& b) {
    return std::pair(a.paragraph, a.offset) < std::pair(b.paragraph, b.offset);
  });

  std::string& t = doc->text;
  auto next = plan.begin();
  for (std::size_t p = 0; p < count; ++p) {
    if (p > 0) t += "\n\n";
    const std::string& para = *paragraphs[p];
    std::size_t cursor = 0;
    for (; next != plan.end() && next->paragraph == p; ++next) {
      t.append(para, cursor, next->offset - cursor);
      cursor = next->offset;
      if (!t.empty() && t.back() != ' ' && t.back() != '\n') t += ' ';
      AppendPlanted(next->pattern, next->references, false, &t, &doc->mentions);
      if (cursor < para.size()) t += ' ';
    }
    t.append(para, cursor);
  }
}

void AppendJsonLine(const GeneratedDocument& doc, std::string* out) {
  out->push_back('{');
  AppendField("id", doc.id, out);
  AppendField("title", doc.title, out);
  AppendField("date", doc.date, out);
  AppendField("source", doc.source, out);
  AppendField("url", doc.url, out);
  if (!doc.symbol.empty()) AppendField("symbol", doc.symbol, out);
  AppendField("text", doc.text, out);
  out->append("}\n");
}

}  // namespace vankien::gen
