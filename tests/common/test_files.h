#pragma once

// Small file helpers the tests share.

#include "editor/nbformat/json.h"

#include <QFile>
#include <QTest>

namespace quire::test {

inline void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

inline QByteArray readFile(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A 4.5 notebook with one code cell (id "c1") holding `source`.
inline QByteArray notebookText(const std::string& source) {
    const editor::Json nb = {{"cells", editor::Json::array({{{"cell_type", "code"},
                                                             {"execution_count", nullptr},
                                                             {"id", "c1"},
                                                             {"metadata", editor::Json::object()},
                                                             {"outputs", editor::Json::array()},
                                                             {"source", source}}})},
                             {"metadata", editor::Json::object()},
                             {"nbformat", 4},
                             {"nbformat_minor", 5}};
    return QByteArray::fromStdString(nb.dump(1) + "\n");
}

} // namespace quire::test
