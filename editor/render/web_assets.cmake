# Third-party scripts of scripted outputs (editor/render/web_assets.h), copied from Debian
# packages (and Vega-Lite from npm) at configure time into build/share/quire/web (found from
# build/bin) and installed into share/quire/web. Nothing of them is in the repository. A missing
# package only turns its renderer off (WebAssets checks the files at run time; outputs fall back).
# python3-plotly: plotly.js   libjs-vega: vega/*.js, vega/topojson-client.js
# npm vega-lite (not packaged in Debian 12): vega/vega-lite.min.js
# MathJax is not copied: the app reads Debian's libjs-mathjax where it is installed.
include(GNUInstallDirs)
set(QUIRE_WEB_ASSET_DIR ${CMAKE_BINARY_DIR}/share/quire/web)
set(QUIRE_PLOTLY_JS /usr/share/python3-plotly/plotly.js CACHE FILEPATH "plotly.js to bundle")
set(QUIRE_VEGA_DIR /usr/share/javascript/vega CACHE PATH "Debian's libjs-vega folder")
set(QUIRE_TOPOJSON_JS /usr/share/javascript/topojson-client/topojson-client.js
    CACHE FILEPATH "topojson-client.js (libjs-vega) to bundle")
# The UMD files WebAssets::vegaModules() loads, in its order.
set(quire_vega_files vega-util vega-canvas.browser vega-time vega-format vega-loader.browser
    vega-scale vega-dataflow vega-scenegraph vega-expression vega-statistics vega-selection
    vega-event-selector vega-functions vega-runtime vega-view vega-parser vega-transforms
    vega-view-transforms vega-encode vega-force vega-label vega-hierarchy vega-regression
    vega-wordcloud vega-crossfilter)

file(REMOVE_RECURSE ${QUIRE_WEB_ASSET_DIR})
if(EXISTS ${QUIRE_PLOTLY_JS})
    configure_file(${QUIRE_PLOTLY_JS} ${QUIRE_WEB_ASSET_DIR}/plotly.js COPYONLY)
    file(STRINGS ${QUIRE_PLOTLY_JS} plotly_version REGEX "^\\* plotly\\.js v" LIMIT_COUNT 1)
    message(STATUS "Plotly outputs: ${plotly_version} from ${QUIRE_PLOTLY_JS}")
else()
    message(STATUS "Plotly outputs: off (${QUIRE_PLOTLY_JS} missing; apt install python3-plotly)")
endif()

set(vega_found TRUE)
foreach(name ${quire_vega_files})
    if(NOT EXISTS ${QUIRE_VEGA_DIR}/${name}.js)
        set(vega_found FALSE)
    endif()
endforeach()
if(vega_found AND EXISTS ${QUIRE_TOPOJSON_JS})
    foreach(name ${quire_vega_files})
        configure_file(${QUIRE_VEGA_DIR}/${name}.js ${QUIRE_WEB_ASSET_DIR}/vega/${name}.js COPYONLY)
    endforeach()
    configure_file(${QUIRE_TOPOJSON_JS} ${QUIRE_WEB_ASSET_DIR}/vega/topojson-client.js COPYONLY)
    message(STATUS "Vega outputs: ${QUIRE_VEGA_DIR}")
    # Vega-Lite is not in Debian 12: its npm package's browser build, fetched once per build
    # folder with `npm pack` (the npm registry by name). Without npm or the registry it stays
    # off and Vega-Lite outputs show the next type the kernel sent.
    set(QUIRE_VEGA_LITE_VERSION 5.6.1 CACHE STRING "Vega-Lite version fetched from npm")
    set(vl_dir ${CMAKE_BINARY_DIR}/npm/vega-lite-${QUIRE_VEGA_LITE_VERSION})
    set(vl_js ${vl_dir}/package/build/vega-lite.min.js)
    find_program(QUIRE_NPM npm)
    if(NOT EXISTS ${vl_js} AND QUIRE_NPM)
        file(MAKE_DIRECTORY ${vl_dir})
        execute_process(COMMAND ${QUIRE_NPM} pack vega-lite@${QUIRE_VEGA_LITE_VERSION} --silent
                        WORKING_DIRECTORY ${vl_dir} TIMEOUT 120 RESULT_VARIABLE vl_result
                        OUTPUT_QUIET ERROR_QUIET)
        if(vl_result EQUAL 0 AND EXISTS ${vl_dir}/vega-lite-${QUIRE_VEGA_LITE_VERSION}.tgz)
            execute_process(COMMAND ${CMAKE_COMMAND} -E tar xzf
                                    vega-lite-${QUIRE_VEGA_LITE_VERSION}.tgz
                                    package/build/vega-lite.min.js package/LICENSE
                            WORKING_DIRECTORY ${vl_dir} RESULT_VARIABLE vl_result)
        endif()
    endif()
    if(EXISTS ${vl_js})
        configure_file(${vl_js} ${QUIRE_WEB_ASSET_DIR}/vega/vega-lite.min.js COPYONLY)
        if(EXISTS ${vl_dir}/package/LICENSE)
            configure_file(${vl_dir}/package/LICENSE ${QUIRE_WEB_ASSET_DIR}/vega/vega-lite.LICENSE
                           COPYONLY)
        endif()
        message(STATUS "Vega-Lite outputs: vega-lite ${QUIRE_VEGA_LITE_VERSION} from npm")
    else()
        message(STATUS "Vega-Lite outputs: off (npm pack vega-lite@${QUIRE_VEGA_LITE_VERSION} failed)")
    endif()
else()
    message(STATUS "Vega outputs: off (${QUIRE_VEGA_DIR} incomplete; apt install libjs-vega)")
endif()

# ipywidgets outputs (widget_output_view): jupyter-js-widgets, the frontend of python3-ipywidgets
# 6, from jupyter-nbextension-jupyter-js-widgets. Its version answers ipywidgets' version check
# (editor/execution/widget_version_check).
set(QUIRE_JUPYTER_WIDGETS_JS /usr/share/jupyter/nbextensions/jupyter-js-widgets/extension.js
    CACHE FILEPATH "jupyter-js-widgets' notebook extension bundle to bundle")
set(QUIRE_WIDGETS_FRONTEND_VERSION "")
if(EXISTS ${QUIRE_JUPYTER_WIDGETS_JS})
    file(READ ${QUIRE_JUPYTER_WIDGETS_JS} widgets_js)
    string(REGEX MATCH "exports={version:\"([0-9]+\\.[0-9]+\\.[0-9]+)\"}" widgets_version_match
           "${widgets_js}")
    unset(widgets_js)
    set(QUIRE_WIDGETS_FRONTEND_VERSION ${CMAKE_MATCH_1})
endif()
if(QUIRE_WIDGETS_FRONTEND_VERSION)
    configure_file(${QUIRE_JUPYTER_WIDGETS_JS} ${QUIRE_WEB_ASSET_DIR}/jupyter-js-widgets/extension.js
                   COPYONLY)
    message(STATUS "ipywidgets outputs: jupyter-js-widgets ${QUIRE_WIDGETS_FRONTEND_VERSION}")
else()
    message(STATUS "ipywidgets outputs: off (${QUIRE_JUPYTER_WIDGETS_JS} missing or without a "
                   "version; apt install jupyter-nbextension-jupyter-js-widgets)")
endif()

if(EXISTS ${QUIRE_WEB_ASSET_DIR})
    install(DIRECTORY ${QUIRE_WEB_ASSET_DIR}/ DESTINATION ${CMAKE_INSTALL_DATADIR}/quire/web)
endif()
