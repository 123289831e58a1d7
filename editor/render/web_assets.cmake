#Third - party scripts of scripted outputs(editor / render / web_assets.h), copied from Debian
#packages at configure time into build / share / quire / web(found from build / bin) and installed
#into share / quire / web.Nothing of them is in the repository.A missing package only turns
#its renderer off(WebAssets checks the files at run time; the outputs fall back).
#python3 - plotly : plotly.js libjs - vega : vega/*.js, vega/topojson-client.js
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
else()
    message(STATUS "Vega outputs: off (${QUIRE_VEGA_DIR} incomplete; apt install libjs-vega)")
endif()

if(EXISTS ${QUIRE_WEB_ASSET_DIR})
    install(DIRECTORY ${QUIRE_WEB_ASSET_DIR}/ DESTINATION ${CMAKE_INSTALL_DATADIR}/quire/web)
endif()
