#include "editor/model/notebook_trust.h"

#include "editor/model/notebook_document.h"
#include "editor/nbformat/notebook_writer.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>
#include <algorithm>
#include <vector>

namespace quire::editor {

namespace {

constexpr qsizetype kSecretBytes = 32;
constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

NotebookTrust::NotebookTrust(QString directory) : m_dir(std::move(directory)) {
    if (m_dir.isEmpty())
        m_dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString NotebookTrust::secretPath() const {
    return QDir(m_dir).filePath(QStringLiteral("notebook_secret"));
}

QString NotebookTrust::databasePath() const {
    return QDir(m_dir).filePath(QStringLiteral("trusted_notebooks"));
}

QByteArray NotebookTrust::secret() const {
    if (!m_secret.isEmpty())
        return m_secret;
    QFile existing(secretPath());
    if (existing.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = existing.read(kSecretBytes + 1);
        if (bytes.size() == kSecretBytes)
            return m_secret = bytes;
    }
    // None yet (or damaged): a new one; notebooks signed with the old one are untrusted again.
    QByteArray bytes(kSecretBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()),
                                          kSecretBytes / qsizetype(sizeof(quint32)));
    QDir().mkpath(m_dir);
    QFile::remove(secretPath());
    QFile file(secretPath());
    // Created 0600 from the start, so the secret is never readable by others.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly) ||
        file.write(bytes) != bytes.size() || !file.flush())
        return {};
    return m_secret = bytes;
}

QByteArray NotebookTrust::signature(const Json& notebook) const {
    const QByteArray key = secret();
    if (key.isEmpty())
        return {};
    Json unsigned_ = notebook;
    if (auto meta = unsigned_.find("metadata"); meta != unsigned_.end() && meta->is_object())
        meta->erase("signature");
    const std::string text = writeCanonical(unsigned_);
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
    mac.addData(text.data(), qsizetype(text.size()));
    return mac.result().toHex();
}

void NotebookTrust::loadDatabase() const {
    if (m_loaded)
        return;
    m_loaded = true;
    QFile file(databasePath());
    if (!file.open(QIODevice::ReadOnly))
        return;
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine(256).trimmed().split(' ');
        if (fields.size() != 2 || fields[0].size() != 64)
            continue;
        bool ok = false;
        const qint64 when = fields[1].toLongLong(&ok);
        if (ok)
            m_entries.insert(fields[0], when);
    }
}

bool NotebookTrust::saveDatabase() const {
    std::vector<std::pair<qint64, QByteArray>> byAge;
    byAge.reserve(size_t(m_entries.size()));
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        byAge.emplace_back(it.value(), it.key());
    std::ranges::sort(byAge, std::greater<>());
    if (byAge.size() > size_t(maximumEntries())) {
        for (size_t i = size_t(maximumEntries()); i < byAge.size(); ++i)
            m_entries.remove(byAge[i].second);
        byAge.resize(size_t(maximumEntries()));
    }
    QDir().mkpath(m_dir);
    QSaveFile file(databasePath());
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(kOwnerOnly);
    for (auto it = byAge.rbegin(); it != byAge.rend(); ++it)
        file.write(it->second + ' ' + QByteArray::number(it->first) + '\n');
    return file.commit();
}

bool NotebookTrust::isSigned(const Json& notebook) const {
    loadDatabase();
    const QByteArray sig = signature(notebook);
    return !sig.isEmpty() && m_entries.contains(sig);
}

bool NotebookTrust::remember(const Json& notebook) {
    const QByteArray sig = signature(notebook);
    if (sig.isEmpty())
        return false;
    loadDatabase();
    // Strictly increasing, so the order of use survives equal clock readings.
    qint64 newest = QDateTime::currentMSecsSinceEpoch();
    for (const qint64 when : std::as_const(m_entries))
        newest = std::max(newest, when + 1);
    m_entries.insert(sig, newest);
    return saveDatabase();
}

void NotebookTrust::applyTo(NotebookDocument& document) const {
    if (!document.isTrusted() && isSigned(document.toJson()))
        document.trustOutputs();
}

void NotebookTrust::recordIfTrusted(const NotebookDocument& document) {
    if (document.isTrusted())
        remember(document.toJson());
}

void NotebookTrust::trust(NotebookDocument& document) {
    document.trustOutputs();
    remember(document.toJson());
}

} // namespace quire::editor
