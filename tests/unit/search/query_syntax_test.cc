// The query language's syntax (search/query_syntax.h): trees written out as S-expressions so
// that each case reads as the rule it checks:
//   text "..." / phrase "..." / field name "value" / (or ...) (and ...) (seq ...)
//   and a clause's occur as a prefix: + must, - must-not, nothing for should.
#include "search/query_syntax.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace vankien::search::syntax {
namespace {

std::string Show(const Node& n);

std::string ShowClause(const Clause& c) {
  const char* prefix = c.occur == Occur::kMust ? "+" : c.occur == Occur::kMustNot ? "-" : "";
  return prefix + Show(c.node.front());
}

std::string Show(const Node& n) {
  switch (n.kind) {
    case Node::Kind::kText: return "text \"" + n.text + "\"";
    case Node::Kind::kPhrase: return "phrase \"" + n.text + "\"";
    case Node::Kind::kField: return "field " + std::string(FieldName(n.field)) + " \"" + n.text + "\"";
    case Node::Kind::kGroup: {
      std::string out = n.op == Node::Op::kOr ? "(or" : n.op == Node::Op::kAnd ? "(and" : "(seq";
      for (const Clause& c : n.clauses) out += " " + ShowClause(c);
      return out + ")";
    }
  }
  return "?";
}

struct Case {
  std::string_view query;
  std::string_view tree;
  std::size_t notices;
};

const Case kCases[] = {
    // Free words stay one run, spacing as typed, so references and pairs see them together.
    {"xay dung dang", "(seq text \"xay dung dang\")", 0},
    {"21 - NQ/TƯ", "(seq text \"21 - NQ/TƯ\")", 0},  // a spaced dash is text, not NOT
    {"21-NQ/TW", "(seq text \"21-NQ/TW\")", 0},
    // Phrases, typographic quotes, an unclosed quote (repaired).
    {"dang \"xây dựng\" nha", "(seq text \"dang\" phrase \"xây dựng\" text \"nha\")", 0},
    {"“kinh tế”", "(seq phrase \"kinh tế\")", 0},
    {"\"xay dung", "(seq phrase \"xay dung\")", 1},
    // +, -, NOT
    {"+dang -nha nuoc", "(seq +text \"dang\" -text \"nha\" text \"nuoc\")", 0},
    {"kinh te NOT nong nghiep", "(seq text \"kinh te\" -text \"nong\" text \"nghiep\")", 0},
    {"NOT (a b)", "(seq -(seq text \"a b\"))", 0},
    // AND binds tighter than OR; juxtaposition tighter than both.
    {"a OR b AND c", "(or (seq text \"a\") (and (seq text \"b\") (seq text \"c\")))", 0},
    {"a b OR c", "(or (seq text \"a b\") (seq text \"c\"))", 0},
    {"a && b || c", "(or (and (seq text \"a\") (seq text \"b\")) (seq text \"c\"))", 0},
    {"(a OR b) c", "(seq (or (seq text \"a\") (seq text \"b\")) text \"c\")", 0},
    // Lower-case operators are words (Vietnamese "or" is not a word, but "and" might be a name).
    {"a or b", "(seq text \"a or b\")", 0},
    // Lone and dangling operators are dropped with a notice.
    {"OR", "(seq)", 1},
    {"AND dang", "(seq text \"dang\")", 1},
    {"dang OR", "(seq text \"dang\")", 1},
    {"dang NOT", "(seq text \"dang\")", 1},
    {"dang +", "(seq text \"dang +\")", 0},  // a lone + is punctuation, read as text
    // Parentheses: unclosed closed at the end, stray closer ignored.
    {"(a b", "(seq (seq text \"a b\"))", 1},
    {"a) b", "(seq text \"a\" text \"b\")", 1},
    // Fields, in Vietnamese with or without marks, and English.
    {"loai:NQ", "(seq field loai \"NQ\")", 0},
    {"loại:NQ type:CT", "(seq field loai \"NQ\" field loai \"CT\")", 0},
    {"khoa:XIII so:21-NQ/TW", "(seq field khoa \"XIII\" field so \"21-NQ/TW\")", 0},
    {"coquan:TW issuer:CP", "(seq field coquan \"TW\" field coquan \"CP\")", 0},
    {"tu:2020-01-01 den:2023-06-30 nam:2022", "(seq field tu \"2020-01-01\" field den \"2023-06-30\" field nam \"2022\")", 0},
    {"nguon:\"báo nhân dân\" dang", "(seq field nguon \"báo nhân dân\" text \"dang\")", 0},
    {"-loai:article dang", "(seq -field loai \"article\" text \"dang\")", 0},
    // Not fields: unknown names (noticed), times, URLs, an empty value (noticed, dropped).
    {"foo:bar", "(seq text \"foo:bar\")", 1},
    {"10:30 sang", "(seq text \"10:30 sang\")", 0},
    {"https://baomoi.com", "(seq text \"https://baomoi.com\")", 0},
    {"loai: NQ", "(seq text \"NQ\")", 1},
};

TEST(QuerySyntaxTest, Table) {
  for (const Case& c : kCases) {
    const ParsedSyntax parsed = Parse(c.query);
    EXPECT_EQ(Show(parsed.root), c.tree) << "query: " << c.query;
    EXPECT_EQ(parsed.notices.size(), c.notices) << "query: " << c.query;
  }
}

TEST(QuerySyntaxTest, DeepNestingIsCutNotOverflowed) {
  std::string deep(10000, '(');
  deep += "dang";
  const ParsedSyntax parsed = Parse(deep);  // must return, not blow the stack
  EXPECT_FALSE(parsed.notices.empty());
  std::string balanced;
  for (std::size_t i = 0; i < kMaxDepth - 2; ++i) balanced += "(";
  balanced += "dang";
  for (std::size_t i = 0; i < kMaxDepth - 2; ++i) balanced += ")";
  const ParsedSyntax ok = Parse(balanced);
  EXPECT_TRUE(ok.notices.empty()) << ok.notices.front();
  EXPECT_NE(Show(ok.root).find("text \"dang\""), std::string::npos);
}

TEST(QuerySyntaxTest, FieldNamesInEverySpelling) {
  Field f;
  for (std::string_view name : {"loai", "LOAI", "loại", "type", "Type"}) {
    ASSERT_TRUE(LookupField(name, &f)) << name;
    EXPECT_EQ(f, Field::kType) << name;
  }
  for (std::string_view name : {"khoa", "khóa", "khoá", "term"}) {
    ASSERT_TRUE(LookupField(name, &f)) << name;
    EXPECT_EQ(f, Field::kTerm) << name;
  }
  for (std::string_view name : {"cơquan", "coquan", "issuer"}) {
    ASSERT_TRUE(LookupField(name, &f)) << name;
    EXPECT_EQ(f, Field::kIssuer) << name;
  }
  EXPECT_FALSE(LookupField("http", &f));
  EXPECT_FALSE(LookupField("", &f));
}

TEST(QuerySyntaxTest, AnyBytesParseWithoutThrowing) {
  const std::string_view inputs[] = {"\xFF\xFE((", "\"\"\"\"", "::::", "a:", ":b", "-", "+",
                                     "- -", "NOT NOT NOT", "( ) ( )", "“", "\xE2\x80"};
  for (std::string_view q : inputs) {
    const ParsedSyntax parsed = Parse(q);
    EXPECT_EQ(parsed.root.kind, Node::Kind::kGroup) << q;
  }
}

}  // namespace
}  // namespace vankien::search::syntax
