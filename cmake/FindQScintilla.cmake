# SPDX-License-Identifier: MIT
# Finds QScintilla 2 built for Qt 6 (Debian: libqscintilla2-qt6-dev, which ships no CMake package)
# and wraps it in the IMPORTED target QScintilla::QScintilla.
include(FindPackageHandleStandardArgs)

get_target_property(_sextant_qtcore_includes Qt6::Core INTERFACE_INCLUDE_DIRECTORIES)
set(_sextant_qsci_hints)
foreach(_dir IN LISTS _sextant_qtcore_includes)
  get_filename_component(_parent "${_dir}" DIRECTORY)
  list(APPEND _sextant_qsci_hints "${_dir}" "${_parent}")
endforeach()

find_path(QScintilla_INCLUDE_DIR
  NAMES Qsci/qsciscintilla.h
  HINTS ${_sextant_qsci_hints}
  PATH_SUFFIXES qt6 x86_64-linux-gnu/qt6 aarch64-linux-gnu/qt6)
find_library(QScintilla_LIBRARY NAMES qscintilla2_qt6)

find_package_handle_standard_args(QScintilla
  REQUIRED_VARS QScintilla_LIBRARY QScintilla_INCLUDE_DIR
  REASON_FAILURE_MESSAGE
    "QScintilla for Qt 6 was not found. On Debian/Ubuntu install it with: sudo apt-get install libqscintilla2-qt6-dev (scripts/run and scripts/test do this for you).")

if(QScintilla_FOUND AND NOT TARGET QScintilla::QScintilla)
  add_library(QScintilla::QScintilla UNKNOWN IMPORTED)
  set_target_properties(QScintilla::QScintilla PROPERTIES
    IMPORTED_LOCATION "${QScintilla_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${QScintilla_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "Qt6::Widgets;Qt6::PrintSupport")
endif()
mark_as_advanced(QScintilla_INCLUDE_DIR QScintilla_LIBRARY)
