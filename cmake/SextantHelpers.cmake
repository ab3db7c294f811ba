# SPDX-License-Identifier: MIT
# sextant_add_qtest(<name> SOURCES <files...> LIBS <targets...> [LABELS <labels...>] [TIMEOUT <s>] [ENVIRONMENT <k=v...>])
# One Qt Test executable per test class; every test runs with QT_QPA_PLATFORM=offscreen and the
# fixtures directory in SEXTANT_FIXTURES_DIR (also compiled in as SEXTANT_FIXTURES_DIR).
function(sextant_add_qtest name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE sextant_defs Qt6::Test ${ARG_LIBS})
  target_compile_definitions(${name} PRIVATE
    SEXTANT_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures"
    SEXTANT_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    SEXTANT_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME ${name} COMMAND ${name})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  set_tests_properties(${name} PROPERTIES
    TIMEOUT ${ARG_TIMEOUT}
    LABELS "${ARG_LABELS}"
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;SEXTANT_FIXTURES_DIR=${PROJECT_SOURCE_DIR}/tests/fixtures;${ARG_ENVIRONMENT}")
endfunction()
