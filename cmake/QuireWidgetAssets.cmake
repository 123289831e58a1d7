# ipywidgets outputs (editor/render/widget_output_view): the jupyter-js-widgets bundle is copied
# by editor/render/web_assets.cmake; here its version reaches the code, and Quire's own page
# scripts (resources/web) become Qt resources of quire_editor.
if(QUIRE_WIDGETS_FRONTEND_VERSION)
    target_compile_definitions(quire_editor_core PRIVATE
                               QUIRE_WIDGETS_FRONTEND_VERSION="${QUIRE_WIDGETS_FRONTEND_VERSION}")
endif()
set(widgets_copyright /usr/share/doc/jupyter-nbextension-jupyter-js-widgets/copyright)
if(QUIRE_WIDGETS_FRONTEND_VERSION AND EXISTS ${widgets_copyright})
    install(FILES ${widgets_copyright} DESTINATION ${CMAKE_INSTALL_DATADIR}/quire/web/jupyter-js-widgets)
endif()

qt_add_resources(quire_editor quire_web_scripts PREFIX /quire/web
                 BASE ${CMAKE_SOURCE_DIR}/resources/web
                 FILES ${CMAKE_SOURCE_DIR}/resources/web/widgets-amd-shim.js
                       ${CMAKE_SOURCE_DIR}/resources/web/quire-widgets.js)
