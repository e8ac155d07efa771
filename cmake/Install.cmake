# `cmake --install` in GNU install dirs, the exported CMake package and vankien.pc (issue 23).
#
# What goes where (prefix /usr for the .deb, /usr/local by default):
#   bin/vankien                          the command (component runtime)
#   share/vankien/registry.tsv           the registry a new index starts from (runtime)
#   share/locale/vi/LC_MESSAGES/vankien.mo  the Vietnamese messages (runtime, cmake/i18n.cmake)
#   share/man/man1, bash and zsh completion, the systemd unit: cmake/Docs.cmake, cmake/Packaging.cmake
#   lib/<multiarch>/libvankien_*.a       the libraries (component dev)
#   include/vankien/{indexer,search}/    the public headers, included as "search/searcher.h" (dev)
#   lib/<multiarch>/cmake/vankien/, lib/<multiarch>/pkgconfig/vankien.pc                  (dev)
# The web page is compiled into the binary (tools/server/embed_static.cmake): nothing to install.
#
# Static libraries only, no shared library with a soname. Before 1.0 the C++ API changes with
# most merges (classes hold std::string/std::vector members, options structs grow fields), so a
# soname would promise an ABI nobody tracks; Debian would also want a libvankienN package and a
# symbols file per soname. A static library makes no such promise: a program is linked against
# the exact version it was built with. The cost: the libraries' own dependencies (Xapian, ICU,
# poppler, Tesseract …) are linked by the consumer too, so vankienConfig.cmake finds them and
# vankien.pc lists them. Revisit when the API is frozen (pimpl'd Searcher/IndexWriter already).
# Libraries in Debian's multiarch directory (lib/x86_64-linux-gnu) whatever the prefix, as
# GNUInstallDirs does for /usr only: the .deb is staged from a tree configured for /usr/local,
# and pkg-config and CMake search that directory under /usr/local too.
if(NOT DEFINED CMAKE_INSTALL_LIBDIR AND CMAKE_LIBRARY_ARCHITECTURE AND EXISTS /etc/debian_version)
  set(CMAKE_INSTALL_LIBDIR "lib/${CMAKE_LIBRARY_ARCHITECTURE}" CACHE PATH
      "Object code libraries (LIBDIR)")
endif()
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# Headers are installed under include/vankien/ and keep their paths inside the tree, so the same
# #include "search/searcher.h" works in the build tree and against an install.
set(VANKIEN_INSTALL_INCLUDEDIR ${CMAKE_INSTALL_INCLUDEDIR}/vankien)
set(VANKIEN_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/vankien)

# The libraries a consumer links: vankien::search (read an index) and vankien::indexer (write
# one) and what they are made of. eval, json and server are the command's and stay inside.
set(vankien_exported base i18n text refs schema layout doc indexer search)
foreach(name IN LISTS vankien_exported)
  set(target vankien_${name})
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${name})
  # The targets say `target_include_directories(PUBLIC ${PROJECT_SOURCE_DIR})`; an exported
  # target must not point into the source tree, so that path counts for the build tree only.
  get_target_property(dirs ${target} INTERFACE_INCLUDE_DIRECTORIES)
  set(fixed "")
  foreach(dir IN LISTS dirs)
    if(dir STREQUAL "${PROJECT_SOURCE_DIR}")
      list(APPEND fixed "$<BUILD_INTERFACE:${dir}>")
    else()
      list(APPEND fixed "${dir}")
    endif()
  endforeach()
  list(APPEND fixed "$<INSTALL_INTERFACE:${VANKIEN_INSTALL_INCLUDEDIR}>")
  set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${fixed}")
  list(APPEND vankien_exported_targets ${target})
endforeach()
# The public headers are C++20 (std::span, designated initialisers …): consumers compile as such.
target_compile_features(vankien_base INTERFACE cxx_std_20)

install(TARGETS ${vankien_exported_targets} EXPORT vankienTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(EXPORT vankienTargets NAMESPACE vankien:: DESTINATION ${VANKIEN_INSTALL_CMAKEDIR}
  COMPONENT dev)

# Public headers: every header of indexer/ and search/ but internal/ (Xapian's types) and
# indexer/doc/xml_walk.h (libxml2's; only the extractors' .cc files include it). No installed
# header includes Xapian, ICU or another library's header, nor a header left out: ctest's
# public_headers_test (cmake/CheckPublicHeaders.cmake) checks it.
foreach(dir indexer search)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/${dir}/ DESTINATION ${VANKIEN_INSTALL_INCLUDEDIR}/${dir}
    COMPONENT dev FILES_MATCHING PATTERN "*.h"
    PATTERN "internal" EXCLUDE
    PATTERN "xml_walk.h" EXCLUDE)
endforeach()
install(FILES ${VANKIEN_GENERATED_DIR}/indexer/version.h
  DESTINATION ${VANKIEN_INSTALL_INCLUDEDIR}/indexer COMPONENT dev)

# find_package(vankien): the targets and, before them, the dependencies they link.
configure_package_config_file(${PROJECT_SOURCE_DIR}/packaging/vankienConfig.cmake.in
  ${PROJECT_BINARY_DIR}/packaging/vankienConfig.cmake
  INSTALL_DESTINATION ${VANKIEN_INSTALL_CMAKEDIR})
# 0.x: a minor version may break the API, so only the same minor version is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/packaging/vankienConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/packaging/vankienConfig.cmake
              ${PROJECT_BINARY_DIR}/packaging/vankienConfigVersion.cmake
  DESTINATION ${VANKIEN_INSTALL_CMAKEDIR} COMPONENT dev)

# vankien.pc: the prefix is found from the .pc file's own place (${pcfiledir}), so a staged
# (DESTDIR) or moved install works with PKG_CONFIG_PATH alone.
file(RELATIVE_PATH VANKIEN_PC_LIBDIR_REL ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig
     ${CMAKE_INSTALL_PREFIX})
configure_file(${PROJECT_SOURCE_DIR}/packaging/vankien.pc.in ${PROJECT_BINARY_DIR}/packaging/vankien.pc
  @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/packaging/vankien.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

# The command and the registry it starts new indexes from. The binary finds the registry from
# its own location (tools/cli/cli.cc, DefaultRegistryPath), so the path below is relative.
install(TARGETS vankien RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
install(FILES ${PROJECT_SOURCE_DIR}/corpus/registry.tsv
  DESTINATION ${CMAKE_INSTALL_DATADIR}/vankien COMPONENT runtime)
# The Vietnamese message catalogue (share/locale/vi/LC_MESSAGES/vankien.mo), which the binary
# finds as <bindir>/../share/locale (indexer/base/i18n.cc).
vankien_install_translations()
file(RELATIVE_PATH vankien_registry_rel ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}
     ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/vankien/registry.tsv)
target_compile_definitions(vankien PRIVATE
  VANKIEN_INSTALLED_REGISTRY_FROM_BIN="${vankien_registry_rel}")

if(VANKIEN_BUILD_TESTS)
  add_test(NAME public_headers_test
    COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
            -P ${PROJECT_SOURCE_DIR}/cmake/CheckPublicHeaders.cmake)
endif()
