#include "indexer/refs/lexicon.h"

#include <array>

namespace vankien::refs {
namespace {

constexpr TypeNoun kNouns[] = {
    {"thong bao ket luan", "TB", "Thông báo kết luận", System::kUnknown},
    {"thong tu lien tich", "TTLT", "Thông tư liên tịch", System::kState},
    {"nghi quyet", "NQ", "Nghị quyết", System::kUnknown},
    {"chi thi", "CT", "Chỉ thị", System::kUnknown},
    {"ket luan", "KL", "Kết luận", System::kParty},
    {"quy dinh", "QĐ", "Quy định", System::kUnknown},
    {"qui dinh", "QĐ", "Quy định", System::kUnknown},
    {"quyet dinh", "QĐ", "Quyết định", System::kUnknown},
    {"huong dan", "HD", "Hướng dẫn", System::kUnknown},
    {"thong bao", "TB", "Thông báo", System::kUnknown},
    {"ke hoach", "KH", "Kế hoạch", System::kUnknown},
    {"to trinh", "TTr", "Tờ trình", System::kUnknown},
    {"cong van", "CV", "Công văn", System::kUnknown},
    {"cong dien", "CĐ", "Công điện", System::kUnknown},
    {"nghi dinh", "NĐ", "Nghị định", System::kState},
    {"thong tu", "TT", "Thông tư", System::kState},
    {"thong tri", "TT", "Thông tri", System::kParty},
    {"bo luat", "L", "Bộ luật", System::kState},
    {"luat", "L", "Luật", System::kState},
    {"phap lenh", "PL", "Pháp lệnh", System::kState},
    {"chuong trinh", "CTr", "Chương trình", System::kUnknown},
    {"bao cao", "BC", "Báo cáo", System::kUnknown},
    {"quy che", "QC", "Quy chế", System::kUnknown},
    {"van ban hop nhat", "VBHN", "Văn bản hợp nhất", System::kState},
    {"van ban", "", "Văn bản", System::kUnknown},
};

struct Code {
  std::string_view exact;  // case-folded as written
  std::string_view code;
};

constexpr Code kCodes[] = {
    {"nq", "NQ"},     {"ct", "CT"},   {"kl", "KL"},     {"qđ", "QĐ"},     {"qd", "QĐ"},
    {"qđi", "QĐi"},   {"qdi", "QĐi"}, {"qđns", "QĐNS"}, {"qdns", "QĐNS"}, {"qc", "QC"},
    {"hd", "HD"},     {"tb", "TB"},   {"tbkl", "TBKL"}, {"tt", "TT"},     {"ttlt", "TTLT"},
    {"bc", "BC"},     {"kh", "KH"},   {"ctr", "CTr"},   {"ttr", "TTr"},   {"bb", "BB"},
    {"cv", "CV"},     {"bs", "BS"},   {"nđ", "NĐ"},     {"nd", "NĐ"},     {"cđ", "CĐ"},
    {"qyđ", "QyĐ"},   {"đa", "ĐA"},   {"pa", "PA"},     {"ctlt", "CTLT"}, {"nqlt", "NQLT"},
    {"vbhn", "VBHN"},
};

constexpr std::string_view kPartyIssuers[] = {
    "TW",    "TU",    "HU",    "QU",     "THU",   "ĐU",    "ĐUK",   "CB",     "ĐĐ",    "BCS",
    "BCSĐ",  "VPTW",  "BTCTW", "BTGTW",  "BDVTW", "BĐNTW", "BKTTW", "BNCTW",  "UBKTTW", "QUTW",
    "ĐUQSTW", "ĐUCA", "BTCTU", "BTGTU",  "BDVTU", "VPTU",  "UBKTTU", "UBKTHU", "BTGQU", "BCĐTW",
    "ĐH",    "BTCHU", "BTGHU",  "VPHU",  "ĐUKCCQ", "ĐUKDN", "BCSĐCP",
};

constexpr std::string_view kStateIssuers[] = {
    "CP",   "TTG",  "TTg",   "UBND", "HĐND", "CTN",  "VPCP", "TANDTC", "VKSNDTC", "KTNN",
    "NHNN", "TTCP", "UBDT",  "BNV",  "BTC",  "BGDĐT", "BCT", "BYT",    "BQP",     "BCA",
    "BKHĐT", "BTNMT", "BLĐTBXH", "BGTVT", "BXD", "BTTTT", "BNNPTNT", "BVHTTDL", "BTP", "BKHCN",
    "BNG",  "SYT",  "SGDĐT", "UBTVQH", "QH", "HĐBT", "VPQH", "BNNMT", "BDTTG", "BHXH",
};

// Party bodies first where a state body's name is a suffix of theirs; within a family the longer
// name first. Folded forms: no accents, đ → d, lower case.
constexpr Body kBodies[] = {
    // Out of scope: mass organisations, foreign and international bodies, pre-1945 and
    // Saigon-regime authorities. Listed before the Party and state names they start with.
    {"ban chap hanh trung uong doan", "", System::kUnknown},
    {"trung uong doan", "", System::kUnknown},
    {"doan thanh nien", "", System::kUnknown},
    {"doan tncs", "", System::kUnknown},
    {"hoi cuu chien binh", "", System::kUnknown},
    {"cuu chien binh", "", System::kUnknown},
    {"tong lien doan lao dong", "", System::kUnknown},
    {"cong doan", "", System::kUnknown},
    {"hoi lien hiep phu nu", "", System::kUnknown},
    {"hoi nong dan", "", System::kUnknown},
    {"hoi luat gia", "", System::kUnknown},
    {"hoi dong bao an", "", System::kUnknown},
    {"dai hoi dong lien hop quoc", "", System::kUnknown},
    {"lien hop quoc", "", System::kUnknown},
    {"lien hiep quoc", "", System::kUnknown},
    {"to chuc lao dong quoc te", "", System::kUnknown},
    {"toan quyen", "", System::kUnknown},
    {"thuc dan", "", System::kUnknown},
    {"chinh quyen sai gon", "", System::kUnknown},
    {"nguy quyen", "", System::kUnknown},
    {"chinh phu viet nam cong hoa", "", System::kUnknown},
    {"viet nam cong hoa", "", System::kUnknown},
    {"tong thong", "", System::kUnknown},
    {"hoi dong quan tri", "", System::kUnknown},
    {"hoi dong thanh vien", "", System::kUnknown},
    // Party.
    {"uy ban kiem tra trung uong", "UBKTTW", System::kParty},
    {"ubkt trung uong", "UBKTTW", System::kParty},
    {"ubkttw", "UBKTTW", System::kParty},
    {"uy ban kiem tra tinh uy", "UBKTTU", System::kParty},
    {"uy ban kiem tra thanh uy", "UBKTTU", System::kParty},
    {"uy ban kiem tra huyen uy", "UBKTHU", System::kParty},
    {"ban to chuc trung uong", "BTCTW", System::kParty},
    {"ban tuyen giao trung uong", "BTGTW", System::kParty},
    {"ban dan van trung uong", "BDVTW", System::kParty},
    {"ban noi chinh trung uong", "BNCTW", System::kParty},
    {"ban kinh te trung uong", "BKTTW", System::kParty},
    {"ban doi ngoai trung uong", "BĐNTW", System::kParty},
    {"van phong trung uong dang", "VPTW", System::kParty},
    {"bo chinh tri", "TW", System::kParty},
    {"ban bi thu", "TW", System::kParty},
    {"ban chap hanh trung uong", "TW", System::kParty},
    {"bch trung uong", "TW", System::kParty},
    {"bch tw", "TW", System::kParty},
    {"bchtw", "TW", System::kParty},
    {"hoi nghi ban chap hanh trung uong", "TW", System::kParty},
    {"hoi nghi trung uong", "TW", System::kParty},
    {"quan uy trung uong", "QUTW", System::kParty},
    {"dang uy quan su trung uong", "ĐUQSTW", System::kParty},
    {"dang uy cong an trung uong", "ĐUCA", System::kParty},
    {"trung uong dang", "TW", System::kParty},
    {"trung uong", "TW", System::kParty},
    {"ban chap hanh dang bo tinh", "TU", System::kParty},
    {"ban chap hanh dang bo thanh pho", "TU", System::kParty},
    {"tinh uy", "TU", System::kParty},
    {"thanh uy", "TU", System::kParty},
    {"huyen uy", "HU", System::kParty},
    {"ban can su dang", "BCSĐ", System::kParty},
    {"dang uy", "ĐU", System::kParty},
    {"ban chi dao", "BCĐ", System::kParty},
    // State.
    {"thu tuong chinh phu", "TTg", System::kState},
    {"pho thu tuong chinh phu", "TTg", System::kState},
    {"pho thu tuong", "TTg", System::kState},
    {"thu tuong", "TTg", System::kState},
    {"van phong chinh phu", "VPCP", System::kState},
    {"thanh tra chinh phu", "TTCP", System::kState},
    {"chinh phu", "CP", System::kState},
    {"chu tich nuoc", "CTN", System::kState},
    {"uy ban thuong vu quoc hoi", "UBTVQH", System::kState},
    {"ubtvqh", "UBTVQH", System::kState},
    {"van phong quoc hoi", "VPQH", System::kState},
    {"quoc hoi", "QH", System::kState},
    {"hoi dong bo truong", "HĐBT", System::kState},
    {"toa an nhan dan toi cao", "TANDTC", System::kState},
    {"tand toi cao", "TANDTC", System::kState},
    {"tandtc", "TANDTC", System::kState},
    {"vien kiem sat nhan dan toi cao", "VKSNDTC", System::kState},
    {"vksnd toi cao", "VKSNDTC", System::kState},
    {"vksndtc", "VKSNDTC", System::kState},
    {"kiem toan nha nuoc", "KTNN", System::kState},
    {"ngan hang nha nuoc", "NHNN", System::kState},
    {"uy ban dan toc", "UBDT", System::kState},
    {"bao hiem xa hoi viet nam", "BHXH", System::kState},
    {"bo noi vu", "BNV", System::kState},
    {"bo tai chinh", "BTC", System::kState},
    {"bo giao duc va dao tao", "BGDĐT", System::kState},
    {"bo cong thuong", "BCT", System::kState},
    {"bo y te", "BYT", System::kState},
    {"bo quoc phong", "BQP", System::kState},
    {"bo cong an", "BCA", System::kState},
    {"bo ke hoach va dau tu", "BKHĐT", System::kState},
    {"bo tai nguyen va moi truong", "BTNMT", System::kState},
    {"bo lao dong thuong binh va xa hoi", "BLĐTBXH", System::kState},
    {"bo giao thong van tai", "BGTVT", System::kState},
    {"bo xay dung", "BXD", System::kState},
    {"bo thong tin va truyen thong", "BTTTT", System::kState},
    {"bo nong nghiep va phat trien nong thon", "BNNPTNT", System::kState},
    {"bo nong nghiep va moi truong", "BNNMT", System::kState},
    {"bo van hoa the thao va du lich", "BVHTTDL", System::kState},
    {"bo tu phap", "BTP", System::kState},
    {"bo khoa hoc va cong nghe", "BKHCN", System::kState},
    {"bo ngoai giao", "BNG", System::kState},
    {"bo dan toc va ton giao", "BDTTG", System::kState},
    {"chu tich ubnd", "UBND", System::kState},
    {"chu tich uy ban nhan dan", "UBND", System::kState},
    {"uy ban nhan dan", "UBND", System::kState},
    {"ubnd", "UBND", System::kState},
    {"hoi dong nhan dan", "HĐND", System::kState},
    {"hdnd", "HĐND", System::kState},
};

constexpr std::string_view kOutOfScopeIssuers[] = {"TWĐTN", "TLĐ"};

}  // namespace

std::span<const Body> Bodies() { return kBodies; }

bool IsOutOfScopeIssuer(std::string_view issuer) {
  const std::string_view first = issuer.substr(0, issuer.find('-'));
  for (std::string_view c : kOutOfScopeIssuers) {
    if (c == first) return true;
  }
  return false;
}

std::span<const TypeNoun> TypeNouns() { return kNouns; }

std::string_view TypeCode(std::string_view exact) {
  for (const Code& c : kCodes) {
    if (c.exact == exact) return c.code;
  }
  return {};
}

std::string_view NounForCode(std::string_view code) {
  if (code == "QĐi") return "Quy định";
  if (code == "TT") return "Thông tư";
  for (const TypeNoun& n : kNouns) {
    if (n.code == code) return n.noun;
  }
  return {};
}

bool IsStateOnlyType(std::string_view code) {
  return code == "NĐ" || code == "TTLT" || code == "L" || code == "PL" || code == "QyĐ" || code == "VBHN";
}

bool IsPartyIssuer(std::string_view issuer) {
  const std::string_view first = issuer.substr(0, issuer.find('-'));
  for (std::string_view p : kPartyIssuers) {
    if (p == first) return true;
  }
  return false;
}

bool IsStateIssuer(std::string_view issuer) {
  const std::string_view first = issuer.substr(0, issuer.find('-'));
  for (std::string_view s : kStateIssuers) {
    if (s == first) return true;
  }
  // The legislature with its number: QH14, UBTVQH14.
  if (first.starts_with("QH") || first.starts_with("UBTVQH")) return true;
  return false;
}

int OrdinalWord(std::string_view folded) {
  static constexpr std::array<std::pair<std::string_view, int>, 14> kOrdinals = {{
      {"nhat", 1}, {"hai", 2}, {"ba", 3}, {"tu", 4}, {"bon", 4}, {"nam", 5}, {"sau", 6},
      {"bay", 7}, {"tam", 8}, {"chin", 9}, {"muoi", 10}, {"mot", 1}, {"nhi", 2}, {"bay", 7},
  }};
  for (const auto& [word, n] : kOrdinals) {
    if (word == folded) return n;
  }
  return 0;
}

}  // namespace vankien::refs
