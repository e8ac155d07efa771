// Character-encoding detection and conversion for incoming documents: turns any bytes (UTF-8,
// UTF-16, or the legacy Vietnamese 8-bit encodings TCVN3/ABC, VNI-Windows, VISCII,
// Windows-1258, the 7-bit VIQR mnemonic, or Windows-1252) into NFC UTF-8, and repairs UTF-8
// text that holds TCVN3/VNI bytes mis-decoded as Windows-1252 ("ViÖt Nam", "Vieät Nam").
//
// The byte tables are written out in encoding.cc (TCVN3 and VISCII checked against glibc iconv
// "TCVN5712-1" and "VISCII"; VNI from the xvnkb vni.h table); Windows-1258 goes through ICU's
// "windows-1258" converter. See /work/shared/domain/vietnamese-documents.md §3.5.
//
// Thread-safety: every function here may be called from any number of threads at once. The
// tables are immutable (the derived ones are built once, on first use, by thread-safe static
// initialization), ICU normalizers are ICU's shared immutable instances, and the one ICU
// converter used (windows-1258) is opened and closed inside each call.
#ifndef VANKIEN_INDEXER_TEXT_ENCODING_H_
#define VANKIEN_INDEXER_TEXT_ENCODING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vankien::text {

enum class Encoding {
  kUtf8,
  kUtf16Le,
  kUtf16Be,
  kWindows1258,
  kTcvn3,  // TCVN 5712:1993 VN3 ("ABC", .VnTime fonts); VN1 capitals at 0x80-0x9F accepted
  kVni,    // VNI-Windows: base letter + modifier byte
  kViscii,
  kViqr,  // RFC 1456 mnemonic: "Vie^.t Nam", "DDa?ng"
  kWindows1252,
};

// The canonical lower-case name: "utf-8", "utf-16le", "utf-16be", "windows-1258", "tcvn3",
// "vni", "viscii", "viqr", "windows-1252".
std::string_view EncodingName(Encoding encoding);

// The encoding a name denotes, case-insensitively: the canonical names and the aliases "utf8",
// "utf16le", "utf16be", "cp1258", "tcvn", "tcvn-3", "tcvn5712", "tcvn5712-1", "abc",
// "vni-windows", "cp1252", "iso-8859-1", "latin-1", "latin1" (read as Windows-1252).
// nullopt otherwise.
std::optional<Encoding> ParseEncoding(std::string_view name);

struct Decoded {
  std::string text;  // valid UTF-8, NFC, BOM removed
  // What the text was read as. After a mojibake repair this is the legacy encoding the text
  // really was in (kTcvn3 / kVni), or kUtf8 when doubly encoded UTF-8 ("Viá»‡t") was undone.
  Encoding encoding = Encoding::kUtf8;
  double confidence = 0;  // 0..1, how sure detection is (1 for a BOM or a forced encoding)
  // The input was valid UTF-8 whose characters were TCVN3/VNI (or UTF-8) bytes mis-decoded as
  // Windows-1252, and `text` is the repaired reading.
  bool repaired_mojibake = false;
  std::size_t invalid = 0;  // bytes/sequences that could not be decoded (replaced by U+FFFD)
};

// Detects the encoding of `bytes` (or uses `forced`) and converts to NFC UTF-8.
//
// Detection, in order:
//   1. A BOM (UTF-8, UTF-16LE, UTF-16BE): confidence 1.
//   2. UTF-16 without a BOM, from the pattern of NUL bytes at even/odd offsets.
//   3. Valid UTF-8. Pure ASCII is checked for VIQR (words like "Vie^.t" that decode to
//      well-formed Vietnamese syllables with vowel shapes). Text whose characters all fit
//      Windows-1252 is re-encoded to those bytes: if they are UTF-8 again (doubly encoded
//      "Viá»‡t") that reading is taken; otherwise they are read as TCVN3 and VNI, and the
//      better reading replaces the text when it clearly gives more Vietnamese syllables
//      (repaired_mojibake). Valid UTF-8 with only a few multi-byte sequences (≤ 8) is also
//      scored as legacy bytes, and a clearly Vietnamese legacy reading wins over a UTF-8
//      reading with no Vietnamese word (VISCII "nước" is valid UTF-8); confidence ≤ 0.5 then.
//   4. Mostly UTF-8 (many valid multi-byte sequences, few invalid ones): UTF-8 with U+FFFD.
//   5. Otherwise each legacy candidate (TCVN3, VNI, Windows-1258, VISCII, Windows-1252) decodes
//      a prefix of the input; each non-ASCII word scores +1 when it is a well-formed Vietnamese
//      syllable and -1 when not. The best score wins (ties: more of the ~200 most common
//      syllables, then that order); when no candidate finds Vietnamese, Windows-1252 with
//      confidence ≤ 0.5. Otherwise confidence grows with the margin over the runner-up.
// Text decoded in steps 1, 2 and 4 gets the same VIQR and mojibake checks as step 3 (Notepad
// saves repaired-looking mojibake with a BOM).
// A forced encoding is used as is (no mojibake repair); a BOM matching it (UTF-8 for VIQR) is
// removed.
// Never throws on any input; undecodable bytes become U+FFFD and are counted in `invalid`.
Decoded DecodeText(std::string_view bytes, std::optional<Encoding> forced = std::nullopt);

}  // namespace vankien::text

#endif  // VANKIEN_INDEXER_TEXT_ENCODING_H_
