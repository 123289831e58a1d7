#pragma once

#include "editor/nbformat/json.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <algorithm>

namespace quire::editor {

class NotebookDocument;

// Jupyter's notebook trust, remembered per user: a notebook is signed with HMAC-SHA256 under a
// random per-user secret over its canonical text without metadata.signature, and the signatures
// of notebooks the user trusted (or saved while trusted) are kept in a small database. A
// notebook opened unchanged is trusted again; any change to it (an output, a source) is not.
//
// Both files live in `directory` (the app's data folder): `notebook_secret` (0600) and
// `trusted_notebooks` (one "signature seconds" line each, at most maximumEntries(), the least
// recently used dropped first). Widget-free; the app decides when to ask the user.
class NotebookTrust {
public:
    // An empty `directory` means QStandardPaths::AppDataLocation.
    explicit NotebookTrust(QString directory = {});

    // How many signatures the database keeps (default 5000).
    int maximumEntries() const { return m_maxEntries; }
    void setMaximumEntries(int entries) { m_maxEntries = std::max(1, entries); }

    // Hex HMAC-SHA256 of `notebook`; empty when the secret cannot be read or made.
    QByteArray signature(const Json& notebook) const;
    bool isSigned(const Json& notebook) const;
    // Records the notebook's signature (a repeated one is moved to the newest end).
    bool remember(const Json& notebook);

    // On open: a signed notebook's outputs become trusted.
    void applyTo(NotebookDocument& document) const;
    // After a save: a trusted notebook's new signature is recorded.
    void recordIfTrusted(const NotebookDocument& document);
    // The user trusts the notebook: all outputs trusted, signature recorded.
    void trust(NotebookDocument& document);

    QString secretPath() const;
    QString databasePath() const;

private:
    QByteArray secret() const;
    void loadDatabase() const;
    bool saveDatabase() const;

    QString m_dir;
    mutable QByteArray m_secret;
    int m_maxEntries = 5000;
    mutable bool m_loaded = false;
    mutable QHash<QByteArray, qint64> m_entries; // signature -> last use (ms since epoch)
};

} // namespace quire::editor
