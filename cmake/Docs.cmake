# Man pages (vankien(1) and vankien-<command>(1) for each subcommand) and bash and zsh
# completion, generated from the built binary's --help by packaging/gen_docs.sh.
#
# Why help2man and not pandoc from Markdown: the --help text CLI11 prints is already the
# reference (every option with its type, default and choices, and the commands' descriptions),
# kept next to the code that parses the options. Generating the pages from it means one text to
# maintain and pages that cannot drift from the binary; a Markdown source would be a second copy
# of every option. The completion is read from the same help for the same reason, so a new
# command or option needs no edit anywhere else.
#
# Not in sanitizer or fuzzer builds: their binaries are for tests, and LeakSanitizer at exit
# could fail the build for nothing.
if(VANKIEN_SANITIZE OR VANKIEN_BUILD_FUZZERS)
  return()
endif()

find_program(VANKIEN_HELP2MAN help2man)
if(NOT VANKIEN_HELP2MAN)
  message(WARNING "help2man not found (Debian package help2man): no man pages are built; "
                  "tools/setup.sh installs it")
  set(VANKIEN_HELP2MAN "")
endif()
# The default registry as the packaged binary prints it (the build tree's copy is the source).
set(VANKIEN_DOCS_REGISTRY "/usr/share/vankien/registry.tsv" CACHE STRING
    "The --registry default the man pages show")

set(VANKIEN_DOCS_DIR ${PROJECT_BINARY_DIR}/docs)
add_custom_command(
  OUTPUT ${VANKIEN_DOCS_DIR}/stamp
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${VANKIEN_DOCS_DIR}/man ${VANKIEN_DOCS_DIR}/completion
  COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8
          bash ${PROJECT_SOURCE_DIR}/packaging/gen_docs.sh $<TARGET_FILE:vankien> ${VANKIEN_DOCS_DIR}
          ${PROJECT_VERSION} "${VANKIEN_HELP2MAN}" ${PROJECT_SOURCE_DIR}/corpus/registry.tsv
          ${VANKIEN_DOCS_REGISTRY}
  COMMAND ${CMAKE_COMMAND} -E touch ${VANKIEN_DOCS_DIR}/stamp
  DEPENDS vankien ${PROJECT_SOURCE_DIR}/packaging/gen_docs.sh
  COMMENT "Man pages and shell completion from vankien --help"
  VERBATIM)
add_custom_target(vankien_docs ALL DEPENDS ${VANKIEN_DOCS_DIR}/stamp)

install(DIRECTORY ${VANKIEN_DOCS_DIR}/man/ DESTINATION ${CMAKE_INSTALL_MANDIR} COMPONENT runtime)
install(FILES ${VANKIEN_DOCS_DIR}/completion/bash/vankien
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions COMPONENT runtime)
install(FILES ${VANKIEN_DOCS_DIR}/completion/zsh/_vankien
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions COMPONENT runtime)
