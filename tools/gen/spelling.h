// How real text writes a reference to a document: the canonical symbol after its noun
// ("Nghị quyết số 21-NQ/TW", "Nghị định 01/2021/NĐ-CP") and the informal and malformed spellings
// people use ("nq 21/tw", "21/NQ-TW", "21 - NQ/TƯ", "Quy định 37-QD/TW", "Chỉ thị 05 của Bộ
// Chính trị", "Nghị quyết Trung ương 4 khóa XII").
// Thread-safety: pure functions; randomness comes from the caller's Rng.
#ifndef VANKIEN_TOOLS_GEN_SPELLING_H_
#define VANKIEN_TOOLS_GEN_SPELLING_H_

#include <string>
#include <string_view>

#include "tools/gen/citations.h"
#include "tools/gen/random.h"

namespace vankien::gen {

enum class Spelling {
  kNounSo,    // Nghị quyết số 21-NQ/TW
  kNoun,      // Nghị quyết 21-NQ/TW
  kNounTerm,  // Nghị quyết số 21-NQ/TW (khóa XII)
  kNounDate,  // Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương
  kBare,      // 21-NQ/TW
  kTuSign,    // Nghị quyết 21-NQ/TƯ, 21 - NQ/TƯ
  kSpaced,  // Nghị quyết 21 - NQ / TW, Nghị định số 01/2021/NĐ - CP (word-segmented text)
  kSwapped,       // 21/NQ-TW
  kCodeFirst,     // nq 21/tw, KL 06/BTCTW
  kUnaccented,    // Quy định 37-QD/TW, Nghị định số 01/2021/ND-CP
  kIssuerPhrase,  // Chỉ thị 05 của Bộ Chính trị
  kPlenum,  // Nghị quyết Trung ương 4 khóa XII, NQTW 4 (khóa XII), Nghị quyết Hội nghị
            // lần thứ tư Ban Chấp hành Trung ương khóa XII
};

// "noun-so", "code-first", ...: for statistics.
std::string_view SpellingName(Spelling s);

struct Rendered {
  std::string surface;
  Spelling spelling = Spelling::kNounSo;
  bool states_term = false;  // the surface ends with the document's term ("khóa XII")
  bool states_date = false;  // the surface gives the document's date ("ngày 25/10/2017")
};

// One way real text writes a reference to `doc`, drawn among the spellings its shape allows
// with realistic frequencies: mostly the canonical symbol after the noun; informal spellings
// for the common Party and state shapes; the plenum form only for a Party Central Committee
// resolution with a known plenum and term. Each is a spelling the project's recognizer reads
// back as `doc`: the same canonical symbol, or for the plenum form the same plenum and term.
Rendered RenderMention(const CitedDocument& doc, Rng& rng);

// A "YYYY-MM-DD" date as Vietnamese text writes it after "ngày": "25/10/2017", "05/8/2022" or
// "25 tháng 10 năm 2017". Returns `date` unchanged when it is not a full date.
std::string SpokenDate(std::string_view date, Rng& rng);

}  // namespace vankien::gen

#endif  // VANKIEN_TOOLS_GEN_SPELLING_H_
