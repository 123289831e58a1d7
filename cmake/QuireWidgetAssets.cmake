# ipywidgets outputs (editor/render/widget_output_view): the widget library is Debian's
# jupyter-nbextension-jupyter-js-widgets (jupyter-js-widgets, the frontend of
# python3-ipywidgets), copied into share/quire/web of the build and install trees; Quire's own
# page scripts (resources/web) are Qt resources of quire_editor.
include(GNUInstallDirs)

find_file(QUIRE_JUPYTER_WIDGETS_JS extension.js
          PATHS /usr/share/jupyter/nbextensions/jupyter-js-widgets NO_DEFAULT_PATH
          DOC "jupyter-js-widgets' notebook extension bundle (jupyter-nbextension-jupyter-js-widgets)")
if(NOT QUIRE_JUPYTER_WIDGETS_JS)
    message(FATAL_ERROR "jupyter-js-widgets not found: install jupyter-nbextension-jupyter-js-widgets "
                        "or set QUIRE_JUPYTER_WIDGETS_JS to its extension.js")
endif()

# The library's version answers ipywidgets' version check (editor/execution/widget_version_check).
file(READ ${QUIRE_JUPYTER_WIDGETS_JS} widgets_js)
string(REGEX MATCH "exports={version:\"([0-9]+\\.[0-9]+\\.[0-9]+)\"}" widgets_version_match "${widgets_js}")
unset(widgets_js)
if(NOT CMAKE_MATCH_1)
    message(FATAL_ERROR "no version found in ${QUIRE_JUPYTER_WIDGETS_JS}")
endif()
set(QUIRE_WIDGETS_FRONTEND_VERSION ${CMAKE_MATCH_1})
target_compile_definitions(quire_editor_core PRIVATE
                           QUIRE_WIDGETS_FRONTEND_VERSION="${QUIRE_WIDGETS_FRONTEND_VERSION}")

set(widgets_dir ${CMAKE_BINARY_DIR}/share/quire/web/jupyter-js-widgets)
configure_file(${QUIRE_JUPYTER_WIDGETS_JS} ${widgets_dir}/extension.js COPYONLY)
install(FILES ${widgets_dir}/extension.js DESTINATION ${CMAKE_INSTALL_DATADIR}/quire/web/jupyter-js-widgets)
set(widgets_copyright /usr/share/doc/jupyter-nbextension-jupyter-js-widgets/copyright)
if(EXISTS ${widgets_copyright})
    install(FILES ${widgets_copyright} DESTINATION ${CMAKE_INSTALL_DATADIR}/quire/web/jupyter-js-widgets)
endif()

qt_add_resources(quire_editor quire_web_scripts PREFIX /quire/web
                 BASE ${CMAKE_SOURCE_DIR}/resources/web
                 FILES ${CMAKE_SOURCE_DIR}/resources/web/widgets-amd-shim.js
                       ${CMAKE_SOURCE_DIR}/resources/web/quire-widgets.js)
