#pragma once

#include "runtime_files.h"

namespace quire::app {

// The local runtime's files: a folder of this machine (the notebook's folder, where its kernel
// starts). Paths are relative to that folder.
class LocalRuntimeFiles : public RuntimeFiles {
    Q_OBJECT
public:
    explicit LocalRuntimeFiles(QString root, QObject* parent = nullptr);

    QString location() const override { return m_root; }
    void list(const QString& dir, Listed done) override;
    void makeFolder(const QString& dir, const QString& name, Done done) override;
    void rename(const QString& path, const QString& newName, Done done) override;
    void remove(const QString& path, bool isDir, Done done) override;
    void upload(const QString& localFile, const QString& dir, Done done) override;
    void download(const QString& path, const QString& localFile, Done done) override;
    QString kernelPath(const QString& path) const override { return absolute(path); }
    QString localFile(const QString& path) const override { return absolute(path); }

private:
    QString absolute(const QString& path) const;
    void answer(Done done, const QString& error);

    QString m_root;
};

} // namespace quire::app
