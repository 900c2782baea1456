# Included by src/app/CMakeLists.txt: the catalogs become resources of movr_widgets under
# :/i18n (movr-admin_<lang>.qm), read by src/app/Translations.cpp.
#
# The .ts files are kept in step with the sources by scripts/update-translations (the
# i18n test fails when they are not). German and Indonesian hold every message; English only
# the plural forms ("%n row(s)" → "1 row", "2 rows").
find_package(Qt6 REQUIRED COMPONENTS LinguistTools)

set(MOVR_TRANSLATIONS_DIR ${CMAKE_CURRENT_LIST_DIR})
file(GLOB_RECURSE movr_translated_sources CONFIGURE_DEPENDS
     ${PROJECT_SOURCE_DIR}/src/*.cpp ${PROJECT_SOURCE_DIR}/src/*.h ${PROJECT_SOURCE_DIR}/ui/*.ui)

# The update_translations target does what scripts/update-translations does for de and id.
qt_add_translations(movr_widgets
    TS_FILES ${MOVR_TRANSLATIONS_DIR}/movr-admin_de.ts ${MOVR_TRANSLATIONS_DIR}/movr-admin_id.ts
    SOURCES ${movr_translated_sources}
    INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR}/src
    RESOURCE_PREFIX /i18n
    LUPDATE_OPTIONS -no-obsolete -locations none)

# English plural forms: its own lrelease step (qt_add_translations takes one set of lupdate
# options, and this catalog needs -pluralonly).
set(movr_en_qm ${CMAKE_CURRENT_BINARY_DIR}/movr-admin_en.qm)
add_custom_command(OUTPUT ${movr_en_qm}
    COMMAND Qt6::lrelease -silent ${MOVR_TRANSLATIONS_DIR}/movr-admin_en.ts -qm ${movr_en_qm}
    DEPENDS ${MOVR_TRANSLATIONS_DIR}/movr-admin_en.ts Qt6::lrelease
    VERBATIM)
qt_add_resources(movr_widgets "movr_widgets_translations_en" PREFIX /i18n
                 BASE ${CMAKE_CURRENT_BINARY_DIR} FILES ${movr_en_qm})
