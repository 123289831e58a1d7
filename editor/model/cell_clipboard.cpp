#include "cell_clipboard.h"

#include "cell.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>

namespace quire::editor::CellClipboard {

namespace {
const QString CellsMime = QStringLiteral("application/x-quire-cells+json");
}

void put(const Json& cells) {
    auto* mime = new QMimeData;
    mime->setData(CellsMime, QByteArray::fromStdString(cells.dump()));
    QStringList texts;
    for (const auto& c : cells)
        texts << joinedText(c.value("source", Json()));
    mime->setText(texts.join(QStringLiteral("\n\n")));
    QGuiApplication::clipboard()->setMimeData(mime);
}

bool hasCells() {
    const auto* mime = QGuiApplication::clipboard()->mimeData();
    return mime && mime->hasFormat(CellsMime);
}

Json cells() {
    const auto* mime = QGuiApplication::clipboard()->mimeData();
    if (!mime || !mime->hasFormat(CellsMime))
        return Json::array();
    Json parsed = Json::parse(mime->data(CellsMime).toStdString(), nullptr, false);
    return parsed.is_array() ? parsed : Json::array();
}

} // namespace quire::editor::CellClipboard
