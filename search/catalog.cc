// BuildCatalog: the archive's register of documents, from reference terms and value slots.
//
// How mentions become entries. The indexer adds, per mention, one wdf to XREF:<symbol> and,
// when the text gave a term or year, one to XKEY:<key>; a mention the registry resolved from
// an informal name ("Nghị quyết Trung ương 4 khóa XII") adds one to XREF:<descriptive key> and
// one to XREF:<resolved symbol>. So, per document, the keyed mentions of a symbol are its XKEY
// wdfs, the resolved informal ones the descriptive wdfs, and the rest (XREF wdf minus both)
// are mentions that did not say which term: those go to the one candidate document the symbol
// can mean on the citing document's date (a 2019 article cannot cite the 2022 21-NQ/TW), and
// stay under the bare symbol, with the candidates listed, when several remain.
#include "search/catalog.h"

#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <chrono>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "indexer/base/i18n.h"
#include "indexer/refs/key.h"
#include "indexer/refs/lexicon.h"
#include "indexer/refs/mention.h"
#include "indexer/refs/recognizer.h"
#include "indexer/refs/registry.h"
#include "indexer/schema.h"
#include "indexer/stored_document.h"
#include "indexer/terms.h"
#include "indexer/text/analyzer.h"
#include "indexer/text/utf8.h"
#include "search/internal/citations.h"
#include "search/internal/index_reader.h"
#include "search/internal/query_filters.h"
#include "search/reference_reader.h"

namespace vankien::search {

std::string_view TitleSourceName(TitleSource s) {
  switch (s) {
    case TitleSource::kDocument: return "document";
    case TitleSource::kRegistry: return "registry";
    case TitleSource::kMentions: return "mentions";
    case TitleSource::kNone: break;
  }
  return "";
}

namespace {

using Clock = std::chrono::steady_clock;

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsRoman(std::string_view s) { return !s.empty() && refs::FromRoman(s) > 0; }

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" with digits where digits belong.
bool IsDateFilter(std::string_view d) {
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  for (std::size_t i = 0; i < d.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? d[i] != '-' : !(d[i] >= '0' && d[i] <= '9')) return false;
  }
  return true;
}

// Compares two dates of possibly different precision on their common prefix.
int ComparePrefix(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  return a.substr(0, n).compare(b.substr(0, n));
}

// Equal ignoring ASCII case: "ttg" is "TTg".
bool SameAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

constexpr std::size_t kMaxContext = 300;  // bytes either side of a mention

bool IsSentenceEnd(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '\n') return true;
  if (c != '.' && c != '!' && c != '?' && c != ';') return false;
  return i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n';
}

std::size_t SentenceStart(std::string_view text, std::size_t begin) {
  std::size_t from = std::min(begin, text.size());
  while (from > 0 && begin - from < kMaxContext && !IsSentenceEnd(text, from - 1)) --from;
  return from;
}

std::size_t SentenceEnd(std::string_view text, std::size_t end) {
  std::size_t to = std::min(end, text.size());
  while (to < text.size() && to - end < kMaxContext && !IsSentenceEnd(text, to)) ++to;
  return to;
}

std::string Trimmed(std::string_view s) {
  const std::size_t a = s.find_first_not_of(" \n\r\t,");
  const std::size_t b = s.find_last_not_of(" \n\r\t,");
  return a == std::string_view::npos ? std::string() : std::string(s.substr(a, b - a + 1));
}

// The sentence around [begin, end) of `text`, cut on character boundaries, valid UTF-8.
std::string SentenceAround(std::string_view text, std::size_t begin, std::size_t end) {
  begin = std::min(begin, text.size());
  end = std::min(std::max(end, begin), text.size());
  std::size_t from = SentenceStart(text, begin);
  std::size_t to = SentenceEnd(text, end);
  const bool cut_before = from > 0 && !IsSentenceEnd(text, from - 1);
  const bool cut_after = to < text.size() && !IsSentenceEnd(text, to);
  if (to < text.size() && text[to] != '\n') ++to;
  while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
  std::string out = Trimmed(text::SanitizeUtf8(text.substr(from, to - from)));
  if (cut_before) out = "…" + out;
  if (cut_after) out += "…";
  return out;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Length of a leading "ngày 16/6/2022", "ngày 16-6-2022", "ngày 16 tháng 6 năm 2022" (0 when
// none); fills `date` ("YYYY-MM-DD") when the parts are numbers in range.
std::size_t DateAt(std::string_view s, std::string* date) {
  std::size_t i = 0;
  for (std::string_view w : {"ngày ", "Ngày "}) {
    if (StartsWith(s, w)) i = w.size();
  }
  if (i == 0) return 0;
  int parts[3] = {0, 0, 0};
  int n = 0;
  while (n < 3 && i < s.size()) {
    if (!(s[i] >= '0' && s[i] <= '9')) break;
    int v = 0, digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 5) v = v * 10 + (s[i++] - '0'), ++digits;
    parts[n++] = v;
    if (n == 3) break;
    if (i < s.size() && (s[i] == '/' || s[i] == '-' || s[i] == '.')) {
      ++i;
    } else if (StartsWith(s.substr(i), " tháng ")) {
      i += std::string_view(" tháng ").size();
    } else if (StartsWith(s.substr(i), " năm ")) {
      i += std::string_view(" năm ").size();
    } else {
      break;
    }
  }
  if (n < 2) return 0;
  if (n == 3 && date != nullptr && parts[0] >= 1 && parts[0] <= 31 && parts[1] >= 1 && parts[1] <= 12 &&
      parts[2] >= 1930 && parts[2] <= 2100) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", parts[2], parts[1], parts[0]);
    *date = buf;
  }
  return i;
}

// True for a word that can be part of an issuer's name after `prev`: capitalised (its first
// letter upper case, Vietnamese letters included), or one of the lower-case words of the names
// of Party organs, ministries and People's Committees. "ban" and "hành" only where a name has
// them ("Ủy ban", "Chấp hành"), so "Chính phủ ban hành" stops at "ban".
bool IsIssuerWord(std::string_view w, std::string_view prev) {
  if (w == "ban") return prev == "ủy" || prev == "uỷ" || prev == "Ủy" || prev == "Uỷ";
  if (w == "hành") return prev == "chấp" || prev == "Chấp";
  static constexpr std::string_view kLower[] = {
      "chấp", "trung", "ương", "chính", "trị", "bí", "thư", "tướng", "phủ", "hội", "khóa", "khoá", "nhân",
      "dân", "tỉnh", "thành", "phố", "đảng", "tổ", "chức", "quốc", "thường", "vụ", "ủy", "uỷ", "kiểm", "tra",
      "văn", "phòng", "tài", "nội", "lần", "thứ", "bộ", "tư", "pháp", "an", "công", "tế", "xã", "giao",
      "thông", "vận", "tải", "lao", "động", "thương", "binh", "y", "giáo", "dục", "đào", "tạo", "nông",
      "nghiệp", "phát", "triển", "xây", "dựng", "khoa", "học", "nghệ", "kế", "hoạch", "đầu", "ngoại",
      "nguyên", "môi", "trường", "hóa", "hoá", "thể", "thao", "du", "lịch", "tin", "truyền", "ngân", "hàng",
      "nhà", "nước", "vệ", "sinh", "quân", "sự", "huyện", "quận", "liên", "đoàn", "mặt", "trận"};
  for (std::string_view l : kLower) {
    if (w == l) return true;
  }
  const unsigned char c0 = static_cast<unsigned char>(w[0]);
  if (c0 < 0x80) return c0 >= 'A' && c0 <= 'Z';
  // Decode the first code point: upper-case Vietnamese letters are U+00C0–U+00DD, the even
  // code points of U+0100–U+01B0 (Ă Đ Ĩ Ũ Ơ Ư) and of U+1EA0–U+1EF9.
  char32_t cp = 0;
  if ((c0 & 0xE0) == 0xC0 && w.size() >= 2) {
    cp = ((c0 & 0x1F) << 6) | (static_cast<unsigned char>(w[1]) & 0x3F);
  } else if ((c0 & 0xF0) == 0xE0 && w.size() >= 3) {
    cp = ((c0 & 0x0F) << 12) | ((static_cast<unsigned char>(w[1]) & 0x3F) << 6) |
         (static_cast<unsigned char>(w[2]) & 0x3F);
  }
  if (cp >= 0xC0 && cp <= 0xDD) return true;
  if (cp == 0x1A0 || cp == 0x1AF) return true;
  if (cp >= 0x100 && cp < 0x180) return cp % 2 == 0;
  if (cp >= 0x1EA0 && cp <= 0x1EF9) return cp % 2 == 0;
  return false;
}

}  // namespace

