# SPDX-License-Identifier: MIT
# Runs `cmake --install` of BUILD_DIR into a fresh PREFIX and checks that the application and its freedesktop files
# landed where desktops look for them. Usage: cmake -DBUILD_DIR=... -DPREFIX=... -DAPP_ID=... -DVERSION=... -P this
foreach(var BUILD_DIR PREFIX APP_ID VERSION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "checkinstall.cmake: ${var} is not set")
  endif()
endforeach()

file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${result}):\n${output}")
endif()

set(expected
  bin/sextant
  share/applications/${APP_ID}.desktop
  share/metainfo/${APP_ID}.metainfo.xml
  share/icons/hicolor/scalable/apps/${APP_ID}.svg
  share/mime/packages/${APP_ID}.xml)
foreach(file IN LISTS expected)
  if(NOT EXISTS "${PREFIX}/${file}")
    message(FATAL_ERROR "not installed: ${file}\ninstall output:\n${output}")
  endif()
endforeach()

file(READ "${PREFIX}/share/metainfo/${APP_ID}.metainfo.xml" metainfo)
string(FIND "${metainfo}" "<release version=\"${VERSION}\"" at)
if(at EQUAL -1 OR metainfo MATCHES "@[A-Z_]+@")
  message(FATAL_ERROR "the installed metainfo is not configured with version ${VERSION}")
endif()
file(READ "${PREFIX}/share/applications/${APP_ID}.desktop" desktop)
if(NOT desktop MATCHES "\nIcon=${APP_ID}\n" OR NOT desktop MATCHES "\nExec=sextant")
  message(FATAL_ERROR "the desktop entry does not point at the installed icon and binary")
endif()
if(NOT desktop MATCHES "\nMimeType=application/graphql;\n" OR NOT desktop MATCHES "\nExec=sextant %F\n")
  message(FATAL_ERROR "the desktop entry does not open GraphQL documents (MimeType=application/graphql; Exec=sextant %F)")
endif()
file(READ "${PREFIX}/share/icons/hicolor/scalable/apps/${APP_ID}.svg" icon)
if(NOT icon MATCHES "<svg")
  message(FATAL_ERROR "the installed icon is not an SVG")
endif()
file(REMOVE_RECURSE "${PREFIX}")
message(STATUS "installed layout OK: ${expected}")
