# Message catalogues: po/<lang>.po compiled by msgfmt into ${VANKIEN_LOCALE_BUILD_DIR}
# (<lang>/LC_MESSAGES/vankien.mo) at build time, and the vankien::i18n library that reads them
# through Boost.Locale (indexer/base/i18n.h). Debian packages: gettext, libboost-locale-dev.
#
#   VANKIEN_LOCALE_INSTALL_DIR   where `cmake --install` puts the .mo files (relative to the
#                                prefix; default share/locale, found at run time as
#                                <bindir>/../share/locale or <prefix>/share/locale)
#   vankien_install_translations()  call once from the install rules to install them
#   target vankien_pot           regenerates po/vankien.pot with xgettext (then msgmerge vi.po)
# The library by path, not find_package(Boost COMPONENTS locale): that would create the
# Boost::headers target here, at the top level, where tools/CMakeLists.txt cannot promote it.
find_library(VANKIEN_BOOST_LOCALE NAMES boost_locale REQUIRED)
find_path(VANKIEN_BOOST_LOCALE_INCLUDE boost/locale.hpp REQUIRED)
find_program(VANKIEN_MSGFMT msgfmt REQUIRED)
find_program(VANKIEN_XGETTEXT xgettext)

set(VANKIEN_LOCALE_BUILD_DIR ${CMAKE_BINARY_DIR}/locale)
set(VANKIEN_LOCALE_INSTALL_DIR "share/locale" CACHE STRING
    "Directory, relative to the install prefix, of the installed message catalogues")
if(IS_ABSOLUTE "${VANKIEN_LOCALE_INSTALL_DIR}")
  set(vankien_locale_install_abs "${VANKIEN_LOCALE_INSTALL_DIR}")
else()
  set(vankien_locale_install_abs "${CMAKE_INSTALL_PREFIX}/${VANKIEN_LOCALE_INSTALL_DIR}")
endif()

file(GLOB vankien_po_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/po/*.po)
set(vankien_mo_files)
foreach(po ${vankien_po_files})
  get_filename_component(lang ${po} NAME_WE)
  set(mo ${VANKIEN_LOCALE_BUILD_DIR}/${lang}/LC_MESSAGES/vankien.mo)
  add_custom_command(
    OUTPUT ${mo}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${VANKIEN_LOCALE_BUILD_DIR}/${lang}/LC_MESSAGES
    # --check: a translation whose placeholders or plural forms do not match fails the build.
    COMMAND ${VANKIEN_MSGFMT} --check -o ${mo} ${po}
    DEPENDS ${po}
    COMMENT "Compiling message catalogue ${lang}.po")
  list(APPEND vankien_mo_files ${mo})
endforeach()
add_custom_target(vankien_translations ALL DEPENDS ${vankien_mo_files})

function(vankien_install_translations)
  install(DIRECTORY ${VANKIEN_LOCALE_BUILD_DIR}/ DESTINATION ${VANKIEN_LOCALE_INSTALL_DIR}
    COMPONENT runtime)
endfunction()

if(VANKIEN_XGETTEXT)
  # The sources and keywords are listed once, in po/extract.sh.
  add_custom_target(vankien_pot
    COMMAND ${PROJECT_SOURCE_DIR}/po/extract.sh ${PROJECT_SOURCE_DIR}/po/vankien.pot
    COMMENT "Extracting messages into po/vankien.pot")
endif()

# vankien::i18n — Tr/TrN, numbers and dates for the user's language (indexer/base/i18n.h).
add_library(vankien_i18n ${PROJECT_SOURCE_DIR}/indexer/base/i18n.cc)
target_include_directories(vankien_i18n PUBLIC ${PROJECT_SOURCE_DIR})
target_compile_definitions(vankien_i18n PRIVATE
  VANKIEN_BUILD_LOCALEDIR="${VANKIEN_LOCALE_BUILD_DIR}"
  VANKIEN_INSTALL_LOCALEDIR="${vankien_locale_install_abs}")
target_include_directories(vankien_i18n PRIVATE ${VANKIEN_BOOST_LOCALE_INCLUDE})
target_link_libraries(vankien_i18n PRIVATE ${VANKIEN_BOOST_LOCALE})
add_dependencies(vankien_i18n vankien_translations)
add_library(vankien::i18n ALIAS vankien_i18n)
