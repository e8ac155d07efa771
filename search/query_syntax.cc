#include "search/query_syntax.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace vankien::search::syntax {
namespace {

struct FieldSpelling {
  std::string_view name;
  Field field;
};

// Every accepted spelling: Vietnamese with and without diacritics, and English.
constexpr FieldSpelling kFieldSpellings[] = {
    {"loai", Field::kType},       {"loại", Field::kType},        {"type", Field::kType},
    {"so", Field::kSymbol},       {"số", Field::kSymbol},        {"symbol", Field::kSymbol},
    {"sohieu", Field::kSymbol},   {"sốhiệu", Field::kSymbol},    {"trichdan", Field::kCites},
    {"tríchdẫn", Field::kCites},  {"cites", Field::kCites},      {"coquan", Field::kIssuer},
    {"cơquan", Field::kIssuer},   {"issuer", Field::kIssuer},    {"khoa", Field::kTerm},
    {"khóa", Field::kTerm},       {"khoá", Field::kTerm},        {"term", Field::kTerm},
    {"tu", Field::kFrom},         {"từ", Field::kFrom},          {"from", Field::kFrom},
    {"den", Field::kTo},          {"đến", Field::kTo},           {"to", Field::kTo},
    {"nam", Field::kYear},        {"năm", Field::kYear},         {"year", Field::kYear},
    {"nguon", Field::kSource},    {"nguồn", Field::kSource},     {"source", Field::kSource},
    {"kieu", Field::kKind},       {"kiểu", Field::kKind},        {"kind", Field::kKind},
    {"thaythe", Field::kReplaces},    {"thaythế", Field::kReplaces},    {"replaces", Field::kReplaces},
    {"baibo", Field::kRepeals},       {"bãibỏ", Field::kRepeals},       {"repeals", Field::kRepeals},
    {"suadoi", Field::kAmends},       {"sửađổi", Field::kAmends},       {"amends", Field::kAmends},
    {"huongdan", Field::kGuides},     {"hướngdẫn", Field::kGuides},     {"guides", Field::kGuides},
    {"cancu", Field::kBasedOn},       {"căncứ", Field::kBasedOn},       {"basedon", Field::kBasedOn},
    {"trienkhai", Field::kImplements}, {"triểnkhai", Field::kImplements}, {"implements", Field::kImplements},
    {"hethieuluc", Field::kExpires},  {"hếthiệulực", Field::kExpires},  {"expires", Field::kExpires},
    {"hieuluc", Field::kStatus},      {"hiệulực", Field::kStatus},      {"status", Field::kStatus},
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Length of an opening/closing double quote at `i` (ASCII " or typographic “ ”), else 0.
std::size_t QuoteAt(std::string_view q, std::size_t i) {
  if (q[i] == '"') return 1;
  if (q.compare(i, 3, "\xE2\x80\x9C") == 0 || q.compare(i, 3, "\xE2\x80\x9D") == 0) return 3;
  return 0;
}

struct Lexeme {
  enum class Type { kWord, kPhrase, kField, kOpen, kClose, kAnd, kOr, kNot, kPlus, kMinus };
  Type type = Type::kWord;
  std::size_t begin = 0, end = 0;  // bytes of the query this lexeme covers
  std::string value;               // kPhrase, kField: the content
  Field field = Field::kType;
};

class Lexer {
 public:
  Lexer(std::string_view q, std::vector<std::string>* notices) : q_(q), notices_(notices) {}

  std::vector<Lexeme> Run() {
    std::vector<Lexeme> out;
    std::size_t i = 0;
    while (i < q_.size()) {
      const char c = q_[i];
      if (IsSpace(c)) {
        ++i;
        continue;
      }
      if (c == '(' || c == ')') {
        out.push_back({c == '(' ? Lexeme::Type::kOpen : Lexeme::Type::kClose, i, i + 1, {}, {}});
        ++i;
        continue;
      }
      if (std::size_t quote = QuoteAt(q_, i)) {
        const std::size_t start = i + quote;
        std::size_t j = start, close = 0;
        while (j < q_.size() && (close = QuoteAt(q_, j)) == 0) ++j;
        if (j >= q_.size()) notices_->push_back("a quote was not closed: the rest of the query was read as one phrase");
        out.push_back({Lexeme::Type::kPhrase, i, std::min(q_.size(), j + close),
                       std::string(q_.substr(start, j - start)), {}});
        i = std::min(q_.size(), j + close);
        continue;
      }
      // '+' / '-' directly before a word mark it required / excluded. A dash followed by a space
      // is text ("21 - NQ/TƯ").
      if ((c == '+' || c == '-') && i + 1 < q_.size() && !IsSpace(q_[i + 1]) && q_[i + 1] != c) {
        out.push_back({c == '+' ? Lexeme::Type::kPlus : Lexeme::Type::kMinus, i, i + 1, {}, {}});
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < q_.size() && !IsSpace(q_[j]) && q_[j] != '(' && q_[j] != ')' && QuoteAt(q_, j) == 0) ++j;
      const std::string_view word = q_.substr(i, j - i);
      if (word == "AND" || word == "&&") {
        out.push_back({Lexeme::Type::kAnd, i, j, {}, {}});
      } else if (word == "OR" || word == "||") {
        out.push_back({Lexeme::Type::kOr, i, j, {}, {}});
      } else if (word == "NOT") {
        out.push_back({Lexeme::Type::kNot, i, j, {}, {}});
      } else if (!FieldLexeme(word, i, &j, &out)) {
        out.push_back({Lexeme::Type::kWord, i, j, {}, {}});
      }
      i = j;
    }
    return out;
  }

 private:
  // `name:value` or `name:"quoted value"`. Returns false (a plain word) when `word` is not one.
  bool FieldLexeme(std::string_view word, std::size_t begin, std::size_t* end, std::vector<Lexeme>* out) {
    const std::size_t colon = word.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    const std::string_view name = word.substr(0, colon);
    const bool name_is_word = std::all_of(name.begin(), name.end(), [](char ch) {
      return std::isalpha(static_cast<unsigned char>(ch)) || (static_cast<unsigned char>(ch) & 0x80);
    });
    if (!name_is_word) return false;  // "10:30", "http://..."
    Field field;
    if (!LookupField(name, &field)) {
      if (colon + 1 < word.size() && name.size() <= 20 && word.find("//") == std::string_view::npos) {
        notices_->push_back("\"" + std::string(name) +
                            ":\" is not a field; it was searched as words. Fields: loai, so, "
                            "trichdan, coquan, khoa, tu, den, nam, nguon, kieu, thaythe, baibo, "
                            "suadoi, huongdan, cancu, trienkhai, hethieuluc, hieuluc");
      }
      return false;
    }
    std::string value(word.substr(colon + 1));
    std::size_t stop = *end;
    if (value.empty() && stop < q_.size()) {
      if (std::size_t quote = QuoteAt(q_, stop)) {  // name:"quoted value"
        std::size_t j = stop + quote, close = 0;
        while (j < q_.size() && (close = QuoteAt(q_, j)) == 0) ++j;
        value.assign(q_.substr(stop + quote, j - stop - quote));
        stop = std::min(q_.size(), j + close);
      }
    }
    if (value.empty()) {
      notices_->push_back("\"" + std::string(name) + ":\" has no value and was ignored");
      *end = stop;
      out->push_back({Lexeme::Type::kField, begin, stop, {}, field});
      return true;
    }
    *end = stop;
    out->push_back({Lexeme::Type::kField, begin, stop, std::move(value), field});
    return true;
  }

  std::string_view q_;
  std::vector<std::string>* notices_;
};

class Parser {
 public:
  Parser(std::string_view q, std::vector<Lexeme> lexemes, std::vector<std::string>* notices)
      : q_(q), lex_(std::move(lexemes)), notices_(notices) {}

  Node ParseAll() {
    Node root = Disjunction(0);
    while (pos_ < lex_.size()) {  // a stray ')' ends the inner parse early: keep going
      if (lex_[pos_].type == Lexeme::Type::kClose) {
        notices_->push_back("a closing parenthesis had no opening one and was ignored");
        ++pos_;
      }
      Node more = Disjunction(0);
      root = Combine(Node::Op::kDefault, std::move(root), std::move(more));
    }
    return AsGroup(std::move(root));
  }

 private:
  bool At(Lexeme::Type t) const { return pos_ < lex_.size() && lex_[pos_].type == t; }

  static Node AsGroup(Node n) {
    if (n.kind == Node::Kind::kGroup) return n;
    Node g;
    g.kind = Node::Kind::kGroup;
    g.clauses.push_back({Occur::kShould, {std::move(n)}});
    return g;
  }

  static Node Combine(Node::Op op, Node a, Node b) {
    Node g;
    g.kind = Node::Kind::kGroup;
    g.op = op;
    g.clauses.push_back({Occur::kShould, {std::move(a)}});
    g.clauses.push_back({Occur::kShould, {std::move(b)}});
    return g;
  }

  // Disjunction := Conjunction ('OR' Conjunction)*
  Node Disjunction(std::size_t depth) {
    std::vector<Node> parts = {Conjunction(depth)};
    while (At(Lexeme::Type::kOr)) {
      ++pos_;
      Node next = Conjunction(depth);
      if (next.clauses.empty()) {
        notices_->push_back("OR needs something on both sides; it was ignored");
        continue;
      }
      parts.push_back(std::move(next));
    }
    return Join(Node::Op::kOr, std::move(parts));
  }

  // Conjunction := Sequence ('AND' Sequence)*
  Node Conjunction(std::size_t depth) {
    std::vector<Node> parts = {Sequence(depth)};
    while (At(Lexeme::Type::kAnd)) {
      ++pos_;
      Node next = Sequence(depth);
      if (next.clauses.empty()) {
        notices_->push_back("AND needs something on both sides; it was ignored");
        continue;
      }
      parts.push_back(std::move(next));
    }
    return Join(Node::Op::kAnd, std::move(parts));
  }

  Node Join(Node::Op op, std::vector<Node> parts) {
    std::erase_if(parts, [](const Node& n) { return n.clauses.empty(); });
    if (parts.size() == 1) return std::move(parts.front());
    Node g;
    g.kind = Node::Kind::kGroup;
    g.op = op;
    for (Node& p : parts) g.clauses.push_back({Occur::kShould, {std::move(p)}});
    if (parts.empty()) g.op = Node::Op::kDefault;
    return g;
  }

  // Sequence := Item*, ended by OR, AND, ')' or the end. Adjacent plain words merge into one
  // text run, so that multi-syllable words and document numbers stay together.
  Node Sequence(std::size_t depth) {
    Node g;
    g.kind = Node::Kind::kGroup;
    std::size_t run_begin = 0, run_end = 0;
    bool in_run = false;
    auto flush = [&] {
      if (!in_run) return;
      Node text;
      text.kind = Node::Kind::kText;
      text.text = std::string(q_.substr(run_begin, run_end - run_begin));
      g.clauses.push_back({Occur::kShould, {std::move(text)}});
      in_run = false;
    };
    while (pos_ < lex_.size()) {
      const Lexeme& l = lex_[pos_];
      if (l.type == Lexeme::Type::kOr || l.type == Lexeme::Type::kAnd) {
        // A leading operator has nothing on its left: drop it.
        if (!g.clauses.empty() || in_run) break;
        notices_->push_back(std::string(l.type == Lexeme::Type::kOr ? "OR" : "AND") +
                            " at the start has nothing on its left and was ignored");
        ++pos_;
        continue;
      }
      if (l.type == Lexeme::Type::kClose) {
        if (depth > 0) break;
        flush();
        notices_->push_back("a closing parenthesis had no opening one and was ignored");
        ++pos_;
        continue;
      }
      if (l.type == Lexeme::Type::kWord) {
        if (!in_run) run_begin = l.begin;
        run_end = l.end;
        in_run = true;
        ++pos_;
        continue;
      }
      flush();
      Occur occur = Occur::kShould;
      if (l.type == Lexeme::Type::kPlus || l.type == Lexeme::Type::kMinus || l.type == Lexeme::Type::kNot) {
        occur = l.type == Lexeme::Type::kPlus ? Occur::kMust : Occur::kMustNot;
        ++pos_;
        if (pos_ >= lex_.size() || lex_[pos_].type == Lexeme::Type::kClose ||
            lex_[pos_].type == Lexeme::Type::kOr || lex_[pos_].type == Lexeme::Type::kAnd) {
          notices_->push_back(std::string(l.type == Lexeme::Type::kNot ? "NOT" : std::string(1, q_[l.begin])) +
                              " has nothing after it and was ignored");
          continue;
        }
      }
      std::vector<Node> item = Item(depth);
      for (Node& n : item) g.clauses.push_back({occur, {std::move(n)}});
    }
    flush();
    return g;
  }

  // One item after an optional +/-/NOT: a parenthesized group, a phrase, a field or one word.
  std::vector<Node> Item(std::size_t depth) {
    const Lexeme& l = lex_[pos_];
    Node n;
    switch (l.type) {
      case Lexeme::Type::kOpen: {
        ++pos_;
        if (depth + 1 >= kMaxDepth) {
          notices_->push_back("parentheses nested too deep were ignored");
          return {};
        }
        n = Disjunction(depth + 1);
        if (At(Lexeme::Type::kClose)) {
          ++pos_;
        } else {
          notices_->push_back("a parenthesis was not closed; it was closed at the end");
        }
        if (n.kind == Node::Kind::kGroup && n.clauses.empty()) return {};
        return {std::move(n)};
      }
      case Lexeme::Type::kPhrase:
        n.kind = Node::Kind::kPhrase;
        n.text = l.value;
        break;
      case Lexeme::Type::kField:
        if (l.value.empty()) {
          ++pos_;
          return {};
        }
        n.kind = Node::Kind::kField;
        n.field = l.field;
        n.text = l.value;
        break;
      default:  // a word after + or -: only that word
        n.kind = Node::Kind::kText;
        n.text = std::string(q_.substr(l.begin, l.end - l.begin));
        break;
    }
    ++pos_;
    return {std::move(n)};
  }

  std::string_view q_;
  std::vector<Lexeme> lex_;
  std::vector<std::string>* notices_;
  std::size_t pos_ = 0;
};

}  // namespace

bool LookupField(std::string_view name, Field* field) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const FieldSpelling& s : kFieldSpellings) {
    if (s.name == lower) {
      *field = s.field;
      return true;
    }
  }
  return false;
}

