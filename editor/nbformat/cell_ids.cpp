#include "cell_ids.h"

#include <QRandomGenerator>
#include <unordered_set>

namespace quire::editor {

std::string randomCellId() {
    static constexpr char hex[] = "0123456789abcdef";
    const quint32 bits = QRandomGenerator::global()->generate();
    std::string id(8, '0');
    for (int i = 0; i < 8; ++i)
        id[std::size_t(i)] = hex[(bits >> (28 - 4 * i)) & 0xf];
    return id;
}

int repairCellIds(Json& notebook) {
    if (!notebook.is_object())
        return 0;
    const auto major = notebook.find("nbformat");
    const auto minor = notebook.find("nbformat_minor");
    const auto cells = notebook.find("cells");
    if (major == notebook.end() || *major != 4 || minor == notebook.end() ||
        !minor->is_number_integer() || *minor < 5 || cells == notebook.end() || !cells->is_array())
        return 0;
    int changes = 0;
    for (auto& cell : *cells) {
        if (cell.is_object() && !cell.contains("id")) {
            cell["id"] = randomCellId();
            ++changes;
        }
    }
    std::unordered_set<std::string> seen; // ids as JSON text, so that 1 and "1" differ
    for (auto& cell : *cells) {
        if (!cell.is_object())
            continue;
        Json& id = cell["id"];
        if (!seen.insert(id.dump(-1, ' ', false, Json::error_handler_t::replace)).second) {
            id = randomCellId();
            ++changes;
        }
    }
    return changes;
}

} // namespace quire::editor
