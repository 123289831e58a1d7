#pragma once

// Runs a program to the end for the CLI tests: exit code, stdout, stderr.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace quire::test {

struct ProcessResult {
    int code = -1; // -1: crashed or timed out
    QString out, err;
};

struct ProcessOptions {
    QProcessEnvironment env;  // empty: this process's environment
    QString workingDirectory; // empty: this process's
    int timeoutMs = 120000;
};

inline ProcessResult runProcess(const QString& program, const QStringList& args,
                                const ProcessOptions& options = {}) {
    QProcess p;
    if (!options.env.isEmpty())
        p.setProcessEnvironment(options.env);
    if (!options.workingDirectory.isEmpty())
        p.setWorkingDirectory(options.workingDirectory);
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForFinished(options.timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// This process's environment with English messages (for tests that read them).
inline QProcessEnvironment englishEnvironment() {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    return env;
}

} // namespace quire::test
