// SQLite FTS5, the embedded peer of the speed comparison (tools/bench/compare.sh). Nothing here is
// a test. Single-threaded; one connection per run.
//   bench_fts5 index --db FILE DIR...   loads every .txt under DIR (first line = title, the rest =
//                                       body) into fts5(title, body) in one transaction
//   bench_fts5 optimize --db FILE       merges the FTS5 b-trees into one, then VACUUM
//   bench_fts5 query --db FILE [--queries FILE] [--rounds N] [--show]
//                                       times tools/bench/queries.txt as FTS5 MATCH queries ranked
//                                       by bm25 (ORDER BY rank LIMIT 10) and prints p50/p95/p99
//                                       lines in bench_query's format
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tools/bench/latency.h"

namespace {

namespace fs = std::filesystem;

// The tokenizer folds case and (with remove_diacritics 2, which also handles letters carrying two
// marks such as "ế") accents, so unaccented queries match as they do in vankien's folded term
// space.
constexpr const char* kCreateTable =
    "CREATE VIRTUAL TABLE docs USING fts5(title, body, "
    "tokenize = 'unicode61 remove_diacritics 2')";
constexpr const char* kSearch =
    "SELECT rowid, title FROM docs WHERE docs MATCH ?1 ORDER BY rank LIMIT 10";

int Usage(int code) {
  std::fprintf(code == 0 ? stdout : stderr,
               "usage: bench_fts5 index --db FILE DIR...\n"
               "       bench_fts5 optimize --db FILE\n"
               "       bench_fts5 query --db FILE [--queries FILE] [--rounds N] [--show]\n"
               "SQLite FTS5 as the peer of tools/bench/compare.sh: loads .txt files (first line = "
               "title) in one transaction, or times the query set (bm25, LIMIT 10).\n");
  return code;
}

bool Exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::fprintf(stderr, "bench_fts5: %s: %s\n", sql, error != nullptr ? error : "?");
    sqlite3_free(error);
    return false;
  }
  return true;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

int Index(const std::string& path, const std::vector<std::string>& dirs) {
  std::vector<fs::path> files;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".txt") files.push_back(it->path());
    }
    if (ec) {
      std::fprintf(stderr, "bench_fts5: cannot list %s: %s\n", dir.c_str(), ec.message().c_str());
      return 1;
    }
  }
  std::sort(files.begin(), files.end());  // the same order on every run
  fs::remove(path);
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    std::fprintf(stderr, "bench_fts5: cannot open %s: %s\n", path.c_str(), sqlite3_errmsg(db));
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  if (!Exec(db, kCreateTable) || !Exec(db, "BEGIN")) return 1;
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(db, "INSERT INTO docs(title, body) VALUES(?1, ?2)", -1, &insert,
                         nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "bench_fts5: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  std::size_t bytes = 0;
  std::string text;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      std::fprintf(stderr, "bench_fts5: cannot read %s\n", file.c_str());
      return 1;
    }
    bytes += text.size();
    const std::size_t eol = std::min(text.find('\n'), text.size());
    const std::size_t body = std::min(eol + 1, text.size());
    sqlite3_bind_text(insert, 1, text.data(), static_cast<int>(eol), SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, text.data() + body, static_cast<int>(text.size() - body),
                      SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) {
      std::fprintf(stderr, "bench_fts5: %s: %s\n", file.c_str(), sqlite3_errmsg(db));
      return 1;
    }
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  if (!Exec(db, "COMMIT")) return 1;
  const double secs = Seconds(start);
  sqlite3_close(db);
  // One line the script parses: key=value.
  std::printf("docs=%zu bytes=%zu seconds=%.3f\n", files.size(), bytes, secs);
  return 0;
}

int Optimize(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "bench_fts5: cannot open %s: %s\n", path.c_str(), sqlite3_errmsg(db));
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  if (!Exec(db, "INSERT INTO docs(docs) VALUES('optimize')") || !Exec(db, "VACUUM")) return 1;
  std::printf("seconds=%.3f\n", Seconds(start));
  sqlite3_close(db);
  return 0;
}

// ---- The query set, as FTS5 MATCH expressions -------------------------------------------------

struct Query {
  std::string category, text, match, note;
};

// Bytes FTS5's unicode61 keeps inside a token for our purposes: ASCII letters and digits and every
// non-ASCII byte (the query set's only non-ASCII characters are Vietnamese letters).
bool TokenByte(unsigned char c) { return c >= 0x80 || std::isalnum(c) != 0; }

