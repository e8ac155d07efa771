// Relations an official document states about other documents ("Nghị định này thay thế Nghị
// định số 30/2020/NĐ-CP", "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024", "Bãi bỏ Điều 5 …")
// and its own validity dates ("… có hiệu lực kể từ ngày 01 tháng 7 năm 2025").
// Thread-safety: pure functions over their arguments; call from any number of threads.
#ifndef VANKIEN_INDEXER_REFS_RELATIONS_H_
#define VANKIEN_INDEXER_REFS_RELATIONS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/refs/mention.h"

namespace vankien::refs {

enum class RelationType { kReplaces, kRepeals, kAmends, kGuides, kBasedOn, kImplements, kExpires };

// "replaces", "repeals", "amends", "guides", "based_on", "implements", "expires".
std::string_view RelationTypeName(RelationType t);

struct Relation {
  RelationType type = RelationType::kBasedOn;
  // Mention::Canonical() of the target ("30/2020/NĐ-CP", "105-QĐ/TW"); for a law, code or
  // constitution named without a number, "Luật <Tên> <year>" as written ("Luật Tổ chức Chính
  // phủ 2025", "Bộ luật Dân sự 2015"), without the year when the text gives none.
  std::string target;
  std::string surface;                // the target's text
  std::size_t begin = 0, end = 0;     // the target's byte offsets in the input, end exclusive
  // The sentence (or Căn cứ line) that states the relation: the evidence.
  std::size_t sentence_begin = 0, sentence_end = 0;
  // repeals and amends: "whole" ("bãi bỏ toàn bộ", or no part named) or "part"; "" otherwise.
  std::string part;
  std::vector<std::string> articles;  // article numbers named ("5", "6a"), in text order
};

struct DocumentRelations {
  std::vector<Relation> relations;  // in text order, one per (type, target)
  // The document's own entry into force: ISO "YYYY-MM-DD", or the relative phrase as written
  // ("kể từ ngày ký", "sau 45 ngày kể từ ngày ký"); "" when the text does not say.
  std::string effective_from;
  std::string expires_on;  // ISO date, or "" when the text does not say
};

// The relations `text` (one official document, UTF-8) states about other documents, given
// `mentions` = Recognizer::Find(text, issuer) for the same text (byte offsets into `text`;
// passing the mentions rather than a Recognizer lets the indexer recognize once and share
// the result). Only statements whose subject is this document count:
//  - the preamble lines "Căn cứ …" (based_on) and "Thực hiện / Triển khai / Để cụ thể hóa …"
//    (implements) before the first article, chapter or numbered section; in each, only the
//    documents the line lists, not those its descriptions name ("… quy định chi tiết Luật Giá",
//    "… được sửa đổi, bổ sung bởi Luật số 87/2025/QH15");
//  - the title ("NGHỊ ĐỊNH SỬA ĐỔI, BỔ SUNG … CỦA NGHỊ ĐỊNH SỐ 15/2018/NĐ-CP", "KẾ HOẠCH Thực
//    hiện Nghị quyết số 57-NQ/TW");
//  - sentences whose subject is "<Loại văn bản> này" ("Thông tư này hướng dẫn …", "Quy định
//    này thay thế …", "… có hiệu lực … và thay thế …");
//  - verb-first sentences ("Bãi bỏ …", "Sửa đổi, bổ sung …") and "<văn bản> hết hiệu lực"
//    in an article heading or inside the article on entry into force ("Điều N. Hiệu lực thi
//    hành", "Điều khoản thi hành", "Tổ chức thực hiện"), including the lists they introduce.
// Everything else (a sentence about another body's act, a cross-reference inside an article,
// quoted amended text) yields nothing. Never fails; empty for text without such statements.
DocumentRelations ExtractRelations(std::string_view text, const std::vector<Mention>& mentions);

}  // namespace vankien::refs

#endif  // VANKIEN_INDEXER_REFS_RELATIONS_H_
