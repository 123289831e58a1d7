#include "tls_trust.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>

namespace quire::kernel {

QString TlsTrust::fingerprint(const QSslCertificate& certificate) {
    const QByteArray hex = certificate.digest(QCryptographicHash::Sha256).toHex().toUpper();
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < hex.size(); i += 2)
        pairs << QString::fromLatin1(hex.mid(i, 2));
    return pairs.join(QLatin1Char(':'));
}

bool TlsTrust::isTrusted(const QString& hostPort, const QSslCertificate& certificate) const {
    const auto it = m_trusted.find(hostPort);
    return it != m_trusted.end() && !certificate.isNull() && it->contains(fingerprint(certificate));
}

void TlsTrust::trust(const QString& hostPort, const QString& fingerprint) {
    m_trusted[hostPort].insert(fingerprint.toUpper());
    emit changed();
}

void TlsTrust::forget(const QString& hostPort) {
    if (m_trusted.remove(hostPort))
        emit changed();
}

QStringList TlsTrust::fingerprints(const QString& hostPort) const {
    QStringList list = m_trusted.value(hostPort).values();
    list.sort();
    return list;
}

QStringList TlsTrust::toStringList() const {
    QStringList out;
    for (auto it = m_trusted.begin(); it != m_trusted.end(); ++it)
        for (const QString& fp : it.value())
            out << it.key() + QLatin1Char(' ') + fp;
    out.sort();
    return out;
}

void TlsTrust::fromStringList(const QStringList& entries) {
    m_trusted.clear();
    for (const QString& entry : entries) {
        const QStringList parts = entry.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (parts.size() == 2 && parts[0].contains(QLatin1Char(':')) && parts[1].size() == 95)
            m_trusted[parts[0]].insert(parts[1].toUpper());
    }
}

bool TlsTrust::loadFile(const QString& path, QString* error) {
    QFile file(path);
    if (!file.exists()) {
        m_trusted.clear();
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    QStringList entries;
    for (const auto& v : doc.object().value(QStringLiteral("trusted")).toArray())
        entries << v.toString();
    fromStringList(entries);
    return true;
}

bool TlsTrust::saveFile(const QString& path, QString* error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const QJsonObject root{{QStringLiteral("trusted"), QJsonArray::fromStringList(toStringList())}};
    file.write(QJsonDocument(root).toJson());
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void TlsTrust::ask(const QString& hostPort, const QSslCertificate& certificate,
                   const QString& problems, std::function<void(bool)> done) {
    const QString fp = fingerprint(certificate);
    const QString key = hostPort + QLatin1Char(' ') + fp;
    if (!m_hook || certificate.isNull()) {
        QTimer::singleShot(0, this, [done = std::move(done)] { done(false); });
        return;
    }
    auto& waiting = m_waiting[key];
    waiting.push_back(std::move(done));
    if (waiting.size() > 1)
        return; // the question is already on screen
    Question q{hostPort, fp, certificate.subjectInfo(QSslCertificate::CommonName).join(", "),
               certificate.issuerInfo(QSslCertificate::CommonName).join(", "), problems};
    QPointer<TlsTrust> self(this);
    m_hook(q, [self, key, hostPort, fp](bool yes) {
        if (!self)
            return;
        if (yes)
            self->trust(hostPort, fp);
        auto callbacks = self->m_waiting.take(key);
        QTimer::singleShot(0, self, [callbacks = std::move(callbacks), yes] {
            for (const auto& cb : callbacks)
                cb(yes);
        });
    });
}

} // namespace quire::kernel
