#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>

namespace quire::app {

// One file or folder of a runtime.
struct RuntimeFileEntry {
    QString name;
    QString path; // in the runtime's own terms ("" is the root)
    bool isDir = false;
    qint64 size = -1; // -1: unknown
    QDateTime modified;
};

// The files a runtime's kernels see: the working folder of the local runtime, the Contents
// API of a Jupyter server. Every call is asynchronous and answers exactly once, through the
// event loop, with an error message users understand (empty on success).
class RuntimeFiles : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~RuntimeFiles() override = default;

    using Listed =
        std::function<void(const QList<RuntimeFileEntry>& entries, const QString& error)>;
    using Done = std::function<void(const QString& error)>;

    // Shown above the tree (a folder, a server address).
    virtual QString location() const = 0;
    // Empty when files can be used; else why not (a kernel gateway has no files).
    virtual QString unavailableReason() const { return {}; }

    virtual void list(const QString& dir, Listed done) = 0;
    virtual void makeFolder(const QString& dir, const QString& name, Done done) = 0;
    virtual void rename(const QString& path, const QString& newName, Done done) = 0;
    virtual void remove(const QString& path, bool isDir, Done done) = 0;
    // Copies a file of this machine into `dir`.
    virtual void upload(const QString& localFile, const QString& dir, Done done) = 0;
    // Copies `path` to a file of this machine.
    virtual void download(const QString& path, const QString& localFile, Done done) = 0;
    // What "Copy path" puts on the clipboard: the path code in the runtime's kernels opens.
    virtual QString kernelPath(const QString& path) const = 0;
    // A local file Quire can open for `path` (the file itself locally), or "" when the
    // runtime's files are not on this machine.
    virtual QString localFile(const QString& path) const = 0;

    static QString joinPath(const QString& dir, const QString& name) {
        return dir.isEmpty() ? name : dir + QLatin1Char('/') + name;
    }
};

} // namespace quire::app
