#include "search/synonyms.h"

namespace vankien::search {
namespace {

// Abbreviations that, in Party and state texts, mean one thing. Syllables that are common
// words on their own ("tu", "hu") are left out: expanding them would flood the results.
constexpr Abbreviation kAbbreviations[] = {
    {"nq", "nghi quyet"},          {"ct", "chi thi"},
    {"kl", "ket luan"},            {"qd", "quy dinh"},
    {"qd", "quyet dinh"},          {"nd", "nghi dinh"},
    {"tw", "trung uong"},          {"bch", "ban chap hanh"},
    {"bchtw", "ban chap hanh trung uong"},
    {"bct", "bo chinh tri"},       {"bbt", "ban bi thu"},
    {"tccs", "to chuc co so"},     {"duk", "dang uy khoi"},
    {"ubnd", "uy ban nhan dan"},   {"hdnd", "hoi dong nhan dan"},
    {"mttq", "mat tran to quoc"},  {"ubtvqh", "uy ban thuong vu quoc hoi"},
    {"qh", "quoc hoi"},            {"cp", "chinh phu"},
    {"ttg", "thu tuong"},          {"ubkt", "uy ban kiem tra"},
    {"ttlt", "thong tu lien tich"}, {"btctw", "ban to chuc trung uong"},
    {"btgtw", "ban tuyen giao trung uong"}, {"vptw", "van phong trung uong"},
    {"dcsvn", "dang cong san viet nam"}, {"cnxh", "chu nghia xa hoi"},
    {"xhcn", "xa hoi chu nghia"},  {"tphcm", "thanh pho ho chi minh"},
    {"cntt", "cong nghe thong tin"}, {"khcn", "khoa hoc cong nghe"},
    {"dbqh", "dai bieu quoc hoi"}, {"ubmttq", "uy ban mat tran to quoc"},
};

}  // namespace

std::span<const Abbreviation> Abbreviations() { return kAbbreviations; }

}  // namespace vankien::search