std::string TitleAfterMention(std::string_view after, std::string* issuer_name, std::string* date) {
  std::size_t i = 0;
  auto skip_blanks = [&] {
    while (i < after.size()) {
      if (after[i] == ' ' || after[i] == ',' || after[i] == '\t') {
        ++i;
      } else if (StartsWith(after.substr(i), "\xC2\xA0")) {  // no-break space
        i += 2;
      } else {
        break;
      }
    }
  };
  for (int step = 0; step < 8 && i < after.size(); ++step) {
    skip_blanks();
    const std::string_view rest = after.substr(i);
    if (std::size_t n = DateAt(rest, date); n > 0) {
      i += n;
      continue;
    }
    if (rest.front() == '(') {
      // "(khóa XII)", "(2017)": a parenthesis of a term, year or date, skipped.
      const std::size_t close = rest.find(')');
      if (close == std::string_view::npos || close > 40) return "";
      const std::string_view inside = rest.substr(1, close - 1);
      const bool term = inside.find("khóa") != std::string_view::npos ||
                        inside.find("khoá") != std::string_view::npos ||
                        inside.find("Khóa") != std::string_view::npos ||
                        inside.find("Khoá") != std::string_view::npos;
      if (!term && !AllDigits(Trimmed(inside)) && DateAt(Trimmed(inside), nullptr) == 0) return "";
      i += close + 1;
      continue;
    }
    bool skipped = false;
    for (std::string_view w : {"khóa ", "khoá ", "năm "}) {
      if (StartsWith(rest, w)) {
        std::size_t j = w.size();
        while (j < rest.size() && rest[j] != ' ' && rest[j] != ',') ++j;
        i += j;
        skipped = true;
        break;
      }
    }
    if (skipped) continue;
    if (constexpr std::string_view kOf = "của "; StartsWith(rest, kOf)) {
      // The issuer: capitalised words ("Bộ Chính trị", "Ban Chấp hành Trung ương Đảng khóa XII",
      // "Thủ tướng Chính phủ") and the lower-case words of such names; it ends at the first
      // other word ("về", "ngày", "quy định …") or punctuation.
      std::size_t j = kOf.size(), end = j;
      int words = 0;
      std::string_view prev;
      while (j < rest.size() && words < 12) {
        std::size_t k = j;
        while (k < rest.size() && rest[k] != ' ' && rest[k] != ',' && rest[k] != '(' && rest[k] != ';' &&
               rest[k] != ':' && rest[k] != '\n' && !(rest[k] == '.' && (k + 1 >= rest.size() || rest[k + 1] == ' '))) {
          ++k;
        }
        const std::string_view word = rest.substr(j, k - j);
        if (word.empty() || !IsIssuerWord(word, prev)) break;
        prev = word;
        end = k;
        ++words;
        if (k >= rest.size() || rest[k] != ' ') break;
        j = k + 1;
      }
      if (words == 0) return "";
      if (issuer_name != nullptr) *issuer_name = Trimmed(rest.substr(kOf.size(), end - kOf.size()));
      i += end;
      continue;
    }
    if (StartsWith(rest, "về ")) {
      // A quoted subject: "về “Phân cấp quản lý cán bộ”".
      const std::string_view quoted = rest.substr(std::string_view("về ").size());
      for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"“", "”"}, {"\"", "\""}}) {
        if (!StartsWith(quoted, open)) continue;
        const std::size_t end = quoted.find(close, open.size());
        if (end == std::string_view::npos || end > 400) return "";
        return Trimmed(text::SanitizeUtf8(rest.substr(0, std::string_view("về ").size() + end + close.size())));
      }
      // The clause: up to a full stop, semicolon, colon, bracket, quote or line end; at most
      // 40 words.
      std::size_t j = 0, words = 0;
      for (; j < rest.size(); ++j) {
        const char c = rest[j];
        if (c == '.' && j + 1 < rest.size() && rest[j + 1] != ' ' && rest[j + 1] != '\n') continue;  // TP.HCM
        if (c == '.' || c == ';' || c == ':' || c == '\n' || c == '(' || c == ')' || c == '"' || c == '!' ||
            c == '?') {
          break;
        }
        if (StartsWith(rest.substr(j), "“") || StartsWith(rest.substr(j), "”")) break;
        if (c == ' ' && ++words >= 40) break;
      }
      std::string phrase = Trimmed(text::SanitizeUtf8(rest.substr(0, j)));
      // Where the sentence goes on about the document rather than naming it: "… được triển
      // khai", "… ra đời giúp ngư dân …", "… do Tổng Bí thư ký".
      static constexpr std::string_view kGoesOn[] = {
          " ra đời", " có hiệu lực", " đã ", " sẽ ", " vừa được", " đang ", " được ban hành",
          " được triển khai", " được thực hiện", " ký ban hành", " do Tổng Bí thư", " do Thủ tướng",
          " giúp ", " thì ", " với mục tiêu", " nhằm ", " mà "};
      for (std::string_view marker : kGoesOn) {
        if (const std::size_t at = phrase.find(marker); at != std::string::npos) phrase = Trimmed(phrase.substr(0, at));
      }
      if (std::count(phrase.begin(), phrase.end(), ' ') < 2) return "";  // "về việc", "về đích"
      return phrase;
    }
    return "";
  }
  return "";
}

