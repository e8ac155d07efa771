// Tests for indexer/refs/registry.h: importing the shared research registry, lookups by symbol,
// term, year and plenum (including the ambiguous repeated Party numbers), Add, the Save → Load
// round trip and the errors for malformed files.
#include "indexer/refs/registry.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/refs/mention.h"

namespace vankien::refs {
namespace {

namespace fs = std::filesystem;

const std::string kSharedRegistry = VANKIEN_SOURCE_DIR "/../shared/data/registry.tsv";

std::vector<std::string> Symbols(const std::vector<const Registry::Entry*>& entries) {
  std::vector<std::string> out;
  for (const Registry::Entry* e : entries) out.push_back(e->symbol);
  return out;
}

Registry::Entry PartyEntry(std::string symbol, std::string number, std::string type,
                           std::string date, std::string term) {
  Registry::Entry e;
  e.symbol = std::move(symbol);
  e.type = std::move(type);
  e.type_name = "Nghị quyết";
  e.number = std::move(number);
  e.issuer = "TW";
  e.issuer_name = "Ban Chấp hành Trung ương";
  e.system = System::kParty;
  e.date = std::move(date);
  e.term = std::move(term);
  return e;
}

// A fresh directory per test, removed afterwards.
class RegistryFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "vankien_registry_XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::string Write(const std::string& name, std::string_view bytes) {
    const fs::path p = dir_ / name;
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    EXPECT_TRUE(out.good()) << p;
    return p.string();
  }

  static std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  // Loads a project-format file whose body follows the header; expects failure and returns the
  // message.
  std::string LoadError(std::string_view body) {
    const std::string path =
        Write("bad.tsv", std::string(Registry::kHeader) + "\n" + std::string(body));
    Result<Registry> r = Registry::Load(path);
    EXPECT_FALSE(r.ok()) << body;
    if (r.ok()) return "";
    EXPECT_EQ(r.status().code(), Status::Code::kCorrupt) << r.status().message();
    return r.status().message();
  }

  fs::path dir_;
};

// ---------------------------------------------------------------------------------------------
// The shared research registry
// ---------------------------------------------------------------------------------------------

class SharedRegistryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kSharedRegistry)) {
      GTEST_SKIP() << kSharedRegistry << " is absent (../shared is not checked out next to the "
                   << "source tree); skipping tests on the real registry";
    }
    Result<Registry> r = Registry::ImportShared(kSharedRegistry);
    ASSERT_TRUE(r.ok()) << r.status().message();
    registry_ = std::move(r).value();
  }
  Registry registry_;
};

TEST_F(SharedRegistryTest, ImportsEveryRow) {
  EXPECT_EQ(registry_.size(), 84u);  // 85 lines including the header
  for (const Registry::Entry& e : registry_) {
    EXPECT_FALSE(e.symbol.empty());
    EXPECT_FALSE(e.type.empty()) << e.symbol;
    EXPECT_FALSE(e.issuer.empty()) << e.symbol;
    EXPECT_FALSE(e.title.empty()) << e.symbol;
    EXPECT_EQ(e.issuer_name.find("Hội nghị"), std::string::npos) << e.symbol;
  }
}

TEST_F(SharedRegistryTest, PartyTermsAgreeWithDates) {
  for (const Registry::Entry& e : registry_) {
    if (e.system == System::kParty) {
      EXPECT_EQ(e.term, PartyTermOn(e.date)) << e.symbol << " " << e.date;
    } else {
      EXPECT_EQ(e.term, "") << e.symbol;
    }
  }
}

TEST_F(SharedRegistryTest, RepeatedNumberHasOneEntryPerTerm) {
  std::vector<const Registry::Entry*> both = registry_.FindBySymbol("21-NQ/TW");
  ASSERT_EQ(both.size(), 2u);
  const Registry::Entry* xii = registry_.Find("21-NQ/TW", "XII", std::nullopt);
  ASSERT_NE(xii, nullptr);
  EXPECT_EQ(xii->date, "2017-10-25");
  EXPECT_EQ(xii->plenum, 6);
  const Registry::Entry* xiii = registry_.Find("21-NQ/TW", "", 2022);
  ASSERT_NE(xiii, nullptr);
  EXPECT_EQ(xiii->term, "XIII");
  EXPECT_EQ(xiii->date, "2022-06-16");
  EXPECT_EQ(registry_.Find("21-NQ/TW", "", std::nullopt), nullptr) << "ambiguous";
  EXPECT_EQ(registry_.Find("21-NQ/TW", "XI", std::nullopt), nullptr) << "no such term";
}

