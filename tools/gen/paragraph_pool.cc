#include "tools/gen/paragraph_pool.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <utility>

#include "indexer/doc/line_reader.h"
#include "indexer/doc/loader.h"

namespace vankien::gen {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || (c >= 'a' && c <= 'z'); }

// One space for every run of white space; no space at either end.
void CollapseSpaces(std::string_view text, std::string* out) {
  out->clear();
  out->reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (IsSpace(c)) {
      pending_space = !out->empty();
      continue;
    }
    if (pending_space) out->push_back(' ');
    pending_space = false;
    out->push_back(c);
  }
}

// "TP." in "TP. Hồ Chí Minh", "T." in "ông Nguyễn T.": a period that does not end a sentence.
bool IsAbbreviation(std::string_view s, std::size_t dot) {
  std::size_t start = dot;
  while (start > 0 && s[start - 1] != ' ') --start;
  const std::string_view word = s.substr(start, dot - start);
  if (word.empty() || word.size() > 2 || !IsAsciiUpper(word[0])) return false;
  for (char c : word) {
    if (!IsAsciiAlpha(c)) return false;
  }
  return true;
}

// The first code point of `s`, 0 when `s` is empty or does not start with valid UTF-8.
char32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if (b(0) < 0x80) return b(0);
  if ((b(0) & 0xE0) == 0xC0 && s.size() >= 2) return (b(0) & 0x1F) << 6 | (b(1) & 0x3F);
  if ((b(0) & 0xF0) == 0xE0 && s.size() >= 3) {
    return (b(0) & 0x0F) << 12 | (b(1) & 0x3F) << 6 | (b(2) & 0x3F);
  }
  return 0;
}

// Lower-case Vietnamese letters: ASCII, Latin-1 (à..ý), Latin Extended-A (ă, đ, ĩ, ũ: odd code
// points), ơ, ư, and Latin Extended Additional (ạ..ỹ: odd code points).
bool IsLowerLetter(char32_t c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 0xE0 && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 1;
  if (c == 0x1A1 || c == 0x1B0) return true;
  return c >= 0x1EA0 && c <= 0x1EF9 && c % 2 == 1;
}

// A paragraph starts like a sentence: not with a lower-case letter or with punctuation that
// continues one (", anh ta yêu cầu ..." left over from a badly cut sentence).
bool StartsLikeSentence(std::string_view s) {
  const char32_t c = FirstCodePoint(s);
  if (c == 0 || IsLowerLetter(c)) return false;
  return c >= 0x80 ||
         std::string_view(",.;:!?)-]}").find(static_cast<char>(c)) == std::string_view::npos;
}

// Whether the space at `i` follows the end of a sentence.
bool EndsSentence(std::string_view s, std::size_t i) {
  if (i == 0) return false;
  const char prev = s[i - 1];
  if (prev == '!' || prev == '?') return true;
  if (prev == '.') return !IsAbbreviation(s, i - 1);
  return i >= 3 && s.substr(i - 3, 3) == "\xE2\x80\xA6";  // U+2026 HORIZONTAL ELLIPSIS
}

}  // namespace

std::vector<std::string_view> SplitSentences(std::string_view text, std::string* scratch) {
  CollapseSpaces(text, scratch);
  const std::string_view s = *scratch;
  std::vector<std::string_view> sentences;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != ' ' || !EndsSentence(s, i)) continue;
    sentences.push_back(s.substr(start, i - start));
    start = i + 1;
  }
  if (start < s.size()) sentences.push_back(s.substr(start));
  return sentences;
}

PoolSampler::PoolSampler(const PoolOptions& options, std::uint64_t seed)
    : options_(options), rng_(seed) {}

