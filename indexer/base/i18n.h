// User-facing messages in the user's language: GNU gettext catalogues (po/<lang>.po, compiled
// to <dir>/<lang>/LC_MESSAGES/vankien.mo by the build) read through Boost.Locale, which parses
// the .mo files itself, so no system locale needs to be generated. English is the msgid.
// Thread-safety: every function may be called from any thread; catalogues load once, on first use.
#ifndef VANKIEN_INDEXER_BASE_I18N_H_
#define VANKIEN_INDEXER_BASE_I18N_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace vankien::i18n {

// The languages vankien speaks. The msgids are English; Vietnamese comes from po/vi.po.
enum class Language { kEnglish, kVietnamese };

// The language of messages as GNU gettext chooses it: the first of LC_ALL, LC_MESSAGES, LANG
// that is set and non-empty names the locale; "C", "POSIX" or none gives English (gettext
// ignores LANGUAGE then too); otherwise LANGUAGE, a colon-separated list, is read first, and
// the first entry that is Vietnamese ("vi", "vi_VN" …) or English ("en" …) wins; otherwise the
// locale's own language: Vietnamese when it starts with "vi", else English.
Language LanguageFrom(const char* language, const char* lc_all, const char* lc_messages,
                      const char* lang);
// LanguageFrom() on this process's environment.
Language LanguageFromEnvironment();
// The language an HTTP Accept-Language header prefers among ours ("en-US,en;q=0.8" →
// English); `fallback` when it names neither (or is empty).
Language LanguageFromAcceptLanguage(std::string_view header, Language fallback);

// `msgid` (English) in `lang`; the msgid itself when the catalogue lacks it or was not found.
// Mark strings with Tr/TrN (or Mark, for tables translated later) so xgettext finds them
// (cmake/i18n.cmake: Tr(msgid) and Tr(lang, msgid), TrN(s, p, n) and TrN(lang, s, p, n)).
std::string Tr(Language lang, const char* msgid);
// The form of `singular`/`plural` for count `n` (English: singular only when n == 1).
std::string TrN(Language lang, const char* singular, const char* plural, unsigned long long n);
// Marks a msgid for xgettext without translating it (for tables; translate with Tr on use).
constexpr const char* Mark(const char* msgid) { return msgid; }

// `pattern` with "{1}", "{2}" … replaced by args[0], args[1] … (translators may reorder them);
// a placeholder without an argument is kept as it is.
std::string Subst(std::string_view pattern, std::initializer_list<std::string_view> args);

// A count with thousands separators: "32.282" in Vietnamese, "32,282" in English.
std::string Number(Language lang, unsigned long long n);

// `value` with `decimals` digits after the decimal sign: "6,086" in Vietnamese, "6.086" in English.
std::string Fixed(Language lang, double value, int decimals);

// An ISO date as users of `lang` write it: Vietnamese "2024-05-18" → "18/05/2024", "2024-05" →
// "05/2024", a year stays; English, and text that is not an ISO date, unchanged.
std::string Date(Language lang, std::string_view iso);

// The directories searched for <lang>/LC_MESSAGES/vankien.mo, first match wins:
// $VANKIEN_LOCALEDIR, ../share/locale beside the running executable, the build tree's locale
// dir, and the configured install dir.
std::vector<std::string> CatalogueDirs();
// True when a catalogue for `lang` was found and loaded (English needs none: always true).
bool HasCatalogue(Language lang);

}  // namespace vankien::i18n

#endif  // VANKIEN_INDEXER_BASE_I18N_H_
