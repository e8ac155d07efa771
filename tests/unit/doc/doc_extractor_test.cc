// Word 97-2003 through antiword: the child-process runner's limits, the DocBook reading (table
// cells in order), and what is refused with which message.
#include "indexer/doc/doc_extractor.h"

#include <gtest/gtest.h>

#include "indexer/doc/subprocess.h"

namespace vankien {
namespace {

TEST(RunProgramTest, ChildReadsTheInputAndItsOutputIsCaptured) {
  auto run = RunProgram({"cat", "{input}"}, "nội dung\n", "coreutils");
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(run->exit_code, 0);
  EXPECT_EQ(run->out, "nội dung\n");
}

TEST(RunProgramTest, ExitCodeAndStderrAreReported) {
  auto run = RunProgram({"sh", "-c", "echo loi >&2; exit 3"}, "", "dash");
  ASSERT_TRUE(run.ok());
  EXPECT_EQ(run->exit_code, 3);
  EXPECT_EQ(run->err, "loi\n");
}

TEST(RunProgramTest, AMissingProgramNamesItsPackage) {
  auto run = RunProgram({"vankien-no-such-tool", "{input}"}, "", "vankien-no-such-package");
  ASSERT_FALSE(run.ok());
  EXPECT_EQ(run.status().code(), Status::Code::kNotFound);
  EXPECT_NE(run.status().message().find("vankien-no-such-package"), std::string::npos);
}

TEST(RunProgramTest, TimeAndOutputLimitsStopTheChild) {
  ProgramLimits quick;
  quick.max_seconds = 0.3;
  auto slow = RunProgram({"sleep", "5"}, "", "coreutils", quick);
  ASSERT_FALSE(slow.ok());
  EXPECT_EQ(slow.status().code(), Status::Code::kResourceExhausted);
  ProgramLimits small;
  small.max_output_bytes = 1 << 20;
  auto flood = RunProgram({"yes"}, "", "coreutils", small);
  ASSERT_FALSE(flood.ok());
  EXPECT_EQ(flood.status().code(), Status::Code::kResourceExhausted);
}

// antiword -x db output for a two-column official header in a table, then the body.
constexpr char kDocBook[] = R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE book PUBLIC "-//OASIS//DTD DocBook XML V4.1.2//EN"
	"http://www.oasis-open.org/docbook/xml/4.1.2/docbookx.dtd">
<book lang='en_US'>
 <bookinfo><title>Nghị định mẫu</title><author><surname>x</surname></author><date>2019-02-20</date></bookinfo>
 <chapter><title/>
  <para>
   <informaltable frame='none'><tgroup cols='2'><tbody>
      <row>
       <entry>
CHÍNH PHỦ
-------
Số: 19/2019/NĐ-CP
       </entry>
       <entry>
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 19 tháng 02 năm 2019
       </entry>
      </row>
   </tbody></tgroup></informaltable>
  </para>
  <para>   </para>
  <para>NGHỊ ĐỊNH</para>
  <para>Căn cứ Luật Tổ chức Chính phủ
ngày 19 tháng 6 năm 2015;</para>
 </chapter>
</book>
)";

TEST(AntiwordDocBookTest, CellsComeColumnByColumnThenParagraphs) {
  auto doc = ParseAntiwordDocBook(kDocBook);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->text,
            "CHÍNH PHỦ\n-------\nSố: 19/2019/NĐ-CP\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 19 tháng 02 năm 2019\n"
            "NGHỊ ĐỊNH\nCăn cứ Luật Tổ chức Chính phủ\nngày 19 tháng 6 năm 2015;\n");
  EXPECT_EQ(doc->title, "Nghị định mẫu");
  EXPECT_EQ(doc->created, "2019-02-20");
}

TEST(AntiwordDocBookTest, NotXmlIsCorrupt) {
  EXPECT_EQ(ParseAntiwordDocBook("<book><para>unclosed").status().code(), Status::Code::kCorrupt);
}

TEST(ExtractDocTest, FilesThatAreNoWord97AreNamedForWhatTheyAre) {
  const auto rtf = ExtractDoc("{\\rtf1\\ansi Nghi quyet}");
  ASSERT_FALSE(rtf.ok());
  EXPECT_EQ(rtf.status().code(), Status::Code::kCorrupt);
  EXPECT_NE(rtf.status().message().find("RTF"), std::string::npos);
  const auto html = ExtractDoc("<html><body>Nghị quyết</body></html>");
  ASSERT_FALSE(html.ok());
  EXPECT_NE(html.status().message().find("HTML"), std::string::npos);
  EXPECT_FALSE(LooksLikeWord97("PK\x03\x04"));  // a .docx renamed .doc
  EXPECT_EQ(ExtractDoc("PK\x03\x04 zip").status().code(), Status::Code::kCorrupt);
}

TEST(ExtractDocTest, ADamagedWord97FileIsCorruptNotACrash) {
  // The OLE2 signature and then garbage: antiword refuses it, the indexer says so.
  std::string bytes("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  bytes.append(4096, '\x5a');
  ASSERT_TRUE(LooksLikeWord97(bytes));
  const auto doc = ExtractDoc(bytes);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), Status::Code::kCorrupt) << doc.status().ToString();
  EXPECT_NE(doc.status().message().find(".docx"), std::string::npos);
}

}  // namespace
}  // namespace vankien