void PoolSampler::AddArticle(std::string_view title, std::string_view lead, std::string_view text) {
  ++articles_;
  CollapseSpaces(title, &paragraph_);
  OfferTitle(paragraph_);
  CollapseSpaces(lead, &paragraph_);
  Offer(paragraph_);

  const auto target_of = [this] {
    return options_.min_target + rng_.Below(options_.max_target - options_.min_target + 1);
  };
  std::size_t target = target_of();
  paragraph_.clear();
  for (std::string_view sentence : SplitSentences(text, &scratch_)) {
    if (!paragraph_.empty()) paragraph_.push_back(' ');
    paragraph_.append(sentence);
    if (paragraph_.size() < target) continue;
    Offer(paragraph_);
    paragraph_.clear();
    target = target_of();
  }
  Offer(paragraph_);  // the leftover, when long enough
}

void PoolSampler::Offer(std::string_view paragraph) {
  if (paragraph.size() < options_.min_paragraph || paragraph.size() > options_.max_paragraph ||
      !StartsLikeSentence(paragraph)) {
    return;
  }
  ++paragraphs_seen_;
  auto& kept = pool_.paragraphs;
  if (kept.size() < options_.max_paragraphs) {
    kept.emplace_back(paragraph);
    return;
  }
  // Algorithm R: the n-th paragraph replaces a kept one with probability max/n.
  const std::uint64_t slot = rng_.Below(paragraphs_seen_);
  if (slot < kept.size()) kept[slot].assign(paragraph);
}

void PoolSampler::OfferTitle(std::string_view title) {
  if (title.size() < 10 || options_.max_titles == 0) return;
  ++titles_seen_;
  auto& kept = pool_.titles;
  if (kept.size() < options_.max_titles) {
    kept.emplace_back(title);
    return;
  }
  const std::uint64_t slot = rng_.Below(titles_seen_);
  if (slot < kept.size()) kept[slot].assign(title);
}

ParagraphPool PoolSampler::Take() { return std::exchange(pool_, ParagraphPool{}); }

namespace {

// The lead paragraph: baomoi calls it "sapo", VietNews "abstract".
std::string_view LeadOf(const Document& doc) {
  for (const auto& [key, value] : doc.fields) {
    if (key == "sapo" || key == "abstract") return value;
  }
  return {};
}

Status ReadNewsFile(const std::string& path, PoolSampler* sampler) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound(path + ": no such file");
  }
  auto reader = LineReader::Open(path);
  if (!reader.ok()) return reader.status();
  std::string line;
  while (true) {
    const auto outcome = (*reader)->Next(&line);
    if (outcome == LineReader::Outcome::kEnd) return Status::Ok();
    if (outcome == LineReader::Outcome::kError) return (*reader)->status();
    if (outcome == LineReader::Outcome::kTooLong) continue;
    auto doc = ParseJsonRecord(line);
    if (!doc.ok()) continue;  // a bad record costs one article, not the run
    sampler->AddArticle(doc->title, LeadOf(*doc), doc->text);
  }
}

}  // namespace

Result<ParagraphPool> LoadParagraphPool(
    const std::vector<std::string>& paths, const PoolOptions& options, std::uint64_t seed,
    const std::function<void(const std::string&, std::size_t, double)>& on_file) {
  PoolSampler sampler(options, seed);
  for (const std::string& path : paths) {
    const auto start = std::chrono::steady_clock::now();
    const std::size_t before = sampler.articles();
    if (Status s = ReadNewsFile(path, &sampler); !s.ok()) return s;
    if (on_file) {
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      on_file(path, sampler.articles() - before, took.count());
    }
  }
  ParagraphPool pool = sampler.Take();
  if (pool.paragraphs.empty()) {
    std::string names;
    for (const std::string& p : paths) names += (names.empty() ? "" : ", ") + p;
    return Status::InvalidArgument("no paragraph of at least " +
                                   std::to_string(options.min_paragraph) + " bytes in " +
                                   (names.empty() ? std::string("(no files)") : names));
  }
  return pool;
}

}  // namespace vankien::gen
