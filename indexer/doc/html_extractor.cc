#include "indexer/doc/html_extractor.h"
#include "indexer/doc/xml_walk.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace vankien {
namespace {

// JSON-LD blocks larger than this are not searched for datePublished.
constexpr std::size_t kMaxJsonLdBytes = 1u << 20;
// A box that was dropped for its tag or class (header, form, "has-sidebar", …) is kept after all
// when it holds at least this share of the page's prose: it is a page wrapper, not boilerplate.
constexpr double kWrapperShare = 0.8;
// A candidate text root must hold at least this share of the page's prose (text outside links).
constexpr double kArticleBodyShare = 0.3;  // itemprop=articleBody: explicit markup, trusted more
constexpr double kArticleShare = 0.5;      // <article>, <main>, "content"/"detail" boxes
// Inside the chosen root, a nested candidate of the same kind holding this share of the root's
// prose replaces it (the most specific box that still holds the article).
constexpr double kDescendShare = 0.85;
// A list whose text is at least this share link text, with at least kMinLinksInLinkList links,
// is a link list ("read more", tag clouds) and is left out.
constexpr double kLinkListShare = 0.8;
constexpr std::size_t kMinLinksInLinkList = 3;
// <title> suffix " - Site" is removed only when what is left has at least this many characters
// and is at least as long as the suffix.
constexpr std::size_t kMinTitleChars = 15;

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

// ---------------------------------------------------------------------------------------------
// Small string helpers.
// ---------------------------------------------------------------------------------------------

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// Decodes one UTF-8 sequence at s[i]; returns its length (0 when invalid) and the code point.
std::size_t DecodeUtf8(std::string_view s, std::size_t i, char32_t* cp) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  std::size_t len;
  char32_t v;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    v = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    v = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    v = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    v = (v << 6) | (b(k) & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid.
  if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
      (v >= 0xD800 && v <= 0xDFFF)) {
    return 0;
  }
  *cp = v;
  return len;
}

// Makes the input safe for libxml2: invalid UTF-8 and non-characters become U+FFFD, NUL and other
// C0 controls (except tab, LF, CR) become spaces. Otherwise libxml2 would switch the rest of the
// page to Latin-1 at the first bad byte, or stop at a NUL.
std::string SanitizeUtf8(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    char32_t cp = 0;
    const std::size_t len = DecodeUtf8(in, i, &cp);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') {
      out += ' ';
      i += len;
    } else if (cp == 0xFFFE || cp == 0xFFFF) {
      out += "\xEF\xBF\xBD";
      i += len;
    } else {
      out.append(in.substr(i, len));
      i += len;
    }
  }
  return out;
}

bool IsSpaceCodePoint(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0x1680;
}
bool IsInvisibleCodePoint(char32_t cp) {
  return cp == 0x200B || cp == 0xFEFF || cp == 0x00AD;  // zero-width space, BOM, soft hyphen
}

// Builds text line by line: runs of white space become one space, block boundaries end the line,
// empty lines are never written.
class TextBuilder {
 public:
  void Add(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
      char32_t cp = 0;
      std::size_t len = DecodeUtf8(s, i, &cp);
      if (len == 0) {  // cannot happen after SanitizeUtf8; copy the byte through
        len = 1;
        cp = 0xFFFD;
      }
      if (IsSpaceCodePoint(cp)) {
        if (!line_.empty()) pending_space_ = true;
      } else if (!IsInvisibleCodePoint(cp)) {
        if (pending_space_) line_ += ' ';
        pending_space_ = false;
        line_.append(s.substr(i, len));
      }
      i += len;
    }
  }
  // A word boundary (between table cells).
  void Space() {
    if (!line_.empty()) pending_space_ = true;
  }
  // A block boundary: the current line, if any, is finished.
  void Break() {
    if (!line_.empty()) {
      if (!out_.empty()) out_ += '\n';
      out_ += line_;
      line_.clear();
    }
    pending_space_ = false;
  }
  std::string Finish() {
    Break();
    return std::move(out_);
  }

 private:
  std::string out_;
  std::string line_;
  bool pending_space_ = false;
};

std::string Collapse(std::string_view s) {
  TextBuilder b;
  b.Add(s);
  return b.Finish();
}

