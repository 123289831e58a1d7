#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace quire::kernel {

// One installed kernel, as described by <dir>/kernels/<name>/kernel.json.
struct KernelSpec {
    QString name;
    QString displayName;
    QString language;
    QString resourceDir;
    QStringList argv;
    QString interruptMode; // "signal" (default) or "message"
    QJsonObject env;
    QJsonObject metadata;
};

// Finds kernelspecs the way jupyter_client does: $JUPYTER_PATH entries, the user data dir,
// /usr/local/share/jupyter, /usr/share/jupyter and the running environment's prefix.
// The first directory that has a name wins.
class KernelSpecStore {
public:
    KernelSpecStore();                              // the standard search path
    explicit KernelSpecStore(QStringList dataDirs); // explicit data dirs (tests)

    QList<KernelSpec> specs() const; // sorted by name
    std::optional<KernelSpec> find(const QString& name) const;
    const QStringList& dataDirs() const { return m_dirs; }

    static QStringList standardDataDirs();

private:
    QStringList m_dirs;
};

} // namespace quire::kernel
