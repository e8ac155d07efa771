#include "indexer/doc/doc_extractor.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <climits>
#include <memory>

#include "indexer/base/strings.h"
#include "indexer/doc/xml_walk.h"

namespace vankien {
namespace {

constexpr std::string_view kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::string_view Name(const xmlNode* n) {
  return n->name != nullptr ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}


// Appends the non-empty trimmed lines of `block` to `out`, each ending with "\n".
void AppendLines(std::string_view block, std::string* out) {
  std::size_t start = 0;
  while (start <= block.size()) {
    std::size_t end = block.find('\n', start);
    if (end == std::string_view::npos) end = block.size();
    const std::string line = std::string(TrimAsciiSpace(block.substr(start, end - start)));
    if (!line.empty()) out->append(line).push_back('\n');
    start = end + 1;
  }
}

// The text below `n`, in document order.
std::string TextOf(xmlNode* n) {
  std::string text;
  xml::Walk(
      n,
      [&](xmlNode* c) {
        if (c->type == XML_TEXT_NODE && c->content != nullptr) text += reinterpret_cast<const char*>(c->content);
        return true;
      },
      [](xmlNode*) {});
  return text;
}

// What antiword says on stderr, as a reason a reader can act on.
Status AntiwordFailure(const ProgramOutput& run) {
  const std::string why = std::string(TrimAsciiSpace(run.err));
  if (why.find("encrypted") != std::string::npos || why.find("password") != std::string::npos) {
    return Status::InvalidArgument(
        "password-protected Word document: open it in Word or LibreOffice with its password, "
        "save an unprotected copy and index that");
  }
  return Status::Corrupt("antiword cannot read this Word 97-2003 file" +
                         (why.empty() ? std::string() : " (" + why + ")") +
                         "; it may be damaged, a Word 6/95 file or fast-saved: re-save it as "
                         ".docx in Word or LibreOffice and index that");
}

}  // namespace

bool LooksLikeWord97(std::string_view bytes) { return bytes.substr(0, kOle2Magic.size()) == kOle2Magic; }

Result<DocText> ExtractDoc(std::string_view bytes, const ProgramLimits& limits) {
  if (!LooksLikeWord97(bytes)) {
    const std::string head = std::string(TrimAsciiSpace(bytes.substr(0, 64)));
    if (head.rfind("{\\rtf", 0) == 0) {
      return Status::Corrupt("an RTF file named .doc, not a Word 97-2003 file: rename it .rtf and "
                             "save it as .docx in Word or LibreOffice to index it");
    }
    if (head.rfind("<", 0) == 0) {
      return Status::Corrupt("an HTML or XML file named .doc, not a Word 97-2003 file: rename it "
                             ".html and index that");
    }
    return Status::Corrupt("not a Word 97-2003 file (no OLE2 signature); check the file type");
  }
  auto run = RunProgram({"antiword", "-x", "db", "{input}"}, bytes, "antiword", limits);
  if (!run.ok()) return run.status();
  if (run->exit_code != 0 || run->out.empty()) return AntiwordFailure(*run);
  return ParseAntiwordDocBook(run->out);
}

Result<DocText> ParseAntiwordDocBook(std::string_view docbook) {
  if (docbook.size() > static_cast<std::size_t>(INT_MAX)) {
    return Status::ResourceExhausted("the Word document's text is too large to parse");
  }
  // antiword's own output: a DOCTYPE naming DocBook's DTD, which is never loaded (no
  // XML_PARSE_DTDLOAD, no network).
  std::unique_ptr<xmlDoc, XmlDocFree> xml(
      xmlReadMemory(docbook.data(), static_cast<int>(docbook.size()), "antiword.xml", "UTF-8",
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE));
  if (xml == nullptr || xmlDocGetRootElement(xml.get()) == nullptr) {
    return Status::Corrupt("antiword's reading of this Word file is not well-formed; re-save it as "
                           ".docx and index that");
  }
  DocText out;
  xml::Walk(
      xmlDocGetRootElement(xml.get()),
      [&](xmlNode* n) {
        if (n->type != XML_ELEMENT_NODE) return false;
        const std::string_view name = Name(n);
        if (name == "bookinfo") {
          for (xmlNode* c = n->children; c != nullptr; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (Name(c) == "title") out.title = TrimAsciiSpace(TextOf(c));
            if (Name(c) == "date") out.created = TrimAsciiSpace(TextOf(c));
          }
          return false;
        }
        // A paragraph or table cell is one block of lines; tables nest in paragraphs, so a
        // paragraph holding a table is walked into instead.
        if (name == "entry" || name == "title" || name == "para") {
          bool holds_block = false;
          xml::Walk(
              n,
              [&](xmlNode* c) {
                if (c != n && c->type == XML_ELEMENT_NODE &&
                    (Name(c) == "informaltable" || Name(c) == "table" || Name(c) == "para")) {
                  holds_block = true;
                }
                return !holds_block;
              },
              [](xmlNode*) {});
          if (holds_block) return true;
          AppendLines(TextOf(n), &out.text);
          return false;
        }
        return true;
      },
      [](xmlNode*) {});
  return out;
}

}  // namespace vankien
