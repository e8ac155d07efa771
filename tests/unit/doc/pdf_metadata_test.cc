// PDF metadata: strings decoded as real producers write them, XMP as a fallback, placeholder
// titles dropped.
#include <gtest/gtest.h>

#include "indexer/doc/pdf_extractor.h"
#include "tests/support/make_files.h"

namespace vankien {
namespace {

std::string Utf16(const std::u16string& s, bool little_endian) {
  std::string out = little_endian ? std::string("\xFF\xFE", 2) : std::string("\xFE\xFF", 2);
  for (char16_t c : s) {
    const char hi = static_cast<char>(c >> 8), lo = static_cast<char>(c & 0xFF);
    out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}

TEST(DecodePdfStringTest, EveryEncodingProducersUse) {
  const struct {
    std::string raw;
    std::string decoded;
  } cases[] = {
      {Utf16(u"Công văn số 2", false), "Công văn số 2"},  // the specification's UTF-16BE
      {Utf16(u"Công văn số 2", true), "Công văn số 2"},   // Windows producers' UTF-16LE
      {"C\xC3\xB4ng v\xC4\x83n", "Công văn"},             // raw UTF-8
      {"\xEF\xBB\xBF" "Ngh\xE1\xBB\x8B quy\xE1\xBA\xBF" "t", "Nghị quyết"},  // UTF-8 with a BOM (PDF 2.0)
      {"A\x84" "B\x80", "A—B•"},                          // PDFDocEncoding's own bytes
      {"Caf\xE9", "Café"},                                // PDFDocEncoding = Latin-1 above 0xA0
      {"", ""},
  };
  for (const auto& c : cases) EXPECT_EQ(DecodePdfString(c.raw), c.decoded) << c.decoded;
}

TEST(PdfMetadataTest, InfoTitleInUtf8AndUtf16LeComesOutRight) {
  for (const std::string& raw : {std::string("Quy\xE1\xBA\xBFt \xC4\x91\xE1\xBB\x8Bnh v\xE1\xBB\x81 vi\xE1\xBB\x87" "c"),
                                 Utf16(u"Quyết định về việc", true)}) {
    test_support::PdfSpec spec;
    spec.text_lines = {"Noi dung"};
    spec.info_title = raw;
    auto pdf = ExtractPdf(test_support::MakePdf(spec));
    ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
    EXPECT_EQ(pdf->title, "Quyết định về việc");
  }
}

TEST(PdfMetadataTest, PlaceholderTitlesGiveWayToXmp) {
  test_support::PdfSpec spec;
  spec.text_lines = {"Noi dung"};
  spec.info_title = "2021-01-04 (6)";  // what a scanner writes
  spec.xmp = R"(<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmp:CreateDate="2021-01-05T08:15:24+07:00">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Chỉ thị về hóa đơn điện tử</rdf:li></rdf:Alt></dc:title>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>)";
  auto pdf = ExtractPdf(test_support::MakePdf(spec));
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  EXPECT_EQ(pdf->title, "Chỉ thị về hóa đơn điện tử");
  EXPECT_EQ(pdf->created, "2021-01-05");
}

TEST(PdfMetadataTest, FileNameTitlesAreNoTitles) {
  for (const char* junk : {"Microsoft Word - CV 123.docx", "scan0001.pdf", "12345", "untitled"}) {
    test_support::PdfSpec spec;
    spec.text_lines = {"Noi dung"};
    spec.info_title = junk;
    auto pdf = ExtractPdf(test_support::MakePdf(spec));
    ASSERT_TRUE(pdf.ok());
    EXPECT_EQ(pdf->title, "") << junk;
  }
}

}  // namespace
}  // namespace vankien