TEST_F(SharedRegistryTest, PlenumFromIssuerName) {
  const Registry::Entry* e = registry_.Find("04-NQ/TW", "", std::nullopt);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->plenum, 4);
  EXPECT_EQ(e->term, "XII");
  EXPECT_EQ(e->issuer_name, "Ban Chấp hành Trung ương");
  EXPECT_EQ(e->type, "NQ");
  EXPECT_EQ(e->type_name, "Nghị quyết");
  EXPECT_EQ(e->number, "4");
  EXPECT_EQ(e->issuer, "TW");

  EXPECT_EQ(Symbols(registry_.FindByPlenum("NQ", 4, "XII")), std::vector<std::string>{"04-NQ/TW"});
  EXPECT_EQ(Symbols(registry_.FindByPlenum("NQ", 6, "XII")),
            (std::vector<std::string>{"18-NQ/TW", "20-NQ/TW", "21-NQ/TW"}));
  EXPECT_EQ(Symbols(registry_.FindByPlenum("KL", 4, "XIII")), std::vector<std::string>{"21-KL/TW"});
  EXPECT_EQ(Symbols(registry_.FindByPlenum("QĐi", 8, "XII")),
            std::vector<std::string>{"08-QĐi/TW"});
  EXPECT_TRUE(registry_.FindByPlenum("NQ", 4, "XIII").empty());
  // Any term: plenum 6 of terms X, XII and XIII.
  EXPECT_EQ(registry_.FindByPlenum("NQ", 6, "").size(), 6u);
}

TEST_F(SharedRegistryTest, StateDocuments) {
  const Registry::Entry* law = registry_.Find("80/2015/QH13", "", std::nullopt);
  ASSERT_NE(law, nullptr);
  EXPECT_EQ(law->system, System::kState);
  EXPECT_EQ(law->type, "L");
  EXPECT_EQ(law->issuer, "QH13");
  EXPECT_EQ(law->term, "") << "'QH XIII' is a legislature, not a Party term";

  const Registry::Entry* joint = registry_.Find("55/2005/TTLT-BNV-VPCP", "", 2005);
  ASSERT_NE(joint, nullptr);
  EXPECT_EQ(joint->type, "TTLT");
  EXPECT_EQ(joint->issuer, "BNV-VPCP");

  const Registry::Entry* decision = registry_.Find("800/QĐ-TTg", "", std::nullopt);
  ASSERT_NE(decision, nullptr);
  EXPECT_EQ(decision->type, "QĐ");
  EXPECT_EQ(decision->issuer, "TTg");
  EXPECT_EQ(decision->issuer_name, "Thủ tướng Chính phủ");
}

TEST_F(SharedRegistryTest, SymbolsAreWhatMentionsPrint) {
  for (const Registry::Entry& e : registry_) {
    Mention m;
    m.system = e.system;
    m.type = e.type;
    m.number = e.number;
    m.issuer = e.issuer;
    m.unit = e.unit;
    // The shared registry dates every state document in the year its symbol carries.
    if (e.system == System::kState && e.symbol.find('/') != e.symbol.rfind('/')) m.symbol_year = e.Year();
    EXPECT_EQ(m.Canonical(), e.symbol);
  }
}

// ---------------------------------------------------------------------------------------------
// Lookups and Add on a registry built in memory
// ---------------------------------------------------------------------------------------------

TEST(RegistryTest, FindPrefersTermThenYearThenTheOnlyEntry) {
  Registry r;
  r.Add(PartyEntry("21-NQ/TW", "21", "NQ", "2017-10-25", "XII"));
  r.Add(PartyEntry("21-NQ/TW", "21", "NQ", "2022-06-16", "XIII"));
  r.Add(PartyEntry("04-NQ/TW", "4", "NQ", "2016-10-30", "XII"));
  r.Add(PartyEntry("99-NQ/TW", "99", "NQ", "", ""));  // nothing known about when

  EXPECT_EQ(r.Find("21-NQ/TW", "XIII", std::nullopt)->date, "2022-06-16");
  EXPECT_EQ(r.Find("21-NQ/TW", "", 2017)->term, "XII");
  EXPECT_EQ(r.Find("21-NQ/TW", "XII", 2017)->date, "2017-10-25");
  EXPECT_EQ(r.Find("21-NQ/TW", "", std::nullopt), nullptr);
  EXPECT_EQ(r.Find("21-NQ/TW", "", 2019), nullptr) << "no entry of that year";
  EXPECT_EQ(r.Find("21-NQ/TW", "XII", 2022), nullptr) << "term and year contradict";

  EXPECT_EQ(r.Find("04-NQ/TW", "", std::nullopt)->symbol, "04-NQ/TW") << "the only entry";
  EXPECT_NE(r.Find("04-NQ/TW", "XII", 2016), nullptr);
  EXPECT_EQ(r.Find("04-NQ/TW", "XIII", std::nullopt), nullptr) << "a different term";
  EXPECT_EQ(r.Find("04-NQ/TW", "", 2020), nullptr) << "a different year";

  EXPECT_NE(r.Find("99-NQ/TW", "XI", 2012), nullptr) << "unknown term and date fit anything";
  EXPECT_EQ(r.Find("4-NQ/TW", "", std::nullopt), nullptr) << "symbols are exact";
  EXPECT_EQ(r.Find("04-nq/tw", "", std::nullopt), nullptr) << "symbols are case-sensitive";
  EXPECT_TRUE(r.FindBySymbol("05-CT/TW").empty());
}

