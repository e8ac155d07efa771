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
};

constexpr std::string_view kPartyIssuers[] = {
    "TW",    "TU",    "HU",    "QU",     "THU",   "ĐU",    "ĐUK",   "CB",     "ĐĐ",    "BCS",
    "BCSĐ",  "VPTW",  "BTCTW", "BTGTW",  "BDVTW", "BĐNTW", "BKTTW", "BNCTW",  "UBKTTW", "QUTW",
    "ĐUQSTW", "ĐUCA", "BTCTU", "BTGTU",  "BDVTU", "VPTU",  "UBKTTU", "UBKTHU", "BTGQU", "BCĐTW",
    "TWĐTN", "ĐH",    "BTCHU", "BTGHU",  "VPHU",  "ĐUKCCQ", "ĐUKDN", "BCSĐCP",
};

constexpr std::string_view kStateIssuers[] = {
    "CP",   "TTG",  "TTg",   "UBND", "HĐND", "CTN",  "VPCP", "TANDTC", "VKSNDTC", "KTNN",
    "NHNN", "TTCP", "UBDT",  "BNV",  "BTC",  "BGDĐT", "BCT", "BYT",    "BQP",     "BCA",
    "BKHĐT", "BTNMT", "BLĐTBXH", "BGTVT", "BXD", "BTTTT", "BNNPTNT", "BVHTTDL", "BTP", "BKHCN",
    "BNG",  "SYT",  "SGDĐT", "UBTVQH", "QH",
};

}  // namespace

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
  return code == "NĐ" || code == "TTLT" || code == "L" || code == "PL" || code == "QyĐ";
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