std::size_t CountCodePoints(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Tree helpers.
// ---------------------------------------------------------------------------------------------

bool IsElement(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }
std::string_view Name(const xmlNode* n) {
  return n->name != nullptr ? reinterpret_cast<const char*>(n->name) : std::string_view();
}
bool IsTag(const xmlNode* n, std::string_view tag) { return IsElement(n) && Name(n) == tag; }

// The attribute's value (entities decoded), or "" when absent. The HTML parser lower-cases
// attribute names.
std::string Attr(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

using xml::Walk;

template <typename Enter>
void Walk(xmlNode* root, Enter&& enter) {
  Walk(root, std::forward<Enter>(enter), [](xmlNode*) {});
}

// Elements that never hold article text.
bool IsHardDropTag(std::string_view tag) {
  static const std::unordered_set<std::string_view> kTags = {
      "script", "style",  "noscript", "template", "iframe", "svg",    "head",   "title",
      "object", "embed",  "canvas",   "button",   "select", "textarea", "input", "audio",
      "video",  "dialog", "link",     "meta",     "map",    "frameset", "frame"};
  return kTags.count(tag) > 0;
}

// Elements that are page furniture unless they turn out to wrap the whole page (ASP.NET pages
// put everything inside one <form>).
bool IsSoftDropTag(std::string_view tag) {
  return tag == "nav" || tag == "header" || tag == "footer" || tag == "aside" || tag == "form" ||
         tag == "menu";
}

// Splits a class or id value into lower-case words: at non-alphanumerics and at camelCase humps.
std::vector<std::string> ClassWords(std::string_view value) {
  std::vector<std::string> words;
  std::string cur;
  char prev = 0;
  for (char c : value) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum || ((c >= 'A' && c <= 'Z') && prev >= 'a' && prev <= 'z')) {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    }
    if (alnum) cur += AsciiLower(c);
    prev = c;
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

// Splits on white space (the class attribute's token list).
std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    std::size_t j = i;
    while (j < s.size() && !(s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// True when a class/id value names boilerplate: menus, navigation, sidebars, comments, sharing,
// related links, breadcrumbs, banners, headers/footers, advertising.
bool IsBoilerplateName(std::string_view value) {
  static const std::unordered_set<std::string_view> kWords = {
      "menu",     "menus",      "nav",         "navbar",      "navigation", "sidebar",
      "comment",  "comments",   "share",       "sharing",     "social",     "related",
      "breadcrumb", "breadcrumbs", "banner",   "footer",      "header",     "advert",
      "advertisement", "advertising", "ads",   "ad",          "sponsor",    "sponsored",
      "cookie",   "cookies",    "popup",       "newsletter",  "toolbar",    "topbar",
      "pagination", "pager"};
  // Safe to find inside longer words ("topmenu", "leftsidebar", "fbcomments").
  static constexpr std::array<std::string_view, 9> kInfixes = {
      "menu", "sidebar", "breadcrumb", "comment", "advert", "banner", "footer", "related",
      "navbar"};
  for (std::string_view token : Tokens(value)) {
    const std::string lower = Lower(token);
    // WordPress derives classes from the post's categories and tags ("tag-social"): not layout.
    if (lower.rfind("tag-", 0) == 0 || lower.rfind("category-", 0) == 0) continue;
    for (std::string_view infix : kInfixes) {
      if (lower.find(infix) != std::string::npos) return true;
    }
    for (const std::string& w : ClassWords(token)) {
      if (kWords.count(w) > 0) return true;
    }
  }
  return false;
}

bool HasToken(std::string_view value, std::string_view wanted) {
  for (std::string_view t : Tokens(value)) {
    if (Lower(t) == wanted) return true;
  }
  return false;
}

bool IsArticleBody(const xmlNode* n) { return HasToken(Attr(n, "itemprop"), "articlebody"); }

// A class/id that says "this is the content": content, detail, article, and Vietnamese
// nội dung / chi tiết / bài viết as written in class names.
bool IsContentName(std::string_view value) {
  static constexpr std::array<std::string_view, 11> kNames = {
      "content", "detail",  "article",  "entry",   "post-body", "story-body",
      "noidung", "noi-dung", "chitiet", "chi-tiet", "baiviet"};
  const std::string lower = Lower(value);
  for (std::string_view n : kNames) {
    if (lower.find(n) != std::string::npos) return true;
  }
  return false;
}

bool IsBlockTag(std::string_view tag) {
  static const std::unordered_set<std::string_view> kTags = {
      "p",       "div",     "li",      "h1",         "h2",      "h3",         "h4",
      "h5",      "h6",      "br",      "tr",         "article", "section",    "ul",
      "ol",      "dl",      "dt",      "dd",         "table",   "thead",      "tbody",
      "tfoot",   "caption", "blockquote", "pre",     "main",    "figure",     "figcaption",
      "address", "hr",      "center",  "body",       "html",    "header",     "footer",
      "nav",     "aside",   "form",    "fieldset",   "legend",  "details",    "summary",
      "menu",    "hgroup",  "option"};
  return kTags.count(tag) > 0;
}

// Text size of a subtree: non-space bytes, the part of them inside links, and the number of links.
struct Counts {
  std::size_t text = 0;
  std::size_t link_text = 0;
  std::size_t links = 0;
  std::size_t prose() const { return text - link_text; }
};

// What the extractor knows about one element; found through xmlNode::_private (an index + 1),
// which the HTML parser leaves unused, so no hash table is needed on huge pages.
struct NodeInfo {
  Counts counts;
  std::size_t last = 0;  // index + 1 of the last element in this one's subtree (pre-order)
  bool dropped = false;  // boilerplate (by tag, class/id or link density), after wrapper rescue
};

std::size_t NonSpaceBytes(const xmlChar* s) {
  std::size_t n = 0;
  for (const xmlChar* p = s; p != nullptr && *p != 0; ++p) {
    n += !(*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f');
  }
  return n;
}

// The extraction state for one page.
class Extractor {
 public:
  explicit Extractor(xmlDoc* doc) : doc_(doc) {}

  HtmlPage Run() {
    HtmlPage page;
    xmlNode* html = xmlDocGetRootElement(doc_);
    if (html == nullptr) return page;
    CollectMeta(html);
    xmlNode* body = FindFirst(html, "body");
    if (body == nullptr) body = html;

    Index(html);
    DecideDrops(body);
    xmlNode* root = ChooseRoot(body);
    page.text = Render(root);
    page.title = ChooseTitle(html, body, root);
    page.published = ChooseDate(root);
    page.description = Collapse(Meta("description"));
    if (page.description.empty()) page.description = Collapse(Meta("og:description"));
    page.lang = Collapse(Attr(html, "lang"));
    if (page.lang.empty()) page.lang = Collapse(Attr(html, "xml:lang"));
    if (page.lang.empty()) {
      xmlChar* v = xmlGetNsProp(html, reinterpret_cast<const xmlChar*>("lang"), XML_XML_NAMESPACE);
      if (v != nullptr) {
        page.lang = Collapse(reinterpret_cast<const char*>(v));
        xmlFree(v);
      }
    }
    if (page.lang.empty()) page.lang = Collapse(Meta("content-language"));
    return page;
  }

 private:
  // First element named `tag` under `root` (outside hard-dropped elements), or nullptr.
  static xmlNode* FindFirst(xmlNode* root, std::string_view tag) {
    xmlNode* found = nullptr;
    Walk(root, [&](xmlNode* n) {
      if (found != nullptr || !IsElement(n)) return false;
      if (Name(n) == tag) {
        found = n;
        return false;
      }
      // <title> lives in <head>, which is otherwise never searched.
      return n == root || !IsHardDropTag(Name(n)) || (tag == "title" && Name(n) == "head");
    });
    return found;
  }

  // <meta> values by lower-cased property/name/itemprop/http-equiv (first non-empty wins), any
  // itemprop=datePublished value, and the datePublished of the first JSON-LD block that has one.
  void CollectMeta(xmlNode* html) {
    Walk(html, [&](xmlNode* n) {
      if (!IsElement(n)) return false;
      const std::string_view tag = Name(n);
      if (tag == "meta") {
        const std::string content = Attr(n, "content");
        if (!content.empty()) {
          for (const char* attr : {"property", "name", "itemprop", "http-equiv"}) {
            const std::string key = Lower(Attr(n, attr));
            if (!key.empty()) meta_.emplace(key, content);
          }
        }
      }
      if (tag != "meta" && item_date_.empty() && HasToken(Attr(n, "itemprop"), "datepublished")) {
        item_date_ = Attr(n, "content");
        if (item_date_.empty()) item_date_ = Attr(n, "datetime");
      }
      if (tag == "script") {
        if (jsonld_date_.empty() && Lower(Attr(n, "type")) == "application/ld+json") {
          xmlChar* content = xmlNodeGetContent(n);
          if (content != nullptr) {
            jsonld_date_ = JsonLdDatePublished(reinterpret_cast<const char*>(content));
            xmlFree(content);
          }
        }
        return false;
      }
      return true;
    });
  }

  // Finds the first string value of a "datePublished" key, anywhere in a JSON(-LD) text.
  // SAX-based: no tree is built and nesting depth costs no stack.
  static std::string JsonLdDatePublished(std::string_view json) {
    if (json.size() > kMaxJsonLdBytes) return {};
    using Json = nlohmann::json;
    struct Sax : nlohmann::json_sax<Json> {
      std::string found;
      bool want = false;
      bool null() override { return Other(); }
      bool boolean(bool) override { return Other(); }
      bool number_integer(number_integer_t) override { return Other(); }
      bool number_unsigned(number_unsigned_t) override { return Other(); }
      bool number_float(number_float_t, const string_t&) override { return Other(); }
      bool binary(binary_t&) override { return Other(); }
      bool string(string_t& s) override {
        if (want && !s.empty()) {
          found = s;
          return false;  // done: stop parsing
        }
        return Other();
      }
      bool start_object(std::size_t) override { return Other(); }
      bool end_object() override { return Other(); }
      bool start_array(std::size_t) override { return Other(); }
      bool end_array() override { return Other(); }
      bool key(string_t& k) override {
        want = k == "datePublished";
        return true;
      }
      bool parse_error(std::size_t, const std::string&,
                       const nlohmann::detail::exception&) override {
        return false;
      }
      bool Other() {
        want = false;
        return true;
      }
    } sax;
    try {
      Json::sax_parse(json.begin(), json.end(), &sax);
    } catch (...) {
      // Malformed JSON-LD is common; whatever was found before the error stands.
    }
    return sax.found;
  }

  std::string Meta(const std::string& key) const {
    const auto it = meta_.find(key);
    return it == meta_.end() ? std::string() : it->second;
  }

  // Numbers every element in document order so that Info() can find its NodeInfo and
  // IsInside() can compare positions.
  void Index(xmlNode* html) {
    Walk(
        html,
        [&](xmlNode* n) {
          if (!IsElement(n)) return false;
          info_.emplace_back();
          n->_private = reinterpret_cast<void*>(static_cast<std::uintptr_t>(info_.size()));
          return true;
        },
        [&](xmlNode* n) {
          if (IsElement(n)) Info(n).last = info_.size();
        });
  }
  static std::size_t Position(const xmlNode* n) {
    return reinterpret_cast<std::uintptr_t>(n->_private);
  }
  // Whether element `n` is a proper descendant of element `ancestor`; O(1).
  bool IsInside(const xmlNode* n, const xmlNode* ancestor) const {
    return Position(n) > Position(ancestor) && Position(n) <= Info(ancestor).last;
  }
  NodeInfo& Info(const xmlNode* n) {
    return info_[reinterpret_cast<std::uintptr_t>(n->_private) - 1];
  }
  const NodeInfo& Info(const xmlNode* n) const {
    return info_[reinterpret_cast<std::uintptr_t>(n->_private) - 1];
  }
  bool Dropped(const xmlNode* n) const { return Info(n).dropped; }
  std::size_t Prose(const xmlNode* n) const { return Info(n).counts.prose(); }

  // Recounts text under `root` into NodeInfo::counts. Dropped elements are counted inside (their
  // own counts are filled) but add nothing to their ancestors; hard-dropped ones are skipped.
  void Count(xmlNode* root) {
    for (NodeInfo& i : info_) i.counts = Counts{};
    std::size_t link_depth = 0;
    Walk(
        root,
        [&](xmlNode* n) {
          if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            const std::size_t bytes = NonSpaceBytes(n->content);
            if (bytes > 0 && n->parent != nullptr && IsElement(n->parent)) {
              Counts& c = Info(n->parent).counts;
              c.text += bytes;
              if (link_depth > 0) c.link_text += bytes;
            }
            return false;
          }
          if (!IsElement(n)) return false;
          if (n != root && IsHardDropTag(Name(n))) return false;
          if (Name(n) == "a") {
            ++link_depth;
            ++Info(n).counts.links;
          }
          return true;
        },
        [&](xmlNode* n) {
          if (!IsElement(n) || (n != root && IsHardDropTag(Name(n)))) return;
          if (Name(n) == "a") --link_depth;
          if (n == root || n->parent == nullptr || !IsElement(n->parent) || Dropped(n)) return;
          const Counts c = Info(n).counts;
          Counts& p = Info(n->parent).counts;
          p.text += c.text;
          p.link_text += c.link_text;
          p.links += c.links;
        });
  }

  // Marks boilerplate elements (by tag, class or id) that do not wrap most of the page, and link
  // lists, as dropped; leaves NodeInfo::counts computed with those drops (bar the link lists).
  void DecideDrops(xmlNode* body) {
    // 1. Flag every candidate for dropping.
    Walk(body, [&](xmlNode* n) {
      if (!IsElement(n)) return false;
      const std::string_view tag = Name(n);
      if (n != body && IsHardDropTag(tag)) return false;
      if (n == body || tag == "html" || tag == "main" || tag == "article" || IsArticleBody(n)) {
        return true;
      }
      if (IsSoftDropTag(tag) || IsBoilerplateName(Attr(n, "class")) ||
          IsBoilerplateName(Attr(n, "id"))) {
        Info(n).dropped = true;
      }
      return true;
    });
    // 2. Un-flag wrappers, outermost first: a flagged box is kept when it holds at least
    //    kWrapperShare of the prose that remains with it included.
    Count(body);
    double outside = static_cast<double>(Prose(body));
    Walk(body, [&](xmlNode* n) {
      if (!IsElement(n)) return false;
      if (n != body && IsHardDropTag(Name(n))) return false;
      if (!Dropped(n)) return true;
      const double mine = static_cast<double>(Prose(n));
      if (mine >= kWrapperShare * (outside + mine)) {
        Info(n).dropped = false;
        outside += mine;
        return true;
      }
      return false;
    });
    // 3. Link lists.
    Count(body);
    Walk(body, [&](xmlNode* n) {
      if (!IsElement(n)) return false;
      const std::string_view tag = Name(n);
      if (n != body && IsHardDropTag(tag)) return false;
      if (Dropped(n)) return false;
      if (tag == "ul" || tag == "ol" || tag == "dl" || tag == "menu") {
        const Counts& c = Info(n).counts;
        if (c.links >= kMinLinksInLinkList && c.text > 0 &&
            static_cast<double>(c.link_text) >= kLinkListShare * static_cast<double>(c.text)) {
          Info(n).dropped = true;
          return false;
        }
      }
      return true;
    });
  }

  bool Skipped(const xmlNode* n, const xmlNode* root) const {
    return n != root && (IsHardDropTag(Name(n)) || Dropped(n));
  }

  // The element whose text is the article: the best itemprop=articleBody, else <article>, else
  // <main> or a content-named box — if it holds enough of the page's prose; else the body.
  xmlNode* ChooseRoot(xmlNode* body) const {
    std::vector<xmlNode*> tiers[3];
    Walk(body, [&](xmlNode* n) {
      if (!IsElement(n)) return false;
      if (Skipped(n, body)) return false;
      if (n == body) return true;
      if (IsArticleBody(n)) {
        tiers[0].push_back(n);
      } else if (Name(n) == "article") {
        tiers[1].push_back(n);
      } else if (Name(n) == "main" || IsContentName(Attr(n, "class")) ||
                 IsContentName(Attr(n, "id"))) {
        tiers[2].push_back(n);
      }
      return true;
    });
    const double total = static_cast<double>(Prose(body));
    if (total <= 0) return body;
    const double shares[3] = {kArticleBodyShare, kArticleShare, kArticleShare};
    for (int t = 0; t < 3; ++t) {
      xmlNode* best = nullptr;
      std::size_t best_prose = 0;
      for (xmlNode* n : tiers[t]) {
        const std::size_t p = Prose(n);
        if (static_cast<double>(p) >= shares[t] * total && p > best_prose) {
          best = n;
          best_prose = p;
        }
      }
      if (best == nullptr) continue;
      // Descend to the most specific box of the same tier that still holds the article: step to
      // the nested candidate with the most prose while it keeps kDescendShare of the first
      // choice's prose (a fixed bar, so a chain of boxes cannot creep away from it). Prose never
      // grows going down, so that candidate is always a child in the forest of candidates;
      // find each candidate's best child in one pass (the tier list is in document order).
      const std::vector<xmlNode*>& tier = tiers[t];
      std::vector<std::size_t> best_child(tier.size(), SIZE_MAX);
      std::vector<std::size_t> open;  // candidates whose subtree we are in
      std::size_t at = SIZE_MAX;
      for (std::size_t i = 0; i < tier.size(); ++i) {
        if (tier[i] == best) at = i;
        while (!open.empty() && !IsInside(tier[i], tier[open.back()])) open.pop_back();
        if (!open.empty()) {
          std::size_t& c = best_child[open.back()];
          if (c == SIZE_MAX || Prose(tier[i]) > Prose(tier[c])) c = i;
        }
        open.push_back(i);
      }
      const double bar = kDescendShare * static_cast<double>(best_prose);
      while (best_child[at] != SIZE_MAX &&
             static_cast<double>(Prose(tier[best_child[at]])) >= bar) {
        at = best_child[at];
      }
      return tier[at];
    }
    return body;
  }

  static xmlNode* ArticleAncestor(xmlNode* n) {
    for (xmlNode* p = n; p != nullptr; p = p->parent) {
      if (IsTag(p, "article")) return p;
    }
    return nullptr;
  }

  std::string Render(xmlNode* root) const {
    TextBuilder b;
    Walk(
        root,
        [&](xmlNode* n) {
          if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content != nullptr) b.Add(reinterpret_cast<const char*>(n->content));
            return false;
          }
          if (!IsElement(n) || Skipped(n, root)) return false;
          const std::string_view tag = Name(n);
          if (IsBlockTag(tag)) b.Break();
          if (tag == "td" || tag == "th") b.Space();
          return true;
        },
        [&](xmlNode* n) {
          if (!IsElement(n) || Skipped(n, root)) return;
          const std::string_view tag = Name(n);
          if (IsBlockTag(tag)) b.Break();
          if (tag == "td" || tag == "th") b.Space();
        });
    return b.Finish();
  }

  // Collapsed text of the first <h1> under `scope`, or "". With `skip_dropped`, boilerplate
  // boxes (a site header with the logo in an <h1>) are not searched.
  std::string FirstH1(xmlNode* scope, bool skip_dropped) const {
    xmlNode* h1 = nullptr;
    Walk(scope, [&](xmlNode* n) {
      if (h1 != nullptr || !IsElement(n)) return false;
      if (n != scope && IsHardDropTag(Name(n))) return false;
      if (skip_dropped && Skipped(n, scope)) return false;
      if (Name(n) == "h1") {
        h1 = n;
        return false;
      }
      return true;
    });
    if (h1 == nullptr) return {};
    xmlChar* content = xmlNodeGetContent(h1);
    if (content == nullptr) return {};
    std::string text = Collapse(reinterpret_cast<const char*>(content));
    xmlFree(content);
    return text;
  }

  std::string ChooseTitle(xmlNode* html, xmlNode* body, xmlNode* root) const {
    std::string title = Collapse(Meta("og:title"));
    if (!title.empty()) return title;
    // The article's own heading — unless no article was found and the root is the whole page.
    if (root != body) {
      title = FirstH1(root, false);
      if (!title.empty()) return title;
      if (xmlNode* article = ArticleAncestor(root); article != nullptr) {
        title = FirstH1(article, false);
        if (!title.empty()) return title;
      }
    }
    if (xmlNode* t = FindFirst(html, "title"); t != nullptr) {
      xmlChar* content = xmlNodeGetContent(t);
      if (content != nullptr) {
        title = StripSiteSuffix(Collapse(reinterpret_cast<const char*>(content)));
        xmlFree(content);
      }
      if (!title.empty()) return title;
    }
    return FirstH1(body, true);
  }

  // "Headline - SiteName" → "Headline" when "Headline" is long enough (see kMinTitleChars).
  static std::string StripSiteSuffix(const std::string& title) {
    static constexpr std::array<std::string_view, 4> kSeparators = {
        " - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 "};  // hyphen, bar, en dash, em dash
    std::size_t cut = std::string::npos;
    std::size_t sep_len = 0;
    for (std::string_view sep : kSeparators) {
      const std::size_t at = title.rfind(sep);
      if (at != std::string::npos && (cut == std::string::npos || at > cut)) {
        cut = at;
        sep_len = sep.size();
      }
    }
    if (cut == std::string::npos) return title;
    const std::string_view head = std::string_view(title).substr(0, cut);
    const std::string_view tail = std::string_view(title).substr(cut + sep_len);
    const std::size_t head_chars = CountCodePoints(head);
    if (head_chars >= kMinTitleChars && head_chars >= CountCodePoints(tail)) {
      return std::string(head);
    }
    return title;
  }

  // First <time datetime> under `scope`, skipping dropped boxes when `skip_dropped`.
  std::string TimeIn(xmlNode* scope, bool skip_dropped) const {
    std::string found;
    Walk(scope, [&](xmlNode* n) {
      if (!found.empty() || !IsElement(n)) return false;
      if (n != scope && IsHardDropTag(Name(n))) return false;
      if (skip_dropped && Skipped(n, scope)) return false;
      if (Name(n) == "time") {
        found = Collapse(Attr(n, "datetime"));
        if (!found.empty()) return false;
      }
      return true;
    });
    return found;
  }

  std::string ChooseDate(xmlNode* root) const {
    for (const char* key : {"article:published_time", "og:published_time"}) {
      const std::string v = Collapse(Meta(key));
      if (!v.empty()) return v;
    }
    if (std::string v = Collapse(jsonld_date_); !v.empty()) return v;
    if (std::string v = Collapse(Meta("datepublished")); !v.empty()) return v;  // <meta itemprop>
    if (std::string v = Collapse(item_date_); !v.empty()) return v;  // other microdata elements
    for (const char* key : {"date", "pubdate", "publishdate", "publish_date",
                            "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued"}) {
      const std::string v = Collapse(Meta(key));
      if (!v.empty()) return v;
    }
    if (xmlNode* article = ArticleAncestor(root); article != nullptr) {
      if (std::string v = TimeIn(article, false); !v.empty()) return v;
    }
    return TimeIn(root, true);
  }

  xmlDoc* doc_;
  std::unordered_map<std::string, std::string> meta_;
  std::string jsonld_date_;
  std::string item_date_;
  std::vector<NodeInfo> info_;  // by element index (see Index)
};

// Upper bound on the number of tags: '<' followed by a letter, '/', '!' or '?'.
std::size_t CountTags(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '<') continue;
    const char c = s[i + 1];
    n += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
  }
  return n;
}

}  // namespace

