# cmake -DSOURCE_DIR=<repo> -P CheckPublicHeaders.cmake
# The installed headers (cmake/Install.cmake: indexer/ and search/ but internal/ and
# indexer/doc/xml_walk.h) must stand on their own: they may include the standard library, each
# other and the generated indexer/version.h, never Xapian, ICU or another library's header, nor
# a project header that is not installed. Fails naming every offending #include.
file(GLOB_RECURSE headers RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/indexer/*.h" "${SOURCE_DIR}/search/*.h")
set(public "")
foreach(h IN LISTS headers)
  if(h MATCHES "/internal/" OR h STREQUAL "indexer/doc/xml_walk.h")
    continue()
  endif()
  list(APPEND public "${h}")
endforeach()
list(LENGTH public count)
if(count LESS 20)
  message(FATAL_ERROR "public_headers_test: only ${count} public headers found under ${SOURCE_DIR}")
endif()
set(errors "")
foreach(h IN LISTS public)
  file(STRINGS "${SOURCE_DIR}/${h}" includes REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS includes)
    if(line MATCHES "#[ \t]*include[ \t]*\"([^\"]+)\"")
      set(inc "${CMAKE_MATCH_1}")
      list(FIND public "${inc}" found)
      if(found EQUAL -1 AND NOT inc STREQUAL "indexer/version.h")
        string(APPEND errors "  ${h}: includes \"${inc}\", which is not installed\n")
      endif()
    elseif(line MATCHES "#[ \t]*include[ \t]*<([^>]+)>")
      # The standard library's headers have no extension and no directory (<string>, <cstddef>)
      # but for the C headers of POSIX (<sys/types.h>, <unistd.h>).
      set(inc "${CMAKE_MATCH_1}")
      if(inc MATCHES "[./]" AND NOT inc MATCHES "^(sys/[a-z_]+|unistd|stdint|stddef)\\.h$")
        string(APPEND errors "  ${h}: includes <${inc}>, another library's header\n")
      endif()
    endif()
  endforeach()
endforeach()
if(errors)
  message(FATAL_ERROR "public_headers_test: installed headers must not need other libraries' "
                      "headers or uninstalled ones:\n${errors}")
endif()
message(STATUS "public_headers_test: ${count} public headers include only the standard library "
               "and each other")