TEST(RegistryTest, FindByTermAmongSameYear) {
  // Two entries of one symbol in one year (the year of a congress), told apart by term.
  Registry r;
  r.Add(PartyEntry("01-CT/TW", "1", "CT", "2021-01-20", "XII"));
  r.Add(PartyEntry("01-CT/TW", "1", "CT", "2021-03-09", "XIII"));
  EXPECT_EQ(r.Find("01-CT/TW", "", 2021), nullptr);
  EXPECT_EQ(r.Find("01-CT/TW", "XIII", 2021)->date, "2021-03-09");
}

TEST(RegistryTest, AddReplacesSameSymbolTermAndDate) {
  Registry r;
  Registry::Entry e = PartyEntry("21-NQ/TW", "21", "NQ", "2017-10-25", "XII");
  e.title = "old";
  r.Add(e);
  e.title = "new";
  r.Add(e);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r.begin()->title, "new");

  r.Add(PartyEntry("21-NQ/TW", "21", "NQ", "2022-06-16", "XIII"));
  r.Add(PartyEntry("21-NQ/TW", "21", "NQ", "2017-10-26", "XII"));  // another date: appended
  EXPECT_EQ(r.size(), 3u);
  EXPECT_EQ(r.FindBySymbol("21-NQ/TW").size(), 3u);
  EXPECT_EQ(r.entries().size(), 3u);
}

TEST(RegistryTest, FindByPlenumOrdersNumerically) {
  Registry r;
  for (const char* n : {"21", "9", "18", "100"}) {
    std::string sym = std::string(std::string_view(n).size() == 1 ? "0" : "") + n + "-NQ/TW";
    Registry::Entry e = PartyEntry(sym, n, "NQ", "2017-10-25", "XII");
    e.plenum = 6;
    r.Add(e);
  }
  Registry::Entry other_type = PartyEntry("05-KL/TW", "5", "KL", "2017-10-25", "XII");
  other_type.plenum = 6;
  r.Add(other_type);
  Registry::Entry no_plenum = PartyEntry("22-NQ/TW", "22", "NQ", "2017-10-25", "XII");
  r.Add(no_plenum);
  EXPECT_EQ(Symbols(r.FindByPlenum("NQ", 6, "XII")),
            (std::vector<std::string>{"09-NQ/TW", "18-NQ/TW", "21-NQ/TW", "100-NQ/TW"}));
  EXPECT_EQ(Symbols(r.FindByPlenum("KL", 6, "XII")), std::vector<std::string>{"05-KL/TW"});
  EXPECT_TRUE(r.FindByPlenum("NQ", 7, "XII").empty());
}

// ---------------------------------------------------------------------------------------------
// Files: Save → Load, ImportShared details, errors
// ---------------------------------------------------------------------------------------------

