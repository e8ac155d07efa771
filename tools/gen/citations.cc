#include "tools/gen/citations.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "indexer/refs/key.h"
#include "indexer/refs/mention.h"
#include "indexer/refs/registry.h"

namespace vankien::gen {
namespace {

// Document numbers are printed with at least two digits, as Mention::Canonical() does.
std::string Pad2(const std::string& number) {
  return number.size() < 2 ? std::string(2 - number.size(), '0') + number : number;
}

// "01/2021/NĐ-CP" → 2021; 0 without a four-digit year after the first '/'.
int SymbolYear(std::string_view symbol) {
  const std::size_t slash = symbol.find('/');
  if (slash == std::string_view::npos || symbol.size() < slash + 6 || symbol[slash + 5] != '/') {
    return 0;
  }
  int year = 0;
  for (char c : symbol.substr(slash + 1, 4)) {
    if (c < '0' || c > '9') return 0;
    year = year * 10 + (c - '0');
  }
  return year;
}

int YearOf(std::string_view date) {
  if (date.size() < 4) return 0;
  int year = 0;
  for (char c : date.substr(0, 4)) {
    if (c < '0' || c > '9') return 0;
    year = year * 10 + (c - '0');
  }
  return year;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// What the synthetic documents look like: type, issuer, how high numbers go, whether a state
// symbol carries its year, and how common the shape is.
struct Shape {
  unsigned weight;
  bool party;
  std::string_view type;
  std::string_view noun;
  std::string_view issuer;
  std::array<std::string_view, 2> issuer_names;  // one is drawn per document
  int max_number;
  bool year_in_symbol;
};

constexpr Shape kShapes[] = {
    {14, true, "NQ", "Nghị quyết", "TW", {"Ban Chấp hành Trung ương", "Bộ Chính trị"}, 60, false},
    {10, true, "KL", "Kết luận", "TW", {"Bộ Chính trị", "Ban Bí thư"}, 250, false},
    {8, true, "CT", "Chỉ thị", "TW", {"Bộ Chính trị", "Ban Bí thư"}, 60, false},
    {6, true, "QĐ", "Quy định", "TW", {"Bộ Chính trị", "Ban Chấp hành Trung ương"}, 400, false},
    {2, true, "TB", "Thông báo", "TW", {"Ban Bí thư", "Bộ Chính trị"}, 300, false},
    {2, true, "HD", "Hướng dẫn", "BTCTW", {"Ban Tổ chức Trung ương", ""}, 40, false},
    {2, true, "HD", "Hướng dẫn", "BTGTW", {"Ban Tuyên giáo Trung ương", ""}, 160, false},
    {1, true, "KL", "Kết luận", "BTCTW", {"Ban Tổ chức Trung ương", ""}, 30, false},
    {1, true, "HD", "Hướng dẫn", "UBKTTW", {"Ủy ban Kiểm tra Trung ương", ""}, 30, false},
    {18, false, "NĐ", "Nghị định", "CP", {"Chính phủ", ""}, 200, true},
    {14, false, "QĐ", "Quyết định", "TTg", {"Thủ tướng Chính phủ", ""}, 2500, false},
    {6, false, "NQ", "Nghị quyết", "CP", {"Chính phủ", ""}, 200, false},
    {4, false, "CT", "Chỉ thị", "TTg", {"Thủ tướng Chính phủ", ""}, 40, false},
    {2, false, "TT", "Thông tư", "BNV", {"Bộ Nội vụ", ""}, 30, true},
    {3, false, "TT", "Thông tư", "BTC", {"Bộ Tài chính", ""}, 150, true},
    {2, false, "TT", "Thông tư", "BGDĐT", {"Bộ Giáo dục và Đào tạo", ""}, 40, true},
    {1, false, "TT", "Thông tư", "BYT", {"Bộ Y tế", ""}, 50, true},
    {4, false, "QĐ", "Quyết định", "UBND", {"Ủy ban nhân dân tỉnh", ""}, 5000, false},
};

constexpr std::string_view kSubjects[] = {
    "về tăng cường công tác xây dựng, chỉnh đốn Đảng",
    "về đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, "
    "hiệu quả",
    "về công tác cán bộ và quy hoạch cán bộ lãnh đạo, quản lý",
    "về phát triển kinh tế tập thể trong giai đoạn mới",
    "về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống tham nhũng, lãng phí",
    "về chuyển đổi số quốc gia",
    "về đẩy mạnh cải cách hành chính",
    "về phát triển nguồn nhân lực chất lượng cao",
    "về công tác dân tộc trong tình hình mới",
    "về tiếp tục đổi mới căn bản, toàn diện giáo dục và đào tạo",
    "về bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân",
    "về xây dựng nông thôn mới giai đoạn tiếp theo",
    "về chiến lược bảo vệ Tổ quốc trong tình hình mới",
    "về quản lý, sử dụng đất đai",
    "về phòng, chống thiên tai và ứng phó với biến đổi khí hậu",
    "về công tác kiểm tra, giám sát và kỷ luật của Đảng",
    "về thực hành tiết kiệm, chống lãng phí",
    "về công tác tuyên truyền, giáo dục chính trị tư tưởng",
    "về phát triển văn hóa, con người Việt Nam",
    "về quy chế làm việc của cơ quan hành chính nhà nước",
    "về chế độ tiền lương đối với cán bộ, công chức, viên chức",
    "về quản lý đầu tư công",
    "về phát triển khoa học, công nghệ và đổi mới sáng tạo",
    "về đảm bảo an sinh xã hội",
    "về nâng cao chất lượng tổ chức cơ sở đảng và đảng viên",
    "về hội nhập quốc tế",
    "về phát triển kinh tế biển bền vững",
    "về công tác thi đua, khen thưởng",
};

// Distinguishes documents that share a symbol: Party numbers restart each term, state numbers
// without a year each year.
// The key the indexer gives the document (refs/key.h).
std::string IdentityKey(const CitedDocument& d) {
  return refs::DocumentKey(d.symbol, d.term, d.date.empty() ? std::to_string(d.year) : d.date);
}

CitedDocument MakeSynthetic(const Shape& s, Rng& rng, int first_year,
                            const std::vector<unsigned>& year_weights) {
  CitedDocument d;
  d.party = s.party;
  d.type = s.type;
  d.noun = s.noun;
  d.issuer = s.issuer;
  d.number = std::to_string(rng.Between(1, s.max_number));
  d.year = first_year + static_cast<int>(rng.Weighted(year_weights));
  d.date = RandomDateIn(d.year, rng);
  if (s.party) {
    d.symbol = Pad2(d.number) + "-" + d.type + "/" + d.issuer;
    d.term = refs::PartyTermOn(d.date);
  } else {
    d.symbol_year = s.year_in_symbol ? d.year : 0;
    d.symbol = Pad2(d.number) + "/" + (d.symbol_year ? std::to_string(d.year) + "/" : "") + d.type +
               "-" + d.issuer;
  }
  const bool second = !s.issuer_names[1].empty() && rng.Chance(400);
  d.issuer_name = s.issuer_names[second ? 1 : 0];
  d.subject = kSubjects[rng.Below(std::size(kSubjects))];
  return d;
}

}  // namespace

std::string RandomDateIn(int year, Rng& rng) {
  const int month = rng.Between(1, 12);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month,
                rng.Between(1, DaysInMonth(year, month)));
  return buf;
}

std::vector<unsigned> RecentYearWeights(int first_year, int last_year) {
  std::vector<unsigned> weights;
  for (int y = first_year; y <= last_year; ++y) {
    const int w = std::max(1, y - 1980);
    weights.push_back(static_cast<unsigned>(w * w));
  }
  return weights;
}

std::vector<CitedDocument> FromRegistry(const refs::Registry& registry) {
  std::vector<CitedDocument> out;
  for (const refs::Registry::Entry& e : registry) {
    CitedDocument d;
    d.symbol = e.symbol;
    d.noun = e.type_name;
    d.type = e.type;
    d.number = e.number;
    d.issuer = e.issuer;
    d.party = e.system == refs::System::kParty;
    d.symbol_year = d.party ? 0 : SymbolYear(e.symbol);
    d.date = e.date;
    d.year = YearOf(e.date);
    d.term = e.term;
    d.plenum = e.plenum.value_or(0);
    d.issuer_name = e.issuer_name;
    d.subject = e.title;
    d.known = true;
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<CitedDocument> SyntheticDocuments(std::size_t count, int first_year, int last_year,
                                              const std::vector<CitedDocument>& avoid,
                                              std::uint64_t seed) {
  Rng rng(seed);
  std::vector<unsigned> weights;
  for (const Shape& s : kShapes) weights.push_back(s.weight);
  const std::vector<unsigned> year_weights = RecentYearWeights(first_year, last_year);
  std::unordered_set<std::string> taken;
  for (const CitedDocument& d : avoid) taken.insert(IdentityKey(d));
  std::vector<CitedDocument> out;
  out.reserve(count);
  // Collisions are rare (numbers range far above what a year uses); the bound only guards
  // against a count larger than the shapes can number.
  for (std::size_t tries = 0; out.size() < count && tries < count * 20 + 100; ++tries) {
    CitedDocument d = MakeSynthetic(kShapes[rng.Weighted(weights)], rng, first_year, year_weights);
    if (taken.insert(IdentityKey(d)).second) out.push_back(std::move(d));
  }
  return out;
}

CitationIndex::CitationIndex(std::vector<CitedDocument> by_rank) : documents_(std::move(by_rank)) {
  cumulative_.reserve(documents_.size());
  double total = 0;
  for (std::size_t r = 0; r < documents_.size(); ++r) {
    total += 1.0 / static_cast<double>(r + 3);  // exact IEEE arithmetic: the same everywhere
    cumulative_.push_back(total);
  }
}

const CitedDocument* CitationIndex::Draw(Rng& rng, const std::string& date,
                                         const CitedDocument* exclude) const {
  if (documents_.empty()) return nullptr;
  for (int attempt = 0; attempt < 64; ++attempt) {
    const double u = rng.Unit() * cumulative_.back();
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
    const std::size_t rank = std::min<std::size_t>(it - cumulative_.begin(), documents_.size() - 1);
    const CitedDocument* d = &documents_[rank];
    // Issued before the citing document: "2017" and "2017-05" sort before "2017-05-03".
    if (d != exclude && d->date < date) return d;
  }
  return nullptr;
}

}  // namespace vankien::gen
