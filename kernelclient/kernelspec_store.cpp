#include "kernelspec_store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

Q_LOGGING_CATEGORY(lcKernelSpec, "quire.kernelspec")

namespace quire::kernel {

namespace {
bool validName(const QString& name) {
    static const QRegularExpression re(QStringLiteral("^[a-z0-9._-]+$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

std::optional<KernelSpec> readSpec(const QString& dir, const QString& name) {
    QFile f(dir + QStringLiteral("/kernel.json"));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    QJsonParseError err;
    const auto doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (!doc.isObject()) {
        qCWarning(lcKernelSpec) << "ignoring" << f.fileName() << ":" << err.errorString();
        return std::nullopt;
    }
    const auto o = doc.object();
    KernelSpec spec;
    spec.name = name.toLower();
    spec.resourceDir = dir;
    spec.displayName = o.value(QStringLiteral("display_name")).toString(name);
    spec.language = o.value(QStringLiteral("language")).toString();
    for (const auto& a : o.value(QStringLiteral("argv")).toArray())
        spec.argv << a.toString();
    spec.interruptMode =
        o.value(QStringLiteral("interrupt_mode")).toString(QStringLiteral("signal"));
    spec.env = o.value(QStringLiteral("env")).toObject();
    spec.metadata = o.value(QStringLiteral("metadata")).toObject();
    if (spec.argv.isEmpty()) {
        qCWarning(lcKernelSpec) << "ignoring" << f.fileName() << ": no argv";
        return std::nullopt;
    }
    return spec;
}
} // namespace

KernelSpecStore::KernelSpecStore() : m_dirs(standardDataDirs()) {}

KernelSpecStore::KernelSpecStore(QStringList dataDirs) : m_dirs(std::move(dataDirs)) {}

QStringList KernelSpecStore::standardDataDirs() {
    QStringList dirs;
    const auto jp = qEnvironmentVariable("JUPYTER_PATH");
    if (!jp.isEmpty())
        dirs << jp.split(QDir::listSeparator(), Qt::SkipEmptyParts);
    const auto dataDir = qEnvironmentVariable("JUPYTER_DATA_DIR");
    dirs << (dataDir.isEmpty() ? QDir::homePath() + QStringLiteral("/.local/share/jupyter")
                               : dataDir);
    // The environment Quire runs in (a conda env or venv puts kernels under its prefix).
    for (const auto* var : {"CONDA_PREFIX", "VIRTUAL_ENV"}) {
        const auto prefix = qEnvironmentVariable(var);
        if (!prefix.isEmpty())
            dirs << prefix + QStringLiteral("/share/jupyter");
    }
    dirs << QStringLiteral("/usr/local/share/jupyter") << QStringLiteral("/usr/share/jupyter");
    dirs.removeDuplicates();
    return dirs;
}

QList<KernelSpec> KernelSpecStore::specs() const {
    QList<KernelSpec> out;
    QSet<QString> seen;
    for (const auto& base : m_dirs) {
        const QDir kernels(base + QStringLiteral("/kernels"));
        const auto entries = kernels.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const auto& name : entries) {
            const auto key = name.toLower();
            if (!validName(name) || seen.contains(key))
                continue;
            if (auto spec = readSpec(kernels.filePath(name), name)) {
                seen.insert(key);
                out << *spec;
            }
        }
    }
    std::sort(out.begin(), out.end(),
              [](const KernelSpec& a, const KernelSpec& b) { return a.name < b.name; });
    return out;
}

std::optional<KernelSpec> KernelSpecStore::find(const QString& name) const {
    const auto key = name.toLower();
    for (const auto& base : m_dirs) {
        const QString dir = base + QStringLiteral("/kernels/") + key;
        if (QFile::exists(dir + QStringLiteral("/kernel.json")))
            if (auto spec = readSpec(dir, key))
                return spec;
    }
    return std::nullopt;
}

} // namespace quire::kernel
