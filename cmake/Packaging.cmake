# The system service and the Debian packages (issue 23).
#
#   cmake --build build && (cd build && cpack -G DEB)
# gives two packages (CPack components):
#   vankien      the command, its registry, man pages, bash/zsh completion, the systemd unit
#                vankien.service (loopback, read-only index, user vankien; not enabled) and its
#                sysusers file; Depends from dpkg-shlibdeps on the binary
#   vankien-dev  the static libraries, public headers, CMake package and vankien.pc; Depends on the
#                -dev packages of what the static libraries link (cmake/Install.cmake says why static)
# tools/package_test.sh builds them and checks their contents, dependencies and lintian.

# ---- systemd unit and user (component runtime) --------------------------------------------------
# Written at install time, when the prefix is known (cmake --install --prefix, or CPack's /usr),
# so that ExecStart names the installed binary.
set(VANKIEN_SERVICE_TEMPLATE ${PROJECT_SOURCE_DIR}/packaging/vankien.service.in)
install(CODE "
  set(vankien_unit_dir \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/lib/systemd/system\")
  file(READ \"${VANKIEN_SERVICE_TEMPLATE}\" vankien_unit)
  string(REPLACE \"@BINDIR@\" \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\" vankien_unit \"\${vankien_unit}\")
  message(STATUS \"Installing: \${vankien_unit_dir}/vankien.service\")
  file(MAKE_DIRECTORY \"\${vankien_unit_dir}\")
  file(WRITE \"\${vankien_unit_dir}/vankien.service\" \"\${vankien_unit}\")
  file(CHMOD \"\${vankien_unit_dir}/vankien.service\" PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
" COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/vankien.sysusers DESTINATION lib/sysusers.d
  RENAME vankien.conf COMPONENT runtime)

# ---- Debian documentation (copyright and changelog are required in every package) --------------
set(VANKIEN_PACKAGE_MAINTAINER "vankien developers <vankien@vankien.invalid>" CACHE STRING
    "Maintainer field of the .deb packages")
string(TIMESTAMP VANKIEN_PACKAGE_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)  # honours SOURCE_DATE_EPOCH
configure_file(${PROJECT_SOURCE_DIR}/packaging/changelog.Debian.in
  ${PROJECT_BINARY_DIR}/packaging/changelog @ONLY)
set(vankien_pkgdoc ${PROJECT_BINARY_DIR}/packaging/doc)
file(MAKE_DIRECTORY ${vankien_pkgdoc})
# gzip -9n: no name or time stamp inside, as Debian wants (lintian checks it).
find_program(VANKIEN_GZIP gzip REQUIRED)
foreach(pair changelog=${PROJECT_BINARY_DIR}/packaging/changelog
             CHANGELOG.md=${PROJECT_SOURCE_DIR}/CHANGELOG.md)
  string(REPLACE "=" ";" pair "${pair}")
  list(GET pair 0 name)
  list(GET pair 1 file)
  execute_process(COMMAND ${VANKIEN_GZIP} -9n -c ${file} OUTPUT_FILE ${vankien_pkgdoc}/${name}.gz
                  COMMAND_ERROR_IS_FATAL ANY)
endforeach()
set(vankien_components runtime dev)
set(vankien_packages vankien vankien-dev)
foreach(component package IN ZIP_LISTS vankien_components vankien_packages)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright ${vankien_pkgdoc}/changelog.gz
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
endforeach()
install(FILES ${vankien_pkgdoc}/CHANGELOG.md.gz DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/vankien
  COMPONENT runtime)

# ---- CPack ---------------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME vankien)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "vankien")
set(CPACK_PACKAGE_CONTACT "${VANKIEN_PACKAGE_MAINTAINER}")
# No CPACK_PACKAGE_DESCRIPTION_SUMMARY: CPack would put it above each package's own first line.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${VANKIEN_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME vankien)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION text)
# antiword reads Word 97 files and the Vietnamese Tesseract model reads scans; without them those
# files are reported as unreadable and the rest is indexed.
set(CPACK_DEBIAN_RUNTIME_PACKAGE_RECOMMENDS "antiword, tesseract-ocr-vie")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_CONTROL_EXTRA
  ${PROJECT_SOURCE_DIR}/packaging/postinst ${PROJECT_SOURCE_DIR}/packaging/postrm)
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION
"Vietnamese document archive and full-text search
vankien indexes Vietnamese resolutions, conclusions, directives and the
articles that discuss them (text, HTML, PDF, DOCX, Word 97, scans by OCR,
JSONL) into Xapian, and finds them however they are typed: with or without
diacritics, NFC or NFD, old or new tone placement. It recognises document
numbers (21-NQ/TW, 01/2021/ND-CP) and the references between documents.
.
The package has the vankien command (index, search, ref, catalog, serve
and more), its man pages and shell completion, and a systemd unit for
'vankien serve' on the loopback interface, not enabled by default.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME vankien-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
  "libxapian-dev, libicu-dev, libzstd-dev, zlib1g-dev, libxml2-dev, libzip-dev, libpoppler-cpp-dev, libtesseract-dev, libleptonica-dev, libboost-locale-dev, nlohmann-json3-dev, pkg-config")
set(CPACK_DEBIAN_DEV_DESCRIPTION
"Vietnamese document archive and search - C++ libraries
The static libraries of vankien with their headers: vankien::indexer writes
an index of Vietnamese documents, vankien::search queries it. For CMake
(find_package(vankien)) and pkg-config (vankien.pc).")

include(CPack)
