// How a document key (indexer/refs/key.h) is shown to people: "21-NQ/TW@XIII" as
// "21-NQ/TW (khóa XIII)", "NQ/TW/HNTW4/XII" as "Nghị quyết Hội nghị Trung ương 4 (khóa XII)".
// Keys stay the identifiers of JSON and links; this is for text users read.
// Thread-safety: pure functions.
#ifndef VANKIEN_SEARCH_DISPLAY_KEY_H_
#define VANKIEN_SEARCH_DISPLAY_KEY_H_

#include <string>
#include <string_view>

#include "indexer/base/i18n.h"

namespace vankien::search {

// `key` for reading in `lang`: a Roman term suffix as "(khóa XIII)" ("(term XIII)" in English),
// a year suffix as "(2021)"; a plenum key "T/I/HNTWn[/TERM]" as the type's noun + "Hội nghị
// Trung ương n" + term; a congress key "T/ĐH/N" as noun + "Đại hội N". Anything else unchanged.
std::string DisplayKey(i18n::Language lang, std::string_view key);

}  // namespace vankien::search

#endif  // VANKIEN_SEARCH_DISPLAY_KEY_H_