namespace {

// What a symbol says about itself, from the recognizer's reading of it.
struct SymbolFacts {
  std::string system, type, number, issuer, type_name;
};

struct Candidate {
  std::string key;
  std::string date;  // known issue date, may be ""
  std::string term;  // from the key
  std::string year;  // from the key
};

// One mention of a read document.
struct ReadRef {
  std::string symbol, key, surface, context;
  std::size_t begin = 0, end = 0;
  std::string title, issuer_name, date;  // from TitleAfterMention
};

struct Relation {
  int from = -1;  // index into refs, or -1 for the document itself
  int to = 0;
  std::string kind;
};

struct ReadDoc {
  std::string id, title, date, subject;
  std::vector<ReadRef> refs;
  std::vector<Relation> relations;
};

struct RowAcc {
  std::size_t mentions = 0;
  std::vector<std::pair<Xapian::docid, std::size_t>> docs;  // per document mentions
};

// "NQ/TW/HNTW4/XII" → type NQ, issuer TW, plenum 4, term XII; "NQ/ĐH/XIII" → congress XIII.
struct Descriptive {
  std::string type, issuer, term, congress;
  std::optional<int> plenum;
};

Descriptive ParseDescriptive(std::string_view key) {
  Descriptive d;
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  while (pos <= key.size()) {
    const std::size_t slash = key.find('/', pos);
    parts.push_back(key.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos));
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  if (parts.size() >= 3 && parts[1] == "ĐH") {
    d.type = parts[0];
    d.congress = parts[2];
    return d;
  }
  if (parts.size() >= 3 && StartsWith(parts[2], "HNTW") && AllDigits(parts[2].substr(4))) {
    d.type = parts[0];
    d.issuer = parts[1];
    d.plenum = std::stoi(std::string(parts[2].substr(4)));
    if (parts.size() >= 4) d.term = parts[3];
  }
  return d;
}

int TypeRank(const CatalogEntry& e) {
  static const char* const kParty[] = {"NQ", "KL", "CT", "QĐ", "QĐi", "HD", "TB", "TT", "QC", "TTr", "CTr"};
  static const char* const kState[] = {"L", "NQ", "NĐ", "QĐ", "CT", "TT", "TTLT", "CV"};
  const int base = e.system == "party" ? 0 : e.system == "state" ? 100 : 200;
  if (e.system == "party") {
    for (int i = 0; i < static_cast<int>(std::size(kParty)); ++i) {
      if (e.type == kParty[i]) return base + i;
    }
  } else {
    for (int i = 0; i < static_cast<int>(std::size(kState)); ++i) {
      if (e.type == kState[i]) return base + i;
    }
  }
  return base + 50;
}

long NumberValue(const std::string& n) {
  long v = 0;
  for (char c : n) {
    if (c < '0' || c > '9') break;
    v = v * 10 + (c - '0');
    if (v > 1000000000) break;
  }
  return v;
}

class Builder {
 public:
  Builder(const std::string& dir, Xapian::Database db, refs::Registry registry, const CatalogOptions& options)
      : dir_(dir), db_(std::move(db)), registry_(std::move(registry)), recognizer_(&registry_), options_(options) {}

  Catalog Build() {
    const auto started = Clock::now();
    catalog_.database = dir_;
    catalog_.last_indexed = db_.get_metadata(std::string(schema::kMetaLastIndexed));
    catalog_.stats.documents = db_.get_doccount();
    LoadDates();
    LoadHeld();
    IndexRegistry();
    LoadKeyed();
    LoadReferences();
    MakeEntries();
    // Type, issuer, term and citations are known now; dates and titles may come from the
    // mentions, so date filters, order and limit wait for them.
    Filter(/*dates=*/false);
    DescribeEntries();
    Filter(/*dates=*/true);
    Sort();
    Statuses();
    Unresolved();
    if (options_.scan_texts) ScanTexts();
    if (options_.graph) Graph();
    if (catalog_.stats.read_limit_reached) {
      catalog_.notes.push_back("stopped reading stored documents after " +
                               std::to_string(options_.max_document_reads) +
                               " (max_document_reads): some citers lack titles and contexts");
    }
    if (!options_.scan_texts) {
      catalog_.notes.push_back(i18n::Mark(  // translated by the renderers
          "numbers cited without an issuer (\"Chỉ thị 05\") are not kept in the index; "
          "--scan-texts lists them by reading every stored text"));
    }
    catalog_.stats.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return std::move(catalog_);
  }

 private:
  void Progress(std::string_view stage, std::size_t done, std::size_t total) {
    if (options_.progress) options_.progress(stage, done, total);
  }

  const std::string& DateOf(Xapian::docid d) const {
    static const std::string kEmpty;
    return d < dates_.size() ? dates_[d] : kEmpty;
  }

  void LoadDates() {
    dates_.assign(db_.get_lastdocid() + 1, std::string());
    for (auto v = db_.valuestream_begin(schema::kDateSlot); v != db_.valuestream_end(schema::kDateSlot); ++v) {
      if (v.get_docid() < dates_.size()) dates_[v.get_docid()] = *v;
    }
  }

  // XOWNKEY: the documents the archive holds, by key.
  void LoadHeld() {
    const std::string prefix(schema::kOwnKeyPrefix);
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
      const std::string key = (*t).substr(prefix.size());
      for (auto p = db_.postlist_begin(*t); p != db_.postlist_end(*t); ++p) {
        held_[key].push_back(*p);
        own_key_[*p] = key;
      }
      const std::string symbol(refs::SplitKey(key).symbol);
      std::string date = held_[key].empty() ? std::string() : DateOf(held_[key].front());
      AddCandidate(symbol, key, date);
    }
  }

  void AddCandidate(const std::string& symbol, const std::string& key, const std::string& date) {
    auto& list = candidates_[symbol];
    for (auto& c : list) {
      if (c.key == key) {
        if (c.date.empty()) c.date = date;
        return;
      }
    }
    Candidate c;
    c.key = key;
    c.date = date;
    const std::string_view suffix = refs::SplitKey(key).suffix;
    if (IsRoman(suffix)) c.term = suffix;
    if (AllDigits(suffix)) c.year = suffix;
    list.push_back(std::move(c));
  }

  void IndexRegistry() {
    for (const refs::Registry::Entry& e : registry_) {
      const std::string key = refs::DocumentKey(e.symbol, e.term, e.date);
      registry_by_key_.emplace(key, &e);
      AddCandidate(e.symbol, key, e.date);
    }
  }