std::vector<std::string> Parts(const std::string& s) {
  std::vector<std::string> parts;
  std::string cur;
  for (unsigned char c : s) {
    if (TokenByte(c)) {
      cur += static_cast<char>(c);
    } else if (!cur.empty()) {
      parts.push_back(cur);
      cur.clear();
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  return parts;
}

// A quoted FTS5 string: one term, or a phrase of several (tokens joined by spaces).
std::string Quoted(const std::vector<std::string>& parts) {
  std::string out = "\"";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? " " : "") + parts[i];
  return out + "\"";
}

// vankien's query language to FTS5: plain words are OR-ed (Xapian's default operator), phrases
// stay phrases, AND/OR/NOT and parentheses keep their meaning (FTS5 binds NOT > AND > OR, like
// Xapian's QueryParser), "-word" becomes "... NOT word", and a token with inner punctuation (a
// document number such as 21-NQ/TW) becomes the phrase of its parts, which is how FTS5 indexed it.
// field:value filters have no FTS5 counterpart (no dates or types in the table): dropped, noted.
void ToMatch(Query* q) {
  enum Kind { kOperand, kOperator, kOpen, kClose };
  std::vector<std::pair<Kind, std::string>> items;
  std::vector<std::string> excluded, dropped;
  const std::string& s = q->text;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '(' || c == ')') {
      items.push_back({c == '(' ? kOpen : kClose, std::string(1, c)});
      ++i;
    } else if (c == '"') {
      const std::size_t end = std::min(s.find('"', i + 1), s.size());
      const auto parts = Parts(s.substr(i + 1, end - i - 1));
      if (!parts.empty()) items.push_back({kOperand, Quoted(parts)});
      i = end + 1;
    } else {
      std::size_t end = i;
      while (end < s.size() && !std::isspace(static_cast<unsigned char>(s[end])) && s[end] != '(' &&
             s[end] != ')' && s[end] != '"') {
        ++end;
      }
      const std::string word = s.substr(i, end - i);
      i = end;
      if (word == "AND" || word == "OR" || word == "NOT") {
        items.push_back({kOperator, word});
        continue;
      }
      const std::size_t colon = word.find(':');
      const auto field_char = [](char ch) {
        return std::isalpha(static_cast<unsigned char>(ch)) != 0 || ch == '_';
      };
      if (colon != std::string::npos && colon > 0 &&
          std::all_of(word.begin(), word.begin() + colon, field_char)) {
        dropped.push_back(word);
        continue;
      }
      const bool negated = word.size() > 1 && word[0] == '-';
      const auto parts = Parts(negated ? word.substr(1) : word);
      if (parts.empty()) continue;
      if (negated) {
        excluded.push_back(Quoted(parts));
      } else {
        items.push_back({kOperand, Quoted(parts)});
      }
    }
  }
  // Join: an implicit OR between two operands; operators only between operands; balanced parens.
  std::string out;
  bool after_operand = false, pending_operator = false;
  std::string op;
  int depth = 0;
  for (const auto& [kind, text] : items) {
    if (kind == kOperator) {
      if (after_operand) {
        op = text;
        pending_operator = true;
      }
      continue;
    }
    if (kind == kClose) {
      if (depth == 0 || !after_operand) continue;
      out += ")";
      --depth;
      pending_operator = false;
      continue;
    }
    if (after_operand) out += " " + (pending_operator ? op : std::string("OR")) + " ";
    pending_operator = false;
    if (kind == kOpen) {
      out += "(";
      ++depth;
      after_operand = false;
    } else {
      out += text;
      after_operand = true;
    }
  }
  while (depth-- > 0) out += ")";
  if (!out.empty() && !excluded.empty()) {
    std::string none;
    for (std::size_t k = 0; k < excluded.size(); ++k) none += (k ? " OR " : "") + excluded[k];
    out = "(" + out + ") NOT (" + none + ")";
  }
  q->match = out;
  if (!dropped.empty()) {
    q->note = "dropped vankien-only filter";
    for (const auto& d : dropped) q->note += " " + d;
  }
}

std::vector<Query> ReadQueries(const std::string& path, bool* ok) {
  // The same format and category rule as bench_query.
  std::vector<Query> queries;
  std::ifstream in(path);
  *ok = static_cast<bool>(in);
  std::string line, category = "queries";
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (line.size() > 2 && line.find(':') == std::string::npos &&
          line.find('"') == std::string::npos && line.find('(') == std::string::npos) {
        category = line.substr(2);
      }
      continue;
    }
    Query q{category, line, "", ""};
    ToMatch(&q);
    queries.push_back(q);
  }
  return queries;
}

