// The spelling of every term a vankien index holds, built from the prefixes of schema.h. The
// writer (index_writer.cc) indexes these terms and the query compiler (search/) looks these
// very terms up, so the two agree by construction, as Xapian's TermGenerator and QueryParser
// do. The README's schema table lists the same kinds. Thread-safety: pure functions.
#ifndef VANKIEN_INDEXER_TERMS_H_
#define VANKIEN_INDEXER_TERMS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "indexer/schema.h"
#include "indexer/text/analyzer.h"

namespace vankien::terms {

// Terms longer than this are never indexed (Xapian refuses terms over 245 bytes).
inline constexpr std::size_t kMaxTermBytes = schema::kMaxTermBytes;

// True when a term of `term.size()` bytes can be in the index.
inline bool Fits(std::string_view term) { return term.size() <= kMaxTermBytes; }

// True when the analyzer's token gets word terms at all: a token whose folded or exact form is
// longer than kMaxTermBytes is skipped by the writer (and breaks the chain of pairs), so the
// query compiler skips it too.
inline bool Indexable(const text::Token& t) { return Fits(t.folded) && Fits(t.exact); }

// ---- Word terms (weighted) ----
// Folded syllable: "XF" + folded form ("XFdang"). Every indexable token has one.
std::string Folded(std::string_view folded);
// Exact syllable: the exact form, unprefixed ("đảng"); only for tokens with marks
// (Token::HasMarks), since an unmarked exact form equals the folded one.
std::string Exact(std::string_view exact);
// Adjacent pair of folded syllables of one field: "XP" + a + " " + b ("XPxay dung"). The
// writer leaves out a pair that does not Fit().
std::string Pair(std::string_view folded_a, std::string_view folded_b);

// ---- Reference terms (weighted, wdf 1 per mention) ----
// `symbol` is a canonical symbol or descriptive key (Mention::Canonical(), resolved_symbol);
// `key` a document key (refs/key.h, Mention::Key()). Unlike filter values they are never
// hashed, since the catalogue reads them back from the terms; the writer leaves out a
// reference term that does not Fit().
std::string Ref(std::string_view symbol);       // "XREF:21-NQ/TW": a document cites it
std::string RefKey(std::string_view key);       // "XKEY:21-NQ/TW@XIII": cites it, term given
std::string OwnSymbol(std::string_view symbol); // "XOWN:21-NQ/TW": the document is it
std::string OwnKey(std::string_view key);       // "XOWNKEY:21-NQ/TW@XIII"

// ---- Relation terms (boolean) ----
// "XREL:replaces:30/2020/NĐ-CP": the document states `type` (refs::RelationTypeName) of
// `target` (a canonical symbol or "Luật <Tên> <year>"). Whole, never hashed; the writer
// leaves out one that does not Fit().
std::string Relation(std::string_view type, std::string_view target);
// The term type of a stored relation: `type`, except "repeals_part" (schema::kRepealsPartType)
// for a repeal whose part is "part".
std::string_view RelationTermType(std::string_view type, std::string_view part);
// The prefix of every relation term of `type` ("XREL:replaces:"), for listing them.
std::string RelationTypePrefix(std::string_view type);

// ---- Filter terms (boolean); their values also go in the value slots of schema.h ----
// Long values are shortened and hashed (schema::BoundedTerm), on both sides alike.
std::string Kind(std::string_view kind);      // "XKIND:NQ", "XKIND:article"
std::string Issuer(std::string_view code);    // "XISSUER:TW"
std::string Term(std::string_view roman);     // "XTERM:XIII"
std::string Year(std::string_view year);      // "XYEAR:2022"
std::string Source(std::string_view source);  // "XSOURCE:baomoi.com"
// The year a document date ("YYYY[-MM[-DD]]") files under: its first four bytes, or "" when
// the date is shorter.
std::string_view YearOfDate(std::string_view date);

// ---- Identity terms (boolean) ----
// The unique-id term (schema::IdTerm): "Q" + id, hashed when long.
std::string Id(std::string_view id);
// The source-file term (schema::FileTerm): "XFILE:" + absolute path, hashed when long.
std::string File(std::string_view path);

}  // namespace vankien::terms

#endif  // VANKIEN_INDEXER_TERMS_H_