  // XKEY: per symbol and document, the mentions that said their term or year.
  void LoadKeyed() {
    const std::string prefix(schema::kRefKeyPrefix);
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
      const std::string key = (*t).substr(prefix.size());
      const std::string symbol(refs::SplitKey(key).symbol);
      if (symbol == key) continue;
      auto& per_doc = keyed_[symbol];
      for (auto p = db_.postlist_begin(*t); p != db_.postlist_end(*t); ++p) {
        per_doc[*p].emplace_back(key, p.get_wdf());
      }
      AddCandidate(symbol, key, "");
    }
  }

  // The entry key an unkeyed mention of `symbol` in a document dated `date` belongs to.
  std::string ResolveUnkeyed(const std::string& symbol, const std::string& date) {
    auto it = candidates_.find(symbol);
    if (it == candidates_.end() || it->second.empty()) return symbol;
    const auto& all = it->second;
    if (all.size() == 1) return all.front().key;
    std::vector<const Candidate*> possible;
    const std::string citing_term = date.empty() ? std::string() : refs::PartyTermOn(date);
    for (const Candidate& c : all) {
      bool ok = true;
      if (!date.empty()) {
        if (!c.date.empty()) {
          ok = ComparePrefix(c.date, date) <= 0;
        } else if (!c.term.empty() && !citing_term.empty()) {
          ok = refs::FromRoman(c.term) <= refs::FromRoman(citing_term);
        } else if (!c.year.empty()) {
          ok = ComparePrefix(c.year, date) <= 0;
        }
      }
      if (ok) possible.push_back(&c);
    }
    if (possible.size() == 1) return possible.front()->key;
    auto& list = ambiguous_[symbol];
    if (list.empty()) {
      for (const Candidate& c : all) list.push_back(c.key);
    }
    return symbol;
  }

  void Count(const std::string& key, Xapian::docid d, std::size_t mentions) {
    if (mentions == 0) return;
    RowAcc& row = rows_[key];
    row.mentions += mentions;
    if (!row.docs.empty() && row.docs.back().first == d) {
      row.docs.back().second += mentions;
    } else {
      row.docs.emplace_back(d, mentions);
    }
  }

  void LoadReferences() {
    const std::string prefix(schema::kRefPrefix);
    // Descriptive keys first: they tell which mentions of a resolved symbol came from them.
    std::unordered_map<std::string, std::unordered_map<Xapian::docid, std::vector<std::pair<std::string, std::size_t>>>>
        resolved;  // symbol → doc → (entry key, mentions)
    std::vector<std::string> numbered;
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
      const std::string symbol = (*t).substr(prefix.size());
      if (!symbol.empty() && symbol[0] >= '0' && symbol[0] <= '9') {
        numbered.push_back(symbol);
        continue;
      }
      const Descriptive d = ParseDescriptive(symbol);
      const refs::Registry::Entry* target = nullptr;
      std::vector<std::string> options;
      if (d.plenum && !d.term.empty()) {
        const auto found = registry_.FindByPlenum(d.type, *d.plenum, d.term);
        if (found.size() == 1) target = found.front();
        for (const auto* e : found) options.push_back(e->symbol);
      } else if (d.plenum) {
        // No term: every term's documents of that plenum are candidates.
        for (const auto* e : registry_.FindByPlenum(d.type, *d.plenum, "")) {
          options.push_back(refs::DocumentKey(e->symbol, e->term, e->date));
        }
      }
      if (target != nullptr) {
        const std::string key = refs::DocumentKey(target->symbol, target->term, target->date);
        descriptive_to_key_[symbol] = key;
        for (auto p = db_.postlist_begin(*t); p != db_.postlist_end(*t); ++p) {
          resolved[target->symbol][*p].emplace_back(key, p.get_wdf());
        }
        continue;
      }
      UnresolvedReference u;
      u.reason = d.congress.empty() ? "informal" : "congress";
      u.name = symbol;
      u.type = d.type;
      u.type_name = std::string(refs::NounForCode(d.type));
      u.term = d.term.empty() ? d.congress : d.term;
      u.congress = d.congress;
      u.plenum = d.plenum;
      u.candidates = options;
      u.citing_documents = db_.get_termfreq(*t);
      u.citations = db_.get_collection_freq(*t);
      unresolved_terms_.push_back(*t);
      catalog_.unresolved.push_back(std::move(u));
    }
    PreferSpelledOut(numbered);
    std::size_t done = 0;
    std::vector<std::pair<std::string, std::size_t>> parts;
    for (const std::string& symbol : numbered) {
      if (++done % 2000 == 0) Progress("reference terms", done, numbered.size());
      const std::string term = terms::Ref(symbol);
      const auto keyed_it = keyed_.find(symbol);
      const auto resolved_it = resolved.find(symbol);
      for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) {
        const Xapian::docid d = *p;
        std::size_t rest = p.get_wdf();
        if (auto m = moved_.find(d); m != moved_.end()) {
          if (auto delta = m->second.find(symbol); delta != m->second.end()) {
            rest = static_cast<std::size_t>(std::max<long>(0, static_cast<long>(rest) + delta->second));
          }
        }
        parts.clear();
        if (keyed_it != keyed_.end()) {
          if (auto k = keyed_it->second.find(d); k != keyed_it->second.end()) {
            for (const auto& [key, n] : k->second) {
              parts.emplace_back(key, n);
              rest -= std::min(rest, n);
            }
          }
        }
        if (resolved_it != resolved.end()) {
          if (auto k = resolved_it->second.find(d); k != resolved_it->second.end()) {
            for (const auto& [key, n] : k->second) {
              const std::size_t taken = std::min(rest, n);
              parts.emplace_back(key, taken);
              rest -= taken;
            }
          }
        }
        // A document's mentions of its own number (the header "Số 21-NQ/TW") are no citation.
        const auto own = own_key_.find(d);
        const bool own_symbol = own != own_key_.end() && refs::SplitKey(own->second).symbol == symbol;
        if (rest > 0 && !own_symbol) {
          // A mention without the term in a document that gives the term elsewhere is that
          // term's: one document, one citer.
          bool one_key = !parts.empty();
          for (const auto& [key, n] : parts) one_key = one_key && key == parts.front().first;
          if (one_key) {
            parts.front().second += rest;
          } else {
            parts.emplace_back(ResolveUnkeyed(symbol, DateOf(d)), rest);
          }
        }
        std::sort(parts.begin(), parts.end());
        for (const auto& [key, n] : parts) {
          if (own_symbol && own->second == key) continue;
          Count(key, d, n);
          catalog_.stats.mentions += n;
          citing_docs_.insert(d);
        }
      }
    }
    catalog_.stats.citing_documents = citing_docs_.size();
    MergeYearForms();
  }

  // A bare "Nghị quyết 58" that the recognizer read as 58-NQ/TW, in a document that spells out
  // 58/NQ-CP, is 58/NQ-CP's (CountedMentions). Only documents that cite two symbols of one type
  // and number can hold such a mention, so only those are read: their mentions' moves become
  // `moved_`, per document and symbol, added to the XREF wdfs.
  void PreferSpelledOut(const std::vector<std::string>& numbered) {
    std::unordered_map<std::string, std::vector<std::string>> families;
    for (const std::string& symbol : numbered) {
      const SymbolShape shape = ShapeOf(symbol);
      if (!shape.number.empty()) families[shape.type + " " + shape.number].push_back(symbol);
    }
    std::set<Xapian::docid> shared;
    for (const auto& [family, symbols] : families) {
      if (symbols.size() < 2) continue;
      std::unordered_map<Xapian::docid, int> seen;
      for (const std::string& symbol : symbols) {
        const std::string term = terms::Ref(symbol);
        for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) {
          if (++seen[*p] == 2) shared.insert(*p);
        }
      }
    }
    for (Xapian::docid d : shared) {
      const StoredDocument stored = DecodeStoredDocument(db_.get_document(d).get_data());
      std::unordered_map<std::string, long> delta;
      for (const StoredMention& m : stored.mentions) --delta[m.symbol];
      for (const StoredMention& m : CountedMentions(stored, /*drop_self=*/false)) ++delta[m.symbol];
      for (const auto& [symbol, n] : delta) {
        if (n != 0) moved_[d][symbol] = n;
      }
    }
  }

  // "Nghị định 167/NĐ-CP" dated 2013 and "167/2013/NĐ-CP" are one document: a state key whose
  // symbol omits the year it is known to have joins the symbol that shows it, when the
  // archive or the registry knows that one.
  void MergeYearForms() {
    std::unordered_set<std::string> known;
    for (const auto& [key, row] : rows_) known.insert(std::string(refs::SplitKey(key).symbol));
    for (const refs::Registry::Entry& e : registry_) known.insert(e.symbol);
    for (const auto& [key, docs] : held_) known.insert(std::string(refs::SplitKey(key).symbol));
    std::vector<std::pair<std::string, std::string>> moves;
    for (const auto& [key, row] : rows_) {
      const std::string_view year = refs::SplitKey(key).suffix;
      const std::string_view symbol = refs::SplitKey(key).symbol;
      const std::size_t slash = symbol.find('/');
      if (year.size() != 4 || !AllDigits(year) || slash == std::string_view::npos ||
          symbol.find('/', slash + 1) != std::string_view::npos || symbol.find('-') == std::string_view::npos) {
        continue;
      }
      const std::string full = std::string(symbol.substr(0, slash + 1)) + std::string(year) + "/" +
                               std::string(symbol.substr(slash + 1));
      if (known.count(full)) moves.emplace_back(key, full);
    }
    for (const auto& [from, to] : moves) {
      RowAcc moved = std::move(rows_[from]);
      rows_.erase(from);
      RowAcc& into = rows_[to];
      into.mentions += moved.mentions;
      std::map<Xapian::docid, std::size_t> merged(into.docs.begin(), into.docs.end());
      for (const auto& [d, n] : moved.docs) merged[d] += n;
      into.docs.assign(merged.begin(), merged.end());
      merged_into_[from] = to;
      for (auto& [symbol, list] : ambiguous_) {
        for (auto& k : list) {
          if (k == from) k = to;
        }
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
      }
    }
  }

  const SymbolFacts& FactsOf(const std::string& symbol) {
    auto it = facts_.find(symbol);
    if (it != facts_.end()) return it->second;
    SymbolFacts f;
    for (const refs::Mention& m : recognizer_.Find(symbol)) {
      if (m.Canonical() != symbol) continue;
      f.system = std::string(refs::SystemName(m.system));
      f.type = m.type;
      f.number = m.number;
      f.issuer = m.issuer;
      f.type_name = m.kind.empty() ? std::string(refs::NounForCode(m.type)) : m.kind;
      if (m.kind.empty() && m.system == refs::System::kState && m.type == "QĐ") f.type_name = "Quyết định";
      if (m.kind.empty() && m.system == refs::System::kState && m.type == "TT") f.type_name = "Thông tư";
      if (m.kind.empty() && m.system == refs::System::kParty && m.type == "TT") f.type_name = "Thông tri";
      break;
    }
    return facts_.emplace(symbol, std::move(f)).first->second;
  }

  void MakeEntries() {
    std::set<std::string> keys;
    for (const auto& [key, row] : rows_) keys.insert(key);
    for (const auto& [key, docs] : held_) keys.insert(key);
    for (const std::string& key : keys) {
      CatalogEntry e;
      e.key = key;
      e.symbol = refs::SplitKey(key).symbol;
      const SymbolFacts& f = FactsOf(e.symbol);
      e.system = f.system;
      e.type = f.type;
      e.type_name = f.type_name;
      e.number = f.number;
      e.issuer = f.issuer;
      const std::string_view suffix = refs::SplitKey(key).suffix;
      if (IsRoman(suffix)) e.term = suffix;
      if (auto r = registry_by_key_.find(key); r != registry_by_key_.end()) {
        const refs::Registry::Entry& reg = *r->second;
        e.in_registry = true;
        if (!reg.type_name.empty()) e.type_name = reg.type_name;
        if (e.type.empty()) e.type = reg.type;
        e.issuer_name = reg.issuer_name;
        e.date = reg.date;
        if (e.term.empty()) e.term = reg.term;
        e.plenum = reg.plenum;
        if (!reg.title.empty()) {
          e.title = reg.title;
          e.title_source = TitleSource::kRegistry;
        }
      }
      if (auto h = held_.find(key); h != held_.end() && e.date.empty()) e.date = DateOf(h->second.front());
      if (e.date.empty() && AllDigits(suffix)) e.date = suffix;
      if (auto a = ambiguous_.find(key); a != ambiguous_.end()) e.candidates = a->second;
      if (auto r = rows_.find(key); r != rows_.end()) {
        e.citations = r->second.mentions;
        e.citing_documents = r->second.docs.size();
        for (const auto& [d, n] : r->second.docs) {
          const std::string& date = DateOf(d);
          if (date.empty()) continue;
          if (e.first_cited.empty() || ComparePrefix(date, e.first_cited) < 0) e.first_cited = date;
          if (e.last_cited.empty() || ComparePrefix(date, e.last_cited) > 0) e.last_cited = date;
        }
      }
      catalog_.entries.push_back(std::move(e));
    }
    catalog_.stats.entries_before_filters = catalog_.entries.size();
  }

  void Filter(bool dates) {
    auto keep = [&](const CatalogEntry& e) {
      if (dates) {
        if (!options_.from.empty() && (e.date.empty() || ComparePrefix(e.date, options_.from) < 0)) return false;
        if (!options_.to.empty() && (e.date.empty() || ComparePrefix(e.date, options_.to) > 0)) return false;
        return true;
      }
      if (!options_.types.empty() &&
          std::find(options_.types.begin(), options_.types.end(), e.type) == options_.types.end()) {
        return false;
      }
      if (!options_.issuer.empty() && !SameAsciiCase(e.issuer, options_.issuer)) return false;
      if (!options_.term.empty() && e.term != options_.term) return false;
      return e.citations >= options_.min_citations;
    };
    auto& v = catalog_.entries;
    v.erase(std::remove_if(v.begin(), v.end(), [&](const CatalogEntry& e) { return !keep(e); }), v.end());
  }

  void Sort() {
    auto& v = catalog_.entries;
    auto by_date = [](const CatalogEntry& a, const CatalogEntry& b) {
      if (a.date.empty() != b.date.empty()) return b.date.empty();  // undated last
      if (int c = ComparePrefix(a.date, b.date); c != 0) return c < 0;
      if (a.date.size() != b.date.size()) return a.date.size() < b.date.size();
      if (NumberValue(a.number) != NumberValue(b.number)) return NumberValue(a.number) < NumberValue(b.number);
      return a.key < b.key;
    };
    switch (options_.sort) {
      case CatalogSort::kType:
        std::stable_sort(v.begin(), v.end(), [&](const CatalogEntry& a, const CatalogEntry& b) {
          const int ra = TypeRank(a), rb = TypeRank(b);
          if (ra != rb) return ra < rb;
          if (a.type != b.type) return a.type < b.type;
          return by_date(a, b);
        });
        break;
      case CatalogSort::kCitations:
        std::stable_sort(v.begin(), v.end(), [&](const CatalogEntry& a, const CatalogEntry& b) {
          if (a.citing_documents != b.citing_documents) return a.citing_documents > b.citing_documents;
          if (a.citations != b.citations) return a.citations > b.citations;
          return a.key < b.key;
        });
        break;
      case CatalogSort::kDate:
        std::stable_sort(v.begin(), v.end(), by_date);
        break;
      case CatalogSort::kSymbol:
        std::stable_sort(v.begin(), v.end(), [](const CatalogEntry& a, const CatalogEntry& b) {
          if (a.type != b.type) return a.type < b.type;
          if (NumberValue(a.number) != NumberValue(b.number)) return NumberValue(a.number) < NumberValue(b.number);
          return a.key < b.key;
        });
        break;
    }
    if (options_.limit > 0 && v.size() > options_.limit) v.resize(options_.limit);
  }

  // The row key a stored mention of a document dated `date` was counted under.
  std::string RowKeyOf(const ReadRef& r, const std::string& date) {
    std::string key = RowKeyBeforeMerge(r, date);
    if (auto m = merged_into_.find(key); m != merged_into_.end()) return m->second;
    return key;
  }
  std::string RowKeyBeforeMerge(const ReadRef& r, const std::string& date) {
    if (r.key.find('@') != std::string::npos) return r.key;
    if (r.key != r.symbol && !r.key.empty()) {
      auto it = descriptive_to_key_.find(r.key);
      return it != descriptive_to_key_.end() ? it->second : r.key;
    }
    return ResolveUnkeyed(r.symbol, date);
  }

  static bool Contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

  // "A … thay thế … B", "B được thay thế bằng A", "sửa đổi, bổ sung": relations the text states.
  static void FindRelations(std::string_view text, ReadDoc* doc, bool held) {
    for (int j = 0; j < static_cast<int>(doc->refs.size()); ++j) {
      const ReadRef& r = doc->refs[j];
      const std::size_t sentence = SentenceStart(text, r.begin);
      int prev = -1;
      if (j > 0 && doc->refs[j - 1].end <= r.begin && doc->refs[j - 1].begin >= sentence) prev = j - 1;
      const std::size_t from = prev >= 0 ? doc->refs[prev].end : sentence;
      if (r.begin < from || r.begin - from > 160) continue;
      const std::string_view between = text.substr(from, r.begin - from);
      std::string kind;
      if (Contains(between, "thay thế")) {
        kind = "replaces";
      } else if (Contains(between, "sửa đổi") || Contains(between, "bổ sung")) {
        kind = "amends";
      } else {
        continue;
      }
      const bool passive = Contains(between, "được thay thế") || Contains(between, "được sửa đổi") ||
                           Contains(between, "bị thay thế");
      if (prev >= 0) {
        doc->relations.push_back(passive ? Relation{j, prev, kind} : Relation{prev, j, kind});
      } else if (held && !passive) {
        doc->relations.push_back(Relation{-1, j, kind});
      }
    }
  }

  // Decodes a stored document once; nullptr past the read limit or when it cannot be read.
  const ReadDoc* Read(Xapian::docid d) {
    if (auto it = read_.find(d); it != read_.end()) return &it->second;
    if (catalog_.stats.documents_read >= options_.max_document_reads) {
      catalog_.stats.read_limit_reached = true;
      return nullptr;
    }
    ++catalog_.stats.documents_read;
    ReadDoc doc;
    const StoredDocument stored = DecodeStoredDocument(db_.get_document(d).get_data());
    doc.id = stored.doc.id;
    doc.title = stored.doc.title;
    doc.date = stored.doc.date;
    doc.subject = stored.doc.subject;
    const std::string& text = stored.doc.text;
    for (const StoredMention& m : CountedMentions(stored, /*drop_self=*/false)) {
      ReadRef ref;
      ref.symbol = m.symbol;
      ref.key = m.key;
      ref.surface = m.surface;
      ref.begin = m.begin;
      ref.end = m.end;
      ref.context = SentenceAround(text, ref.begin, ref.end);
      ref.title = TitleAfterMention(std::string_view(text).substr(ref.end, 400), &ref.issuer_name, &ref.date);
      doc.refs.push_back(std::move(ref));
    }
    FindRelations(text, &doc, own_key_.count(d) > 0);
    return &read_.emplace(d, std::move(doc)).first->second;
  }

  CatalogCiter Citer(Xapian::docid d, std::size_t mentions, const std::string& key) {
    CatalogCiter c;
    c.mentions = mentions;
    c.date = DateOf(d);
    const ReadDoc* doc = Read(d);
    if (doc == nullptr) return c;
    c.id = doc->id;
    c.title = doc->title;
    for (const ReadRef& r : doc->refs) {
      if (RowKeyOf(r, c.date) != key) continue;
      c.surface = r.surface;
      c.context = r.context;
      break;
    }
    return c;
  }

  // Citers by most mentions, then newest.
  static std::vector<std::pair<Xapian::docid, std::size_t>> Ranked(const RowAcc& row,
                                                                   const std::vector<std::string>& dates) {
    auto docs = row.docs;
    auto date = [&](Xapian::docid d) -> const std::string& {
      static const std::string kEmpty;
      return d < dates.size() ? dates[d] : kEmpty;
    };
    std::stable_sort(docs.begin(), docs.end(), [&](const auto& a, const auto& b) {
      if (a.second != b.second) return a.second > b.second;
      return date(a.first) > date(b.first);
    });
    return docs;
  }

  // The title the mentions agree on: the longest run of leading words that at least half of
  // the phrases (and two, when there are two or more) share; a single phrase is taken whole.
  // "về X được triển khai" and "về X." give "về X".
  static std::string VoteTitle(const std::vector<std::string>& phrases) {
    if (phrases.empty()) return "";
    std::map<std::string, std::size_t> support;  // word prefix → phrases that start with it
    for (const std::string& p : phrases) {
      for (std::size_t space = p.find(' '); ; space = p.find(' ', space + 1)) {
        support[p.substr(0, space)]++;
        if (space == std::string::npos) break;
      }
    }
    const std::size_t need = phrases.size() == 1 ? 1 : std::max<std::size_t>(2, (phrases.size() + 1) / 2);
    std::string best;
    std::size_t best_words = 0;
    for (const auto& [prefix, n] : support) {
      if (n < need) continue;
      const auto words = static_cast<std::size_t>(std::count(prefix.begin(), prefix.end(), ' ')) + 1;
      if (words > best_words) best = prefix, best_words = words;
    }
    if (best_words < 3) return "";  // "về X" alone says too little
    return Trimmed(best);
  }

  static std::string Majority(const std::vector<std::string>& values) {
    std::map<std::string, std::size_t> n;
    for (const auto& v : values) {
      if (!v.empty()) n[v]++;
    }
    std::string best;
    std::size_t count = 0;
    for (const auto& [v, c] : n) {
      if (c > count) best = v, count = c;
    }
    return best;
  }

  void DescribeEntries() {
    std::size_t done = 0;
    for (CatalogEntry& e : catalog_.entries) {
      if (++done % 500 == 0) Progress("citing documents", done, catalog_.entries.size());
      if (auto h = held_.find(e.key); h != held_.end()) {
        for (Xapian::docid d : h->second) {
          const ReadDoc* doc = Read(d);
          if (doc == nullptr) break;
          e.held_ids.push_back(doc->id);
          if (e.title_source != TitleSource::kDocument) {
            const std::string& t = !doc->subject.empty() ? doc->subject : doc->title;
            if (!t.empty()) {
              e.title = t;
              e.title_source = TitleSource::kDocument;
            }
          }
        }
      }
      auto r = rows_.find(e.key);
      if (r == rows_.end()) continue;
      const auto ranked = Ranked(r->second, dates_);
      for (std::size_t i = 0; i < ranked.size() && i < options_.top_citing; ++i) {
        e.top_citing.push_back(Citer(ranked[i].first, ranked[i].second, e.key));
      }
      const bool need_title = e.title.empty();
      const bool need_more = need_title || e.date.empty() || e.issuer_name.empty();
      if (!need_more) continue;
      std::vector<std::string> titles, issuers, dates;
      const std::size_t sample = std::max(options_.title_sample, options_.top_citing);
      for (std::size_t i = 0; i < ranked.size() && i < sample; ++i) {
        const ReadDoc* doc = Read(ranked[i].first);
        if (doc == nullptr) break;
        const std::string& citing_date = DateOf(ranked[i].first);
        for (const ReadRef& ref : doc->refs) {
          if (RowKeyOf(ref, citing_date) != e.key) continue;
          if (!ref.title.empty()) titles.push_back(ref.title);
          issuers.push_back(ref.issuer_name);
          dates.push_back(ref.date);
        }
      }
      if (need_title) {
        e.title = VoteTitle(titles);
        if (!e.title.empty()) e.title_source = TitleSource::kMentions;
      }
      if (e.issuer_name.empty()) e.issuer_name = Majority(issuers);
      if (e.date.empty()) {
        // A date from the mentions must agree with the entry's term or year.
        const std::string d = Majority(dates);
        const std::string_view suffix = refs::SplitKey(e.key).suffix;
        const bool fits = e.term.empty() ? (suffix.empty() || StartsWith(d, suffix)) : refs::PartyTermOn(d) == e.term;
        if (!d.empty() && fits) e.date = d;
      }
    }
  }

  void Unresolved() {
    for (std::size_t i = 0; i < catalog_.unresolved.size(); ++i) {
      UnresolvedReference& u = catalog_.unresolved[i];
      const std::string& term = unresolved_terms_[i];
      RowAcc row;
      for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) row.docs.emplace_back(*p, p.get_wdf());
      const auto ranked = Ranked(row, dates_);
      std::vector<std::string> titles;
      for (std::size_t k = 0; k < ranked.size() && k < std::max(options_.contexts, options_.title_sample); ++k) {
        const ReadDoc* doc = Read(ranked[k].first);
        if (doc == nullptr) break;
        bool first = true;
        for (const ReadRef& ref : doc->refs) {
          if (ref.key != u.name && ref.symbol != u.name) continue;
          if (!ref.title.empty()) titles.push_back(ref.title);
          if (first && u.contexts.size() < options_.contexts) {
            u.contexts.push_back({doc->id, doc->title, DateOf(ranked[k].first), ranked[k].second, ref.surface, ref.context});
            first = false;
          }
        }
      }
      u.title = VoteTitle(titles);
    }
    std::stable_sort(catalog_.unresolved.begin(), catalog_.unresolved.end(),
                     [](const UnresolvedReference& a, const UnresolvedReference& b) {
                       if (a.citing_documents != b.citing_documents) return a.citing_documents > b.citing_documents;
                       return a.name < b.name;
                     });
  }

  void ScanTexts() {
    std::map<std::string, UnresolvedReference> found;
    const std::size_t total = db_.get_doccount();
    std::size_t done = 0;
    for (auto p = db_.postlist_begin(""); p != db_.postlist_end(""); ++p) {
      if (++done % 1000 == 0) Progress("scanning texts", done, total);
      const Document doc = DecodeStoredDocument(db_.get_document(*p).get_data()).doc;
      const std::string& text = doc.text;
      std::set<std::string> in_doc;
      for (const refs::Mention& m : recognizer_.Find(text)) {
        if (!m.Canonical().empty() || m.number.empty() || m.type.empty()) continue;
        const std::string noun = m.kind.empty() ? std::string(refs::NounForCode(m.type)) : m.kind;
        const std::string name = (noun.empty() ? m.type : noun) + " " + m.number;
        UnresolvedReference& u = found[name];
        if (u.name.empty()) {
          u.reason = "no-issuer";
          u.name = name;
          u.type = m.type;
          u.type_name = noun;
          u.term = m.term;
        }
        ++u.citations;
        if (in_doc.insert(name).second) ++u.citing_documents;
        if (u.contexts.size() < options_.contexts && in_doc.size() > 0 &&
            (u.contexts.empty() || u.contexts.back().id != doc.id)) {
          u.contexts.push_back({doc.id, doc.title, doc.date, 1, m.surface,
                                SentenceAround(text, m.byte_start, m.byte_end)});
        }
      }
    }
    std::vector<UnresolvedReference> list;
    for (auto& [name, u] : found) list.push_back(std::move(u));
    std::stable_sort(list.begin(), list.end(), [](const UnresolvedReference& a, const UnresolvedReference& b) {
      return a.citing_documents > b.citing_documents;
    });
    for (auto& u : list) catalog_.unresolved.push_back(std::move(u));
  }

  // Each entry's validity: the rule order of search/validity.h DecideValidity, read from
  // whether any document states that relation of its symbol (own expiry dates aside).
  void Statuses() {
    auto stated = [&](std::string_view type, const std::string& symbol) {
      return db_.term_exists(terms::Relation(type, symbol));
    };
    for (CatalogEntry& e : catalog_.entries) {
      if (stated("repeals", e.symbol)) {
        e.status = "repealed";
      } else if (stated("replaces", e.symbol)) {
        e.status = "replaced";
      } else if (stated("expires", e.symbol)) {
        e.status = "expired";
      } else if (stated("amends", e.symbol) || stated(schema::kRepealsPartType, e.symbol)) {
        e.status = "amended";
      }
    }
  }

  void Graph() {
    std::unordered_set<std::string> nodes;
    for (const CatalogEntry& e : catalog_.entries) nodes.insert(e.key);
    std::set<std::tuple<std::string, std::string, std::string>> seen;
    auto add = [&](CatalogEdge edge) {
      if (!seen.insert({edge.from, edge.to, edge.kind}).second) return;
      catalog_.edges.push_back(std::move(edge));
    };
    std::map<Xapian::docid, std::string> article_nodes;
    for (const CatalogEntry& e : catalog_.entries) {
      auto r = rows_.find(e.key);
      if (r == rows_.end()) continue;
      for (const auto& [d, n] : r->second.docs) {
        if (auto own = own_key_.find(d); own != own_key_.end()) {
          if (nodes.count(own->second)) add({own->second, e.key, "cites", n, ""});
          continue;
        }
        if (!options_.graph_articles) continue;
        auto a = article_nodes.find(d);
        if (a == article_nodes.end()) {
          // The id term is the document's only "Q" term; reading it is cheaper than the data.
          std::string id;
          auto t = db_.termlist_begin(d);
          t.skip_to(std::string(schema::kIdPrefix));
          if (t != db_.termlist_end(d) && (*t).rfind(schema::kIdPrefix, 0) == 0) id = (*t).substr(schema::kIdPrefix.size());
          a = article_nodes.emplace(d, "doc:" + id).first;
          catalog_.articles.push_back({a->second, id, "", DateOf(d)});
        }
        add({a->second, e.key, "cites", n, ""});
      }
    }
    // What registry titles say: "… (thay thế Quy định 126-QĐ/TW ngày 28/2/2018)".
    for (const CatalogEntry& e : catalog_.entries) {
      if (!e.in_registry || e.title.empty()) continue;
      ReadDoc doc;
      for (const refs::Mention& m : recognizer_.Find(e.title)) {
        ReadRef r;
        r.symbol = m.resolved_symbol.empty() ? m.Canonical() : m.resolved_symbol;
        if (r.symbol.empty()) continue;
        r.key = m.Key();
        r.begin = m.byte_start;
        r.end = m.byte_end;
        doc.refs.push_back(std::move(r));
      }
      FindRelations(e.title, &doc, /*held=*/true);  // the title speaks for the entry
      for (const Relation& rel : doc.relations) {
        const std::string from = rel.from < 0 ? e.key : RowKeyOf(doc.refs[rel.from], e.date);
        const std::string to = RowKeyOf(doc.refs[rel.to], e.date);
        if (from != to && nodes.count(from) && nodes.count(to)) add({from, to, rel.kind, 1, "registry"});
      }
    }
    // What the texts read so far (held documents, top citers) say replaces or amends what.
    for (const auto& [d, doc] : read_) {
      const std::string& date = DateOf(d);
      const auto own = own_key_.find(d);
      for (const Relation& rel : doc.relations) {
        const std::string to = RowKeyOf(doc.refs[rel.to], date);
        std::string from;
        if (rel.from < 0) {
          if (own == own_key_.end()) continue;
          from = own->second;
        } else {
          from = RowKeyOf(doc.refs[rel.from], date);
        }
        if (from == to || !nodes.count(from) || !nodes.count(to)) continue;
        add({from, to, rel.kind, 1, doc.id});
      }
    }
    // What official documents state of others, as the indexer extracted it (XREL: terms):
    // every typed edge, the stating document as evidence.
    const std::string rel_prefix(schema::kRelationPrefix);
    for (auto t = db_.allterms_begin(rel_prefix); t != db_.allterms_end(rel_prefix); ++t) {
      const std::string term = *t;
      const std::size_t colon = term.find(':', rel_prefix.size());
      if (colon == std::string::npos) continue;
      std::string kind = term.substr(rel_prefix.size(), colon - rel_prefix.size());
      if (kind == schema::kRepealsPartType) kind = "repeals";
      const std::string target = term.substr(colon + 1);
      for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term); ++p) {
        const auto own = own_key_.find(*p);
        if (own == own_key_.end()) continue;
        std::string to = ResolveUnkeyed(target, DateOf(*p));
        if (auto m = merged_into_.find(to); m != merged_into_.end()) to = m->second;
        if (own->second == to || !nodes.count(to)) continue;
        std::string id;
        auto it = db_.termlist_begin(*p);
        it.skip_to(std::string(schema::kIdPrefix));
        if (it != db_.termlist_end(*p) && (*it).rfind(schema::kIdPrefix, 0) == 0) id = (*it).substr(schema::kIdPrefix.size());
        add({own->second, to, kind, 1, id});
      }
    }
    std::stable_sort(catalog_.edges.begin(), catalog_.edges.end(), [](const CatalogEdge& a, const CatalogEdge& b) {
      return std::tie(a.kind, a.from, a.to) < std::tie(b.kind, b.from, b.to);
    });
  }

  std::string dir_;
  Xapian::Database db_;
  refs::Registry registry_;
  refs::Recognizer recognizer_;  // reads symbols back into their parts; uses registry_
  const CatalogOptions& options_;
  Catalog catalog_;

  std::vector<std::string> dates_;  // by docid
  std::unordered_map<std::string, std::vector<Xapian::docid>> held_;  // own key → documents
  std::unordered_map<Xapian::docid, std::string> own_key_;
  std::unordered_map<std::string, const refs::Registry::Entry*> registry_by_key_;
  std::unordered_map<std::string, std::vector<Candidate>> candidates_;  // symbol → keys it may mean
  std::unordered_map<std::string, std::vector<std::string>> ambiguous_;  // symbol → candidate keys
  // symbol → document → (key, mentions) of the mentions that said their term or year
  std::unordered_map<std::string, std::unordered_map<Xapian::docid, std::vector<std::pair<std::string, std::size_t>>>>
      keyed_;
  std::unordered_map<std::string, std::string> descriptive_to_key_;
  std::unordered_map<std::string, std::string> merged_into_;  // "167/NĐ-CP@2013" → "167/2013/NĐ-CP"
  std::unordered_map<std::string, RowAcc> rows_;
  // document → symbol → mentions moved to it (+) or from it (-) by PreferSpelledOut
  std::unordered_map<Xapian::docid, std::unordered_map<std::string, long>> moved_;
  std::unordered_set<Xapian::docid> citing_docs_;
  std::vector<std::string> unresolved_terms_;  // parallel to the first catalog_.unresolved
  std::unordered_map<std::string, SymbolFacts> facts_;
  std::unordered_map<Xapian::docid, ReadDoc> read_;
};

}  // namespace

