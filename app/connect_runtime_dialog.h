#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;

namespace quire::kernel {
class JupyterServer;
}

namespace quire::app {

class RemoteRuntimes;

// Runtime → Connect to a Runtime…: a Jupyter Server URL (with or without ?token=), or a
// JupyterHub user-server URL and an API token. Connect checks the server (status, then its
// kernelspecs) and says plainly what is wrong (token refused, server down, Hub server not
// running, time-out); on success the runtime is remembered (token in the keychain).
class ConnectRuntimeDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectRuntimeDialog(RemoteRuntimes* runtimes, QWidget* parent = nullptr);

    void setUrl(const QString& url);
    void setToken(const QString& token);
    // Checks and, when the server answers, remembers it and accepts.
    void connectNow();
    QString runtimeId() const { return m_runtimeId; } // after accept
    QString message() const;                          // what the dialog says now
    // Set when the keychain refused the token (it then lasts for this session only).
    QString keychainNote() const { return m_keychainNote; }

private:
    void fail(const QString& message);
    void succeed(const QString& summary);

    RemoteRuntimes* m_runtimes;
    QLineEdit* m_url;
    QLineEdit* m_token;
    QLineEdit* m_name;
    QLabel* m_status;
    QPushButton* m_connect;
    QPointer<kernel::JupyterServer> m_probe;
    QString m_runtimeId;
    QString m_keychainNote;
};

} // namespace quire::app
