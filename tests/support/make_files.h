// Test fixtures written by the tests themselves: small PDFs (a text page in a base-14 font, an
// image-only "scanned" page, Info and XMP metadata with raw string bytes) and PNG images, so
// that extraction and OCR are tested without copies of third-party files.
#ifndef VANKIEN_TESTS_SUPPORT_MAKE_FILES_H_
#define VANKIEN_TESTS_SUPPORT_MAKE_FILES_H_

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace vankien::test_support {

inline std::string Deflate(const std::string& raw) {
  uLongf size = compressBound(raw.size());
  std::string out(size, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(raw.data()), raw.size(), 6);
  out.resize(size);
  return out;
}

struct PdfSpec {
  // Lines of text drawn in Helvetica 14 pt from the top of an A5-sized page (ASCII only).
  std::vector<std::string> text_lines;
  // Or an 8-bit grey image filling the page (width x height pixels, row-major).
  int image_width = 0, image_height = 0;
  std::string image_pixels;
  std::string info_title;  // raw bytes of /Title (written as a hex string); empty = none
  std::string xmp;         // an XMP packet as the /Metadata stream; empty = none
};

// A one-page PDF as `spec` says; its xref offsets are exact, so poppler needs no repair.
inline std::string MakePdf(const PdfSpec& spec) {
  std::vector<std::string> objects;
  objects.push_back("<< /Type /Catalog /Pages 2 0 R" + std::string(spec.xmp.empty() ? "" : " /Metadata 6 0 R") + " >>");
  objects.push_back("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  std::string content;
  if (!spec.image_pixels.empty()) {
    content = "q 420 0 0 595 0 0 cm /Im1 Do Q";
  } else {
    content = "BT /F1 14 Tf 30 560 Td 18 TL";
    for (const std::string& line : spec.text_lines) content += " (" + line + ") '";
    content += " ET";
  }
  objects.push_back(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >>" +
      std::string(spec.image_pixels.empty() ? "" : " /XObject << /Im1 7 0 R >>") + " >> >>");
  objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  objects.push_back("<< /Type /Metadata /Subtype /XML /Length " + std::to_string(spec.xmp.size()) + " >>\nstream\n" +
                    spec.xmp + "\nendstream");
  const std::string packed = Deflate(spec.image_pixels);
  objects.push_back("<< /Type /XObject /Subtype /Image /Width " + std::to_string(spec.image_width) + " /Height " +
                    std::to_string(spec.image_height) +
                    " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length " +
                    std::to_string(packed.size()) + " >>\nstream\n" + packed + "\nendstream");
  std::string info = "<< /Producer (vankien tests)";
  if (!spec.info_title.empty()) {
    info += " /Title <";
    for (unsigned char c : spec.info_title) {
      char hex[3];
      std::snprintf(hex, sizeof hex, "%02X", c);
      info += hex;
    }
    info += ">";
  }
  objects.push_back(info + " >>");
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /Info " +
         std::to_string(objects.size()) + " 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// An 8-bit grey PNG of `pixels` (width x height, row-major).
inline std::string MakeGrayPng(int width, int height, const std::string& pixels) {
  auto be32 = [](std::uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                       static_cast<char>(v)};
  };
  auto chunk = [&](const std::string& type, const std::string& data) {
    const std::string body = type + data;
    const auto crc = static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), body.size()));
    return be32(static_cast<std::uint32_t>(data.size())) + body + be32(crc);
  };
  std::string raw;
  for (int y = 0; y < height; ++y) {
    raw.push_back('\0');  // filter: none
    raw.append(pixels, static_cast<std::size_t>(y) * width, static_cast<std::size_t>(width));
  }
  const std::string ihdr = be32(width) + be32(height) + std::string("\x08\x00\x00\x00\x00", 5);
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", Deflate(raw)) + chunk("IEND", "");
}

}  // namespace vankien::test_support

#endif  // VANKIEN_TESTS_SUPPORT_MAKE_FILES_H_