// Everything the catalogue reads (reference terms, the date slot, the stored registry and the
// mentions of the stored data) is the same since schema 3.
constexpr int kMinSchema = 3;

Result<CatalogOptions> NormalizeCatalogFilters(const CatalogOptions& typed) {
  // The search filters' own readings, so that `--type nghi-quyet --term 13 --from 30/6/2020`
  // means the same in the catalogue as in a search, from the CLI or the API.
  const text::Analyzer analyzer;
  const FilterBuilder filters(analyzer, nullptr);
  CatalogOptions o = typed;
  o.types.clear();
  for (const std::string& t : typed.types) {
    const std::string code = filters.TypeCode(t);
    if (code.empty()) {
      return Status::InvalidArgument("type '" + t + "' is no document type: write a code (NQ, KL, CT, QĐ …) or "
                                     "a name (nghị quyết, chỉ thị)");
    }
    o.types.push_back(code);
  }
  if (!typed.issuer.empty()) {
    const std::string code = filters.IssuerCode(typed.issuer);
    o.issuer = code.empty() ? typed.issuer : code;  // an unknown code still filters as typed
  }
  if (!typed.term.empty()) {
    o.term = FilterBuilder::TermNumeral(typed.term);
    if (o.term.empty()) return Status::InvalidArgument("term '" + typed.term + "' is not a Party term (write XIII or 13)");
  }
  for (auto [from, to] : {std::pair{&typed.from, &o.from}, std::pair{&typed.to, &o.to}}) {
    if (from->empty()) continue;
    *to = FilterBuilder::DateValue(*from);
    if (to->empty() || !IsDateFilter(*to)) {
      return Status::InvalidArgument("date '" + *from + "' is not a date: write YYYY, MM/YYYY, DD/MM/YYYY or YYYY-MM-DD (2020, 6/2020, 30/6/2020, 2020-06-30)");
    }
  }
  return o;
}

Result<Catalog> BuildCatalog(const std::string& dir, const CatalogOptions& typed_options) {
  auto normalized = NormalizeCatalogFilters(typed_options);
  if (!normalized.ok()) return normalized.status();
  const CatalogOptions& options = *normalized;
  ReadRequirements requirements;
  requirements.min_schema = kMinSchema;
  requirements.local_only =
      "the catalogue reads the whole index, which remote shards cannot serve: build it where the "
      "shards are, from a stub listing their directories";
  // A writer committing while we read can invalidate our revision: open the newest and start
  // again, as often as the searcher would (index_reader.h).
  for (int attempt = 1;; ++attempt) {
    auto opened = OpenForReading(dir, OpenOptions{}, requirements);
    if (!opened.ok()) return opened.status();
    try {
      Builder builder(dir, std::move(opened->index.db), std::move(opened->registry), options);
      return builder.Build();
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt == kReadAttempts) return ReadError(e, dir, "building the catalogue");
    } catch (const Xapian::Error& e) {
      return ReadError(e, dir, "building the catalogue");
    }
  }
}

}  // namespace vankien::search
