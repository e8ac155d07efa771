#include "indexer/base/i18n.h"

#include <boost/locale/generator.hpp>
#include <boost/locale/message.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <locale>
#include <system_error>

namespace vankien::i18n {
namespace {

constexpr const char* kDomain = "vankien";

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// "vi", "vi_VN", "vi-VN", "vi_VN.UTF-8": the language part is exactly "vi" (not "vie...").
bool IsLanguage(std::string_view entry, std::string_view code) {
  if (!StartsWith(entry, code)) return false;
  if (entry.size() == code.size()) return true;
  const char next = entry[code.size()];
  return next == '_' || next == '-' || next == '.' || next == '@';
}

std::string DirOfExecutable() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

// The Vietnamese catalogue, built once. Boost.Locale's generator reads the .mo itself; the
// locale name only picks the file and the plural rule, so "vi_VN.UTF-8" works without any
// system locale. Only the message facets are built (no ICU collation or formatting).
struct Catalogues {
  std::locale vietnamese;
  bool vietnamese_found = false;

  Catalogues() {
    boost::locale::generator gen;
    gen.categories(boost::locale::message_facet | boost::locale::information_facet);
    for (const std::string& dir : CatalogueDirs()) {
      std::error_code ec;
      if (!vietnamese_found &&
          std::filesystem::is_regular_file(dir + "/vi/LC_MESSAGES/" + kDomain + ".mo", ec)) {
        vietnamese_found = true;
      }
      gen.add_messages_path(dir);
    }
    gen.add_messages_domain(kDomain);
    try {
      vietnamese = gen("vi_VN.UTF-8");
    } catch (const std::exception&) {
      vietnamese_found = false;  // a broken .mo: English rather than no message at all
    }
  }
};

const Catalogues& Loaded() {
  static const Catalogues catalogues;  // thread-safe initialisation (C++11 statics)
  return catalogues;
}

}  // namespace

Language LanguageFrom(const char* language, const char* lc_all, const char* lc_messages, const char* lang) {
  const char* locale = nullptr;
  for (const char* v : {lc_all, lc_messages, lang}) {
    if (v != nullptr && *v != '\0') {
      locale = v;
      break;
    }
  }
  if (locale == nullptr) return Language::kEnglish;
  const std::string_view name(locale);
  if (name == "C" || name == "POSIX" || StartsWith(name, "C.")) return Language::kEnglish;
  if (language != nullptr) {
    std::string_view list(language);
    while (!list.empty()) {
      const std::size_t colon = list.find(':');
      const std::string_view entry = list.substr(0, colon);
      if (IsLanguage(entry, "vi")) return Language::kVietnamese;
      if (IsLanguage(entry, "en")) return Language::kEnglish;
      if (colon == std::string_view::npos) break;
      list.remove_prefix(colon + 1);
    }
  }
  return IsLanguage(name, "vi") ? Language::kVietnamese : Language::kEnglish;
}

Language LanguageFromEnvironment() {
  return LanguageFrom(std::getenv("LANGUAGE"), std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"),
                      std::getenv("LANG"));
}

Language LanguageFromAcceptLanguage(std::string_view header, Language fallback) {
  // Entries in the order given, without weighing q= values: browsers list the preferred first.
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    std::string_view entry = header.substr(0, comma);
    while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
    entry = entry.substr(0, entry.find(';'));
    std::string lower(entry);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (IsLanguage(lower, "vi")) return Language::kVietnamese;
    if (IsLanguage(lower, "en")) return Language::kEnglish;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return fallback;
}

std::string Tr(Language lang, const char* msgid) {
  if (lang == Language::kEnglish) return msgid;
  const Catalogues& c = Loaded();
  if (!c.vietnamese_found) return msgid;
  return boost::locale::translate(msgid).str(c.vietnamese);
}

std::string TrN(Language lang, const char* singular, const char* plural, unsigned long long n) {
  if (lang == Language::kEnglish) return n == 1 ? singular : plural;
  const Catalogues& c = Loaded();
  if (!c.vietnamese_found) return n == 1 ? singular : plural;
  return boost::locale::translate(singular, plural, static_cast<long long>(n)).str(c.vietnamese);
}

std::string Subst(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  out.reserve(pattern.size() + 16);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      std::size_t j = i + 1;
      std::size_t k = 0;
      while (j < pattern.size() && pattern[j] >= '0' && pattern[j] <= '9' && j - i <= 3) {
        k = k * 10 + static_cast<std::size_t>(pattern[j] - '0');
        ++j;
      }
      if (j > i + 1 && j < pattern.size() && pattern[j] == '}' && k >= 1 && k <= args.size()) {
        out.append(args.begin()[k - 1]);
        i = j;
        continue;
      }
    }
    out.push_back(pattern[i]);
  }
  return out;
}

std::string Number(Language lang, unsigned long long n) {
  const std::string digits = std::to_string(n);
  const char sep = lang == Language::kVietnamese ? '.' : ',';
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(sep);
    out.push_back(digits[i]);
  }
  return out;
}

std::string Fixed(Language lang, double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);  // vankien never calls setlocale: '.' always
  std::string out(buf);
  if (lang == Language::kVietnamese) {
    for (char& c : out) c = c == '.' ? ',' : c;
  }
  return out;
}

std::string Date(Language lang, std::string_view iso) {
  if (lang != Language::kVietnamese) return std::string(iso);
  auto digits = [&](std::size_t from, std::size_t count) {
    if (iso.size() < from + count) return false;
    for (std::size_t i = from; i < from + count; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
    }
    return true;
  };
  if (iso.size() == 10 && digits(0, 4) && iso[4] == '-' && digits(5, 2) && iso[7] == '-' && digits(8, 2)) {
    return std::string(iso.substr(8, 2)) + "/" + std::string(iso.substr(5, 2)) + "/" + std::string(iso.substr(0, 4));
  }
  if (iso.size() == 7 && digits(0, 4) && iso[4] == '-' && digits(5, 2)) {
    return std::string(iso.substr(5, 2)) + "/" + std::string(iso.substr(0, 4));
  }
  return std::string(iso);
}

std::vector<std::string> CatalogueDirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("VANKIEN_LOCALEDIR"); env != nullptr && *env != '\0') dirs.emplace_back(env);
  // Beside the executable first: an installed (or relocated) vankien uses its own catalogue,
  // not that of the build tree it was built in; build/bin/../share/locale does not exist.
  if (const std::string exe_dir = DirOfExecutable(); !exe_dir.empty()) {
    dirs.push_back(exe_dir + "/../share/locale");
  }
#ifdef VANKIEN_BUILD_LOCALEDIR
  dirs.emplace_back(VANKIEN_BUILD_LOCALEDIR);
#endif
#ifdef VANKIEN_INSTALL_LOCALEDIR
  dirs.emplace_back(VANKIEN_INSTALL_LOCALEDIR);
#endif
  return dirs;
}

bool HasCatalogue(Language lang) { return lang == Language::kEnglish || Loaded().vietnamese_found; }

}  // namespace vankien::i18n