TEST_F(RegistryFileTest, SaveWritesSortedFactsAndLoadReadsThemBack) {
  Registry r;
  Registry::Entry nq = PartyEntry("21-NQ/TW", "21", "NQ", "2022-06-16", "XIII");
  nq.plenum = 5;
  nq.title = "về tiếp tục\tđổi mới\nphương thức";
  r.Add(nq);
  Registry::Entry ct = PartyEntry("05-CT/TW", "5", "CT", "2016-05-15", "XII");
  ct.type_name = "Chỉ thị";
  ct.issuer_name = "Bộ Chính trị";
  ct.title = "về đẩy mạnh học tập";
  r.Add(ct);
  r.Add(PartyEntry("04-NQ/TW", "4", "NQ", "2016-10-30", "XII"));

  const std::string path = (dir_ / "registry.tsv").string();
  ASSERT_TRUE(r.Save(path).ok());
  EXPECT_EQ(Read(path),
            "symbol\ttype\tnumber\tissuer\tdate\tterm\tplenum\ttitle\n"
            "05-CT/TW\tChỉ thị\t5\tBộ Chính trị\t2016-05-15\tXII\t\tvề đẩy mạnh học tập\n"
            "04-NQ/TW\tNghị quyết\t4\tBan Chấp hành Trung ương\t2016-10-30\tXII\t\t\n"
            "21-NQ/TW\tNghị quyết\t21\tBan Chấp hành Trung ương\t2022-06-16\tXIII\t5\t"
            "về tiếp tục đổi mới phương thức\n");
  EXPECT_FALSE(fs::exists(path + ".tmp"));

  Result<Registry> back = Registry::Load(path);
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->size(), 3u);
  const Registry::Entry* e = back->Find("21-NQ/TW", "XIII", std::nullopt);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, "NQ");
  EXPECT_EQ(e->issuer, "TW");
  EXPECT_EQ(e->system, System::kParty);
  EXPECT_EQ(e->plenum, 5);
  EXPECT_EQ(e->title, "về tiếp tục đổi mới phương thức");

  // Saving what was loaded gives the same bytes.
  const std::string again = (dir_ / "again.tsv").string();
  ASSERT_TRUE(back->Save(again).ok());
  EXPECT_EQ(Read(again), Read(path));
}

TEST_F(RegistryFileTest, SharedRegistryRoundTrips) {
  if (!fs::exists(kSharedRegistry)) {
    GTEST_SKIP() << kSharedRegistry << " is absent; skipping the real-registry round trip";
  }
  Result<Registry> shared = Registry::ImportShared(kSharedRegistry);
  ASSERT_TRUE(shared.ok()) << shared.status().message();
  const std::string path = (dir_ / "registry.tsv").string();
  ASSERT_TRUE(shared->Save(path).ok());
  Result<Registry> back = Registry::Load(path);
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->size(), shared->size());
  for (const Registry::Entry& e : *shared) {
    const Registry::Entry* b = back->Find(e.symbol, e.term, e.Year());
    ASSERT_NE(b, nullptr) << e.symbol;
    EXPECT_EQ(b->type, e.type) << e.symbol;
    EXPECT_EQ(b->type_name, e.type_name) << e.symbol;
    EXPECT_EQ(b->number, e.number) << e.symbol;
    EXPECT_EQ(b->issuer, e.issuer) << e.symbol;
    EXPECT_EQ(b->issuer_name, e.issuer_name) << e.symbol;
    EXPECT_EQ(b->system, e.system) << e.symbol;
    EXPECT_EQ(b->date, e.date) << e.symbol;
    EXPECT_EQ(b->plenum, e.plenum) << e.symbol;
    EXPECT_EQ(b->title, e.title) << e.symbol;
  }
}

TEST_F(RegistryFileTest, ImportSharedFormat) {
  const std::string path =
      Write("shared.tsv",
            "symbol\ttype\tnumber\tissuer\tdate\tterm\ttitle\tsource_url\r\n"
            "04-NQ/TW\tNghị quyết\t4\tBan Chấp hành Trung ương (Hội nghị TW 4)\t2016-10-30\tXII\t"
            "về tăng cường\thttps://example.org/a\r\n"
            "80/2015/QH13\tLuật\t80\tQuốc hội\t2015-06-22\tQH XIII\tBan hành VBQPPL\thttps://x\r\n"
            "\r\n"
            "3546/UBND-VP\tCông văn\t3546\tUBND tỉnh\t2023-05-01\t\tvề việc\t\r\n"
            "47-QĐ/TW\tQuy định\t47\tBan Chấp hành Trung ương\t2011-11-01\t\tnhững điều\t\r\n");
  Result<Registry> r = Registry::ImportShared(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 4u);

  const Registry::Entry* nq = r->Find("04-NQ/TW", "", std::nullopt);
  ASSERT_NE(nq, nullptr);
  EXPECT_EQ(nq->plenum, 4);
  EXPECT_EQ(nq->issuer_name, "Ban Chấp hành Trung ương");
  EXPECT_EQ(nq->title, "về tăng cường");

  const Registry::Entry* law = r->Find("80/2015/QH13", "", std::nullopt);
  ASSERT_NE(law, nullptr);
  EXPECT_EQ(law->term, "");
  EXPECT_EQ(law->type, "L");

  const Registry::Entry* cv = r->Find("3546/UBND-VP", "", std::nullopt);
  ASSERT_NE(cv, nullptr);
  EXPECT_EQ(cv->type, "CV");
  EXPECT_EQ(cv->issuer, "UBND");
  EXPECT_EQ(cv->unit, "VP");
  EXPECT_EQ(cv->system, System::kState);

  const Registry::Entry* qd = r->Find("47-QĐ/TW", "", std::nullopt);
  ASSERT_NE(qd, nullptr);
  EXPECT_EQ(qd->term, "XI") << "a missing Party term is filled from the date";
}

