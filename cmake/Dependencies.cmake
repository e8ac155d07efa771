# Finds every library vankien links. The Debian packages that provide them are listed in
# tools/debian-packages.txt and installed by tools/setup.sh.
find_package(PkgConfig REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
pkg_check_modules(XAPIAN REQUIRED IMPORTED_TARGET xapian-core)
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(Threads REQUIRED)
if(VANKIEN_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
