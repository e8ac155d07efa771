#include "indexer/doc/docx_extractor.h"
#include "indexer/base/strings.h"
#include "indexer/doc/xml_walk.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <vector>

namespace vankien {
namespace {

constexpr std::string_view kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWordStrictNs = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view kMcNs = "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr std::string_view kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kDcTermsNs = "http://purl.org/dc/terms/";
constexpr std::string_view kDefaultMainPart = "word/document.xml";
// Package parts other than the main document are small; read at most this much of them.
constexpr std::uint64_t kMaxSmallPart = 4u << 20;
constexpr std::size_t kReadChunk = 1 << 16;

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct XmlCtxtFree {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;


// Reads one zip entry into memory, refusing zip bombs: the declared size and ratio are checked
// before decompressing, the actual byte count while decompressing.
Result<std::string> ReadEntry(zip_t* za, std::string_view name, const DocxLimits& limits) {
  const std::string entry(name);
  const zip_int64_t index = zip_name_locate(za, entry.c_str(), 0);
  if (index < 0) return Status::NotFound(entry + " is not in the archive");
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(za, static_cast<zip_uint64_t>(index), 0, &st) != 0) {
    return Status::Corrupt("cannot read the zip entry " + entry + ": " + zip_strerror(za));
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE) {
    return Status::InvalidArgument(entry + " is encrypted; remove the password and try again");
  }
  const std::uint64_t comp = (st.valid & ZIP_STAT_COMP_SIZE) != 0 ? st.comp_size : 0;
  const bool size_known = (st.valid & ZIP_STAT_SIZE) != 0;
  const std::uint64_t declared = size_known ? st.size : 0;
  const auto bomb = [&](const std::string& why) {
    return Status::InvalidArgument(entry + " " + why + " (limit " +
                                   std::to_string(limits.max_uncompressed) + " bytes, ratio " +
                                   std::to_string(limits.max_ratio) +
                                   "); refusing it as a possible zip bomb");
  };
  if (size_known) {
    if (declared > limits.max_uncompressed) {
      return bomb("declares " + std::to_string(declared) + " uncompressed bytes");
    }
    if (declared > 0 && (comp == 0 || declared / comp > limits.max_ratio)) {
      return bomb("declares " + std::to_string(declared) + " bytes from " + std::to_string(comp) +
                  " compressed");
    }
  }
  std::unique_ptr<zip_file_t, ZipFileClose> file(
      zip_fopen_index(za, static_cast<zip_uint64_t>(index), 0));
  if (file == nullptr) {
    const int code = zip_error_code_zip(zip_get_error(za));
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD) {
      return Status::InvalidArgument(entry + " is encrypted; remove the password and try again");
    }
    return Status::Corrupt("cannot open the zip entry " + entry + ": " + zip_strerror(za));
  }
  std::string out;
  out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(declared, limits.max_uncompressed)));
  std::vector<char> chunk(kReadChunk);
  std::uint64_t total = 0;
  while (true) {
    const zip_int64_t n = zip_fread(file.get(), chunk.data(), chunk.size());
    if (n < 0) {
      return Status::Corrupt("damaged zip entry " + entry + ": " +
                             zip_error_strerror(zip_file_get_error(file.get())));
    }
    if (n == 0) break;
    total += static_cast<std::uint64_t>(n);
    if (size_known && total > declared) {
      return bomb("holds more data than the " + std::to_string(declared) + " bytes it declares");
    }
    if (total > limits.max_uncompressed) {
      return bomb("decompresses to over " + std::to_string(limits.max_uncompressed) + " bytes");
    }
    if (comp > 0 && total / comp > limits.max_ratio) {
      return bomb("decompresses to over " + std::to_string(limits.max_ratio) +
                  " times its compressed size");
    }
    out.append(chunk.data(), static_cast<std::size_t>(n));
  }
  return out;
}