TEST_F(RegistryFileTest, MissingFileIsAnIoError) {
  Result<Registry> r = Registry::Load((dir_ / "nope.tsv").string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIoError);
  EXPECT_NE(r.status().message().find("nope.tsv"), std::string::npos) << r.status().message();
}

TEST_F(RegistryFileTest, SaveToMissingDirectoryIsAnIoError) {
  Registry r;
  Status s = r.Save((dir_ / "no" / "such" / "dir.tsv").string());
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kIoError);
}

TEST_F(RegistryFileTest, WrongHeaderNamesFileAndLine) {
  const std::string path = Write("h.tsv", "symbol\ttype\tnumber\n21-NQ/TW\tNghị quyết\t21\n");
  Result<Registry> r = Registry::Load(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorrupt);
  EXPECT_NE(r.status().message().find(path + ":1:"), std::string::npos) << r.status().message();

  // The shared format is not the project format, and vice versa.
  const std::string project = Write("p.tsv", std::string(Registry::kHeader) + "\n");
  EXPECT_TRUE(Registry::Load(project).ok());
  EXPECT_FALSE(Registry::ImportShared(project).ok());
  EXPECT_FALSE(Registry::Load(Write("empty.tsv", "")).ok());
}

TEST_F(RegistryFileTest, MalformedLinesNameFileAndLine) {
  struct Case {
    const char* body;
    const char* what;  // part of the expected message
  };
  const std::string ok = "21-NQ/TW\tNghị quyết\t21\tBCH TW\t2017-10-25\tXII\t6\tvề\n";
  const std::vector<Case> cases = {
      {"21-NQ/TW\tNghị quyết\t21\tBCH TW\n", "found 4"},
      {"5-CT/TW\tChỉ thị\t5\tBộ Chính trị\t2016-05-15\tXII\t\tx\n", "not canonical"},
      {"05-CT/TW\tChỉ thị\t6\tBộ Chính trị\t2016-05-15\tXII\t\tx\n", "disagrees"},
      {"05-CT/TW\tChỉ thị\t5\tBộ Chính trị\t15/05/2016\tXII\t\tx\n", "date"},
      {"05-CT/TW\tChỉ thị\t5\tBộ Chính trị\t2016-05-15\t12\t\tx\n", "Roman"},
      {"05-CT/TW\tChỉ thị\t5\tBộ Chính trị\t2016-05-15\tXII\tbốn\tx\n", "plenum"},
      {"30/2020/NĐ-CP\tNghị định\t30\tChính phủ\t2020-03-05\tXIII\t\tx\n", "Party documents"},
      {"80/2015/QH13\tChỉ thị\t80\tQuốc hội\t2015-06-22\t\t\tx\n", "type code"},
      {"NQ/TW\tNghị quyết\t\tBCH TW\t\t\t\tx\n", "symbol"},
      {"30/20/NĐ-CP\tNghị định\t30\tChính phủ\t2020-03-05\t\t\tx\n", "year"},
      {"\tNghị quyết\t21\tBCH TW\t2017-10-25\tXII\t6\tvề\n", "empty symbol"},
  };
  for (const Case& c : cases) {
    // The bad line is line 3: header, a good line, then the case.
    std::string message = LoadError(ok + c.body);
    EXPECT_NE(message.find("bad.tsv:3:"), std::string::npos) << message;
    EXPECT_NE(message.find(c.what), std::string::npos) << message;
  }
}

TEST_F(RegistryFileTest, RepeatedEntryIsAnError) {
  const std::string line = "21-NQ/TW\tNghị quyết\t21\tBCH TW\t2017-10-25\tXII\t6\tvề\n";
  std::string message = LoadError(line + "\n" + line);
  EXPECT_NE(message.find("bad.tsv:4:"), std::string::npos) << message;
  EXPECT_NE(message.find("line 2"), std::string::npos) << message;
}

}  // namespace
}  // namespace vankien::refs