std::string_view FieldName(Field field) {
  switch (field) {
    case Field::kType: return "loai";
    case Field::kSymbol: return "so";
    case Field::kCites: return "trichdan";
    case Field::kIssuer: return "coquan";
    case Field::kTerm: return "khoa";
    case Field::kFrom: return "tu";
    case Field::kTo: return "den";
    case Field::kYear: return "nam";
    case Field::kSource: return "nguon";
    case Field::kKind: return "kieu";
    case Field::kReplaces: return "thaythe";
    case Field::kRepeals: return "baibo";
    case Field::kAmends: return "suadoi";
    case Field::kGuides: return "huongdan";
    case Field::kBasedOn: return "cancu";
    case Field::kImplements: return "trienkhai";
    case Field::kExpires: return "hethieuluc";
    case Field::kStatus: return "hieuluc";
  }
  return "?";
}

std::string_view RelationOfField(Field field) {
  switch (field) {
    case Field::kReplaces: return "replaces";
    case Field::kRepeals: return "repeals";
    case Field::kAmends: return "amends";
    case Field::kGuides: return "guides";
    case Field::kBasedOn: return "based_on";
    case Field::kImplements: return "implements";
    case Field::kExpires: return "expires";
    default: return "";
  }
}

ParsedSyntax Parse(std::string_view query) {
  ParsedSyntax out;
  std::vector<Lexeme> lexemes = Lexer(query, &out.notices).Run();
  out.root = Parser(query, std::move(lexemes), &out.notices).ParseAll();
  // The same repair repeated (a hundred unclosed parentheses) is one notice.
  std::vector<std::string> unique;
  for (std::string& n : out.notices) {
    if (std::find(unique.begin(), unique.end(), n) == unique.end()) unique.push_back(std::move(n));
  }
  out.notices = std::move(unique);
  return out;
}

}  // namespace vankien::search::syntax