// Runs one query to the end, reading each hit's rowid and title as a result page would.
bool Run(sqlite3* db, sqlite3_stmt* stmt, const std::string& match, int* hits) {
  sqlite3_bind_text(stmt, 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
  int rc, n = 0;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    (void)sqlite3_column_int64(stmt, 0);
    (void)sqlite3_column_text(stmt, 1);  // external calls: not optimized away
    ++n;
  }
  sqlite3_reset(stmt);
  if (hits != nullptr) *hits = n;
  if (rc != SQLITE_DONE) {
    std::fprintf(stderr, "bench_fts5: MATCH %s: %s\n", match.c_str(), sqlite3_errmsg(db));
    return false;
  }
  return true;
}

int QueryBench(const std::string& path, const std::string& queries_path, int rounds, bool show) {
  bool ok = false;
  std::vector<Query> queries = ReadQueries(queries_path, &ok);
  if (!ok) {
    std::fprintf(stderr, "bench_fts5: cannot read %s\n", queries_path.c_str());
    return 1;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "bench_fts5: cannot open %s: %s\n", path.c_str(), sqlite3_errmsg(db));
    return 1;
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, kSearch, -1, &stmt, nullptr) != SQLITE_OK) {
    std::fprintf(stderr, "bench_fts5: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  std::size_t noted = 0, empty = 0;
  for (const Query& q : queries) {  // warm up, and show the translation when asked
    int hits = 0;
    if (!q.match.empty()) Run(db, stmt, q.match, &hits);
    noted += q.note.empty() ? 0 : 1;
    empty += q.match.empty() ? 1 : 0;
    if (show) {
      std::printf("%-16s %-45s -> %s  [%d hits]%s%s\n", q.category.c_str(), q.text.c_str(),
                  q.match.empty() ? "(nothing to run)" : q.match.c_str(), hits,
                  q.note.empty() ? "" : "  ", q.note.c_str());
    }
  }
  std::map<std::string, std::vector<double>> by_category;
  std::vector<double> all;
  std::size_t failed = 0;
  for (int r = 0; r < rounds; ++r) {
    for (const Query& q : queries) {
      if (q.match.empty()) continue;
      const auto t0 = std::chrono::steady_clock::now();
      if (!Run(db, stmt, q.match, nullptr)) ++failed;
      const double ms = Seconds(t0) * 1000.0;
      by_category[q.category].push_back(ms);
      all.push_back(ms);
    }
  }
  std::printf("%zu queries x %d rounds on %s (FTS5 MATCH, ORDER BY rank = bm25, LIMIT 10)\n",
              queries.size() - empty, rounds, path.c_str());
  for (const auto& [name, ms] : by_category) vankien::bench::PrintLatency(name, ms);
  vankien::bench::PrintLatency("all", all);
  if (noted > 0) {
    std::printf(
        "%zu queries ran without their vankien-only field:value filters (FTS5 table has "
        "no dates or types)\n",
        noted);
  }
  if (empty > 0) std::printf("%zu queries had nothing FTS5 could run\n", empty);
  if (failed > 0) std::printf("%zu runs failed (FTS5 refused the MATCH expression)\n", failed);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage(2);
  const std::string command = argv[1];
  if (command == "--help" || command == "-h") return Usage(0);
  std::string db, queries_path = std::string(VANKIEN_SOURCE_DIR) + "/tools/bench/queries.txt";
  std::vector<std::string> dirs;
  int rounds = 20;
  bool show = false;
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--db") && i + 1 < argc) {
      db = argv[++i];
    } else if (!std::strcmp(argv[i], "--queries") && i + 1 < argc) {
      queries_path = argv[++i];
    } else if (!std::strcmp(argv[i], "--rounds") && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else if (!std::strcmp(argv[i], "--show")) {
      show = true;
    } else if (!std::strcmp(argv[i], "--help")) {
      return Usage(0);
    } else if (argv[i][0] != '-' && command == "index") {
      dirs.push_back(argv[i]);
    } else {
      return Usage(2);
    }
  }
  if (db.empty()) {
    std::fprintf(stderr, "bench_fts5: give the database file with --db FILE\n");
    return 2;
  }
  if (command == "index") return dirs.empty() ? Usage(2) : Index(db, dirs);
  if (command == "optimize") return Optimize(db);
  if (command == "query") return QueryBench(db, queries_path, rounds, show);
  return Usage(2);
}
