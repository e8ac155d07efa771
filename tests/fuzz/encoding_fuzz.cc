// libFuzzer target for DecodeText (indexer/text/encoding.h). The first byte chooses the mode:
// 0 (mod 10) detects the encoding, 1..9 force one of the nine encodings; the rest is the input.
// Invariants, for any bytes:
//   * the text is valid UTF-8 (independent validator) and NFC; confidence is within [0, 1];
//   * a forced encoding is reported as used, with confidence 1 and no mojibake repair;
//   * forced UTF-8: `invalid` is 0 exactly when the bytes (after a BOM) are valid UTF-8, and
//     valid NFC input comes back unchanged;
//   * detection on valid UTF-8 input reports no invalid bytes;
//   * EncodingName/ParseEncoding round-trip for the encoding reported;
//   * nothing throws.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "indexer/text/encoding.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using vankien::fuzz::Fail;
using vankien::text::Encoding;

constexpr const char* kTarget = "encoding_fuzz";

constexpr Encoding kEncodings[] = {
    Encoding::kUtf8,   Encoding::kUtf16Le, Encoding::kUtf16Be, Encoding::kWindows1258, Encoding::kTcvn3,
    Encoding::kVni,    Encoding::kViscii,  Encoding::kViqr,    Encoding::kWindows1252,
};

bool IsNfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  const bool ok = nfc->isNormalized(u, status);
  return U_SUCCESS(status) && ok;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned mode = data[0] % 10;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::optional<Encoding> forced;
  if (mode > 0) forced = kEncodings[mode - 1];

  vankien::fuzz::NoThrow(kTarget, "DecodeText", [&] {
    const vankien::text::Decoded d = vankien::text::DecodeText(bytes, forced);
    const std::string name(vankien::text::EncodingName(d.encoding));
    vankien::fuzz::CheckUtf8(kTarget, ("DecodeText text (" + name + ")").c_str(), d.text);
    if (!IsNfc(d.text)) Fail(kTarget, "DecodeText text is not NFC (" + name + ")", d.text);
    if (!(d.confidence >= 0.0 && d.confidence <= 1.0))
      Fail(kTarget, "confidence " + std::to_string(d.confidence) + " outside [0, 1]");
    const std::optional<Encoding> parsed = vankien::text::ParseEncoding(name);
    if (!parsed.has_value() || *parsed != d.encoding)
      Fail(kTarget, "ParseEncoding(EncodingName(e)) != e for " + name);

    if (forced.has_value()) {
      if (d.encoding != *forced) Fail(kTarget, "forced encoding not reported: got " + name);
      if (d.confidence != 1.0) Fail(kTarget, "forced encoding with confidence != 1");
      if (d.repaired_mojibake) Fail(kTarget, "forced encoding was mojibake-repaired");
      if (*forced == Encoding::kUtf8) {
        std::string_view body = bytes;
        if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
        const bool valid = vankien::test_support::IsValidUtf8(body);
        if (valid != (d.invalid == 0))
          Fail(kTarget, "forced UTF-8: invalid = " + std::to_string(d.invalid) + " but the input is " +
                            (valid ? "valid" : "invalid") + " UTF-8",
               body);
        if (valid && IsNfc(body) && d.text != body)
          Fail(kTarget, "forced UTF-8 changed valid NFC text", body, d.text);
      }
    } else if (vankien::test_support::IsValidUtf8(bytes) && d.encoding == Encoding::kUtf8 &&
               d.invalid != 0) {
      Fail(kTarget, "valid UTF-8 read as UTF-8 with invalid = " + std::to_string(d.invalid), bytes);
    }
  });
  return 0;
}
