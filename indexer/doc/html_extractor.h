// ExtractHtml: the readable article text and metadata of one saved web page (a news article, a
// page of a legal-document portal), with the site's boilerplate — menus, headers and footers,
// share buttons, "related" lists, comments, scripts — left out.
//
// How: libxml2's forgiving HTML parser builds a tree (broken markup is repaired, entities are
// decoded); boilerplate elements are dropped by tag and by class/id words; the element that
// holds most of the remaining prose (itemprop=articleBody, <article>, or a "content"/"detail"/
// "article" box) becomes the text root, else the whole <body>; its text is written with one line
// per block element. No regular expressions touch the markup.
//
// Thread-safety: a pure function; safe to call from many threads at once (libxml2 is initialised
// once, and each call has its own parser and tree).
// Limits: inputs over kMaxHtmlBytes (32 MiB) or with more than kMaxHtmlTags tags are refused
// (libxml2's tree costs ~150 bytes per element; 1M tags is about 200 MB peak). Nesting depth is
// not limited (XML_PARSE_HUGE; all tree walks are iterative): pages with thousands of unclosed
// <font>/<span> tags keep their text. Invalid UTF-8 bytes become U+FFFD and
// NUL bytes become spaces before parsing. The page is taken to be UTF-8 whatever its <meta
// charset> says; transcode other encodings first. Text inside <pre> is whitespace-collapsed like
// any other text. JSON-LD blocks over 1 MiB are not searched for a date.
#ifndef VANKIEN_INDEXER_DOC_HTML_EXTRACTOR_H_
#define VANKIEN_INDEXER_DOC_HTML_EXTRACTOR_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "indexer/base/status.h"

namespace vankien {

struct HtmlPage {
  // og:title, else the <h1> of the article, else <title> without a " - Site" / " | Site" suffix,
  // else the page's first <h1>. Whitespace collapsed; may be empty.
  std::string title;
  // The article text: one line per paragraph/block (p, div, li, h1–h6, tr, …, and <br>), spaces
  // collapsed within a line, no empty lines, no trailing newline. May be empty.
  std::string text;
  // Raw value of the best publication-date hint, first found of: meta article:published_time,
  // meta og:published_time, JSON-LD "datePublished" (anywhere in the first block that has one),
  // microdata itemprop=datePublished (content or datetime attribute), meta name=date / pubdate /
  // publishdate / dc.date / dcterms.date (and a few spellings), the first <time datetime> in
  // the article. Whitespace-collapsed, otherwise not normalized (see NormalizeDate in
  // loader.h). May be empty.
  std::string published;
  // meta name=description, else og:description; whitespace collapsed. May be empty.
  std::string description;
  // <html lang>, else <html xml:lang>, else meta http-equiv=content-language. May be empty.
  std::string lang;
};

// Pages larger than this are refused.
inline constexpr std::size_t kMaxHtmlBytes = 32u << 20;
// Pages with more tags than this are refused (a bound on parse-tree memory).
inline constexpr std::size_t kMaxHtmlTags = 1'000'000;

// Extracts title, article text and metadata from `html_utf8`.
// Never fails on bad markup (the parser recovers). Fails with kInvalidArgument when the input is
// over kMaxHtmlBytes or kMaxHtmlTags, and with kCorrupt when libxml2 cannot build any tree at
// all (e.g. empty input).
Result<HtmlPage> ExtractHtml(std::string_view html_utf8);

}  // namespace vankien

#endif  // VANKIEN_INDEXER_DOC_HTML_EXTRACTOR_H_
