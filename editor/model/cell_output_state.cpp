#include "editor/model/cell_output_state.h"

namespace quire::editor {

namespace {

bool isTrue(const Json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_boolean() && it->get<bool>();
}

} // namespace

bool outputsHidden(const Json& cellMetadata) {
    if (!cellMetadata.is_object())
        return false;
    if (isTrue(cellMetadata, "collapsed"))
        return true;
    const auto jupyter = cellMetadata.find("jupyter");
    return jupyter != cellMetadata.end() && jupyter->is_object() &&
           isTrue(*jupyter, "outputs_hidden");
}

Json withOutputsHidden(Json cellMetadata, bool hidden) {
    if (!cellMetadata.is_object())
        cellMetadata = Json::object();
    auto jupyter = cellMetadata.find("jupyter");
    if (hidden) {
        if (jupyter == cellMetadata.end() || !jupyter->is_object())
            cellMetadata["jupyter"] = Json::object();
        cellMetadata["jupyter"]["outputs_hidden"] = true;
        cellMetadata["collapsed"] = true;
        return cellMetadata;
    }
    if (jupyter != cellMetadata.end() && jupyter->is_object()) {
        jupyter->erase("outputs_hidden");
        if (jupyter->empty())
            cellMetadata.erase("jupyter");
    }
    cellMetadata.erase("collapsed");
    return cellMetadata;
}

bool outputsScrolled(const Json& cellMetadata) {
    return cellMetadata.is_object() && isTrue(cellMetadata, "scrolled");
}

Json withOutputsScrolled(Json cellMetadata, bool scrolled) {
    if (!cellMetadata.is_object())
        cellMetadata = Json::object();
    if (scrolled)
        cellMetadata["scrolled"] = true;
    else
        cellMetadata.erase("scrolled");
    return cellMetadata;
}

} // namespace quire::editor