Result<HtmlPage> ExtractHtml(std::string_view html_utf8) {
  if (html_utf8.size() > kMaxHtmlBytes) {
    return Status::InvalidArgument("HTML page of " + std::to_string(html_utf8.size()) +
                                   " bytes is over the " + std::to_string(kMaxHtmlBytes) +
                                   "-byte limit; it is probably not an article page");
  }
  if (const std::size_t tags = CountTags(html_utf8); tags > kMaxHtmlTags) {
    return Status::InvalidArgument("HTML page has " + std::to_string(tags) + " tags, over the " +
                                   std::to_string(kMaxHtmlTags) +
                                   "-tag limit (its parse tree would need gigabytes); it is "
                                   "probably generated junk, not an article page");
  }
  InitLibxml();
  const std::string clean = SanitizeUtf8(html_utf8);
  DocPtr doc(htmlReadMemory(clean.data(), static_cast<int>(clean.size()), nullptr, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE));
  if (doc == nullptr || xmlDocGetRootElement(doc.get()) == nullptr) {
    return Status::Corrupt("no HTML content could be parsed (empty or not HTML)");
  }
  try {
    return Extractor(doc.get()).Run();
  } catch (const std::bad_alloc&) {
    return Status::Internal("out of memory while extracting HTML text");
  }
}

}  // namespace vankien