// Parses XML from a package part: no network, no DTD loading, no entity substitution, and no
// DTD at all (refused before parsing).
Result<XmlDocPtr> ParseXml(const std::string& xml, std::string_view part) {
  if (xml.find("<!DOCTYPE") != std::string::npos || xml.find("<!ENTITY") != std::string::npos) {
    return Status::InvalidArgument(std::string(part) +
                                   " contains a DTD (<!DOCTYPE>/<!ENTITY>), which Word never "
                                   "writes; refusing it (possible entity-expansion attack)");
  }
  if (xml.size() > static_cast<std::size_t>(INT_MAX)) {
    return Status::InvalidArgument(std::string(part) + " is too large to parse");
  }
  std::unique_ptr<xmlParserCtxt, XmlCtxtFree> ctxt(xmlNewParserCtxt());
  if (ctxt == nullptr) return Status::Internal("out of memory creating an XML parser");
  const std::string url(part);
  XmlDocPtr doc(xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()),
                                  url.c_str(), nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (doc == nullptr) {
    std::string why = "not well-formed XML";
    if (const xmlError* err = xmlCtxtGetLastError(ctxt.get());
        err != nullptr && err->message != nullptr) {
      why = std::string(TrimAsciiSpace(err->message)) + " at line " + std::to_string(err->line);
    }
    return Status::Corrupt(std::string(part) + " cannot be parsed: " + why);
  }
  if (doc->intSubset != nullptr) {
    return Status::InvalidArgument(std::string(part) + " contains a DTD; refusing it");
  }
  return doc;
}

std::string_view Ns(const xmlNode* n) {
  return (n->ns != nullptr && n->ns->href != nullptr)
             ? std::string_view(reinterpret_cast<const char*>(n->ns->href))
             : std::string_view();
}
std::string_view Local(const xmlNode* n) {
  return n->name != nullptr ? std::string_view(reinterpret_cast<const char*>(n->name))
                            : std::string_view();
}
bool IsWord(const xmlNode* n, std::string_view local) {
  if (n == nullptr || n->type != XML_ELEMENT_NODE || Local(n) != local) return false;
  const std::string_view ns = Ns(n);
  return ns == kWordNs || ns == kWordStrictNs;
}

using xml::Walk;

// Appends the text nodes directly under `n` (entity references are not followed).
void AppendChildText(const xmlNode* n, std::string* out) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != nullptr) {
      out->append(reinterpret_cast<const char*>(c->content));
    }
  }
}

std::string DocumentText(xmlDoc* doc) {
  std::string text;
  xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr) return text;
  Walk(
      root,
      [&](xmlNode* n) {
        if (n->type != XML_ELEMENT_NODE) return false;
        // The fallback branch repeats the choice branch for older readers.
        if (Local(n) == "Fallback" && Ns(n) == kMcNs) return false;
        const bool in_run = IsWord(n->parent, "r");
        if (IsWord(n, "t") && in_run) {
          AppendChildText(n, &text);
          return false;
        }
        if (in_run) {
          if (IsWord(n, "tab")) text += '\t';
          if (IsWord(n, "br") || IsWord(n, "cr")) text += '\n';
          if (IsWord(n, "noBreakHyphen")) text += '-';
        }
        return true;
      },
      [&](xmlNode* n) {
        if (IsWord(n, "p")) text += '\n';
      });
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\t' ||
                           text.back() == '\r')) {
    text.pop_back();
  }
  return text;
}

