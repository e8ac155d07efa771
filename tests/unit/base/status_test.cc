// Status: codes callers branch on, ToString for logs, Result's value-or-error contract.
#include "indexer/base/status.h"

#include <gtest/gtest.h>

namespace vankien {
namespace {

TEST(StatusTest, DefaultIsOkAndPrintsOk) {
  const Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kOk);
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, EachFactoryGivesItsCodeAndName) {
  const struct {
    Status status;
    Status::Code code;
    const char* printed;
  } cases[] = {
      {Status::InvalidArgument("a"), Status::Code::kInvalidArgument, "INVALID_ARGUMENT: a"},
      {Status::NotFound("b"), Status::Code::kNotFound, "NOT_FOUND: b"},
      {Status::IoError("c"), Status::Code::kIoError, "IO_ERROR: c"},
      {Status::Corrupt("d"), Status::Code::kCorrupt, "CORRUPT: d"},
      {Status::Internal("e"), Status::Code::kInternal, "INTERNAL: e"},
      {Status::ResourceExhausted("f"), Status::Code::kResourceExhausted, "RESOURCE_EXHAUSTED: f"},
      {Status::PermissionDenied("g"), Status::Code::kPermissionDenied, "PERMISSION_DENIED: g"},
      {Status::FailedPrecondition("h"), Status::Code::kFailedPrecondition, "FAILED_PRECONDITION: h"},
      {Status::Unavailable("i"), Status::Code::kUnavailable, "UNAVAILABLE: i"},
  };
  for (const auto& c : cases) {
    EXPECT_FALSE(c.status.ok()) << c.printed;
    EXPECT_EQ(c.status.code(), c.code) << c.printed;
    EXPECT_EQ(c.status.ToString(), c.printed);
  }
}

TEST(StatusTest, WithCodeKeepsTheCodeAndReplacesTheMessage) {
  const Status disk = Status::ResourceExhausted("No space left on device");
  const Status wrapped = Status::WithCode(disk.code(), "cannot write to index db: " + disk.message());
  EXPECT_EQ(wrapped.code(), Status::Code::kResourceExhausted);
  EXPECT_EQ(wrapped.message(), "cannot write to index db: No space left on device");
  EXPECT_TRUE(Status::WithCode(Status::Code::kOk, "ignored").ok());
}

TEST(ResultTest, HoldsAValueOrAnError) {
  Result<int> value = 7;
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, 7);
  EXPECT_TRUE(value.status().ok());
  Result<int> error = Status::NotFound("no such id");
  EXPECT_FALSE(error.ok());
  EXPECT_EQ(error.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace vankien
