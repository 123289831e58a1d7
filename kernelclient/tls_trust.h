#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QSslCertificate>
#include <QStringList>
#include <functional>
#include <vector>

namespace quire::kernel {

// Certificates the user accepted although no system CA vouches for them (self-signed servers),
// as SHA-256 fingerprints per "host:port". Never accepts anything silently: an unknown
// certificate is refused unless the question hook says yes. The app persists the list
// (toStringList / fromStringList, or a JSON file) and sets the hook to ask the user; headless
// callers set no hook and so refuse whatever is not already trusted.
class TlsTrust : public QObject {
    Q_OBJECT
public:
    struct Question {
        QString hostPort;
        QString fingerprint; // "AA:BB:..." SHA-256 of the DER certificate
        QString subject;     // the certificate's common name, for the dialog
        QString issuer;
        QString problems; // what Qt found wrong ("self signed", ...), one per line
    };
    // Asynchronous: call `answer(true)` to trust the certificate, `answer(false)` to refuse.
    using Hook = std::function<void(const Question& question, std::function<void(bool)> answer)>;

    using QObject::QObject;

    bool isTrusted(const QString& hostPort, const QSslCertificate& certificate) const;
    void trust(const QString& hostPort, const QString& fingerprint);
    void forget(const QString& hostPort);
    QStringList fingerprints(const QString& hostPort) const;

    // "host:port SHA256-fingerprint" per line; unknown lines are skipped.
    QStringList toStringList() const;
    void fromStringList(const QStringList& entries);
    bool loadFile(const QString& path, QString* error = nullptr);
    bool saveFile(const QString& path, QString* error = nullptr) const;

    void setQuestionHook(Hook hook) { m_hook = std::move(hook); }
    bool hasQuestionHook() const { return bool(m_hook); }
    // Asks the hook once per host and certificate; concurrent asks share the answer. Without a
    // hook the answer is no at once. `done` runs later (never inside this call).
    void ask(const QString& hostPort, const QSslCertificate& certificate, const QString& problems,
             std::function<void(bool)> done);

    static QString fingerprint(const QSslCertificate& certificate);

signals:
    void changed(); // persist now

private:
    QHash<QString, QSet<QString>> m_trusted;
    QHash<QString, std::vector<std::function<void(bool)>>> m_waiting; // by host + fingerprint
    Hook m_hook;
};

} // namespace quire::kernel