// The main document part named by the package relationships, or word/document.xml.
std::string MainPartName(zip_t* za, const DocxLimits& limits) {
  DocxLimits small = limits;
  small.max_uncompressed = std::min(limits.max_uncompressed, kMaxSmallPart);
  Result<std::string> rels = ReadEntry(za, "_rels/.rels", small);
  if (!rels.ok()) return std::string(kDefaultMainPart);
  Result<XmlDocPtr> doc = ParseXml(*rels, "_rels/.rels");
  if (!doc.ok()) return std::string(kDefaultMainPart);
  std::string target;
  Walk(
      xmlDocGetRootElement(doc->get()),
      [&](xmlNode* n) {
        if (!target.empty() || n->type != XML_ELEMENT_NODE) return false;
        if (Local(n) == "Relationship") {
          xmlChar* type = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>("Type"));
          xmlChar* t = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>("Target"));
          constexpr std::string_view kSuffix = "/officeDocument";
          if (type != nullptr && t != nullptr) {
            const std::string_view ty(reinterpret_cast<const char*>(type));
            if (ty.size() >= kSuffix.size() &&
                ty.compare(ty.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0) {
              target = reinterpret_cast<const char*>(t);
            }
          }
          xmlFree(type);
          xmlFree(t);
          return false;
        }
        return true;
      },
      [](xmlNode*) {});
  while (!target.empty() && target.front() == '/') target.erase(0, 1);
  if (target.rfind("./", 0) == 0) target.erase(0, 2);
  return target.empty() ? std::string(kDefaultMainPart) : target;
}

// dc:title and dcterms:created from docProps/core.xml; silently nothing when it is missing.
void ReadCoreProperties(zip_t* za, const DocxLimits& limits, DocxText* out) {
  DocxLimits small = limits;
  small.max_uncompressed = std::min(limits.max_uncompressed, kMaxSmallPart);
  Result<std::string> xml = ReadEntry(za, "docProps/core.xml", small);
  if (!xml.ok()) return;
  Result<XmlDocPtr> doc = ParseXml(*xml, "docProps/core.xml");
  if (!doc.ok()) return;
  Walk(
      xmlDocGetRootElement(doc->get()),
      [&](xmlNode* n) {
        if (n->type != XML_ELEMENT_NODE) return false;
        std::string* field = nullptr;
        if (Local(n) == "title" && Ns(n) == kDcNs) field = &out->title;
        if (Local(n) == "created" && Ns(n) == kDcTermsNs) field = &out->created;
        if (field == nullptr) return true;
        if (field->empty()) {
          std::string value;
          AppendChildText(n, &value);
          *field = TrimAsciiSpace(value);
        }
        return false;
      },
      [](xmlNode*) {});
}

}  // namespace

Result<DocxText> ExtractDocx(std::string_view bytes, const DocxLimits& limits) {
  InitLibxml();
  if (bytes.empty()) return Status::Corrupt("empty file: not a .docx document");
  // Word's password-protected .docx and the old binary .doc are OLE2 compound files, not zips.
  if (bytes.size() >= 8 && std::memcmp(bytes.data(), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
    return Status::InvalidArgument(
        "an OLE2 compound file, not a zip: a legacy .doc or a password-protected .docx; save it "
        "as an unprotected .docx to index it");
  }
  try {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
      const std::string why = zip_error_strerror(&error);
      zip_error_fini(&error);
      return Status::Internal("cannot read the .docx from memory: " + why);
    }
    ZipPtr za(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (za == nullptr) {
      zip_source_free(source);
      const int code = zip_error_code_zip(&error);
      const std::string why = zip_error_strerror(&error);
      zip_error_fini(&error);
      if (code == ZIP_ER_NOZIP) {
        return Status::Corrupt("not a zip archive, so not a .docx (" + why +
                               "); check the file type");
      }
      return Status::Corrupt("damaged .docx (zip): " + why + "; re-save or re-download it");
    }
    zip_error_fini(&error);

    const std::string main_part = MainPartName(za.get(), limits);
    Result<std::string> xml = ReadEntry(za.get(), main_part, limits);
    if (!xml.ok()) {
      if (xml.status().code() == Status::Code::kNotFound) {
        return Status::Corrupt("not a Word document: the zip has no " + main_part +
                               " (is it another Office format such as .xlsx or .pptx?)");
      }
      return xml.status();
    }
    Result<XmlDocPtr> doc = ParseXml(*xml, main_part);
    if (!doc.ok()) return doc.status();
    DocxText out;
    out.text = DocumentText(doc->get());
    ReadCoreProperties(za.get(), limits, &out);
    return out;
  } catch (const std::bad_alloc&) {
    return Status::Internal("out of memory while reading the .docx");
  }
}

}  // namespace vankien
