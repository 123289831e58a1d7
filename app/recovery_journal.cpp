#include "recovery_journal.h"

#include "document_changes.h"
#include "editor/model/notebook_document.h"
#include "file_snapshot.h"
#include "journal_writer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QSysInfo>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <unistd.h>
#endif

namespace quire::app {

using editor::NotebookDocument;

Q_LOGGING_CATEGORY(lcRecovery, "quire.recovery")

namespace {

constexpr int kSidecarVersion = 1;

qint64 currentPid() {
    return QCoreApplication::applicationPid();
}

QString exeName() {
    return QFileInfo(QCoreApplication::applicationFilePath()).fileName();
}

// The kernel's start time of a process (field 22 of /proc/<pid>/stat, in clock ticks since
// boot): with the pid it names one process, so a recycled pid is not taken for Quire.
// Empty where /proc is not available. Sets `zombie` when the process has exited unreaped.
QString processStart(qint64 pid, bool* zombie = nullptr) {
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray stat = f.readAll();
    const int close = stat.lastIndexOf(')'); // the command name may contain spaces and ')'
    if (close < 0)
        return {};
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 20)
        return {};
    if (zombie)
        *zombie = fields[0] == "Z" || fields[0] == "X";
    return QString::fromLatin1(fields[19]);
}

// Whether the process that wrote a sidecar is still a running Quire (then the entry is its
// live journal, not something to recover).
bool ownerIsRunning(const QJsonObject& side) {
    const qint64 pid = side.value(QStringLiteral("pid")).toInteger();
    if (pid <= 0)
        return false;
    const QString host = side.value(QStringLiteral("host")).toString();
    if (!host.isEmpty() && host != QSysInfo::machineHostName())
        return true; // a shared home directory: we cannot see that machine's processes
    if (QFileInfo::exists(QStringLiteral("/proc/self/stat"))) {
        bool zombie = false;
        const QString start = processStart(pid, &zombie);
        if (start.isEmpty() || zombie || start != side.value(QStringLiteral("start")).toString())
            return false;
        QString exe = QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(pid));
        if (exe.isEmpty())
            return true; // not ours to inspect; the start time already matched
        exe.remove(QStringLiteral(" (deleted)")); // the binary was replaced by an update
        return QFileInfo(exe).fileName() == side.value(QStringLiteral("exe")).toString();
    }
#ifdef Q_OS_UNIX
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#else
    return true; // cannot tell: never offer another process's live journal
#endif
}

QJsonObject readSidecar(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject side = QJsonDocument::fromJson(f.readAll()).object();
    return side.value(QStringLiteral("quire")).toInt() == kSidecarVersion ? side : QJsonObject();
}

bool isOwnSidecar(const QJsonObject& side) {
    return side.value(QStringLiteral("pid")).toInteger() == currentPid() &&
           side.value(QStringLiteral("start")).toString() == processStart(currentPid());
}

} // namespace

QString RecoveryEntry::displayName() const {
    return originalPath.isEmpty() ? untitledName : QFileInfo(originalPath).fileName();
}

RecoveryEntry::DiskState RecoveryEntry::diskState() const {
    if (originalPath.isEmpty())
        return DiskState::Untitled;
    const FileSnapshot now = FileSnapshot::stat(originalPath);
    if (!now.exists)
        return originalSize < 0 ? DiskState::Unchanged : DiskState::Missing;
    return now.size == originalSize && now.mtimeMs == originalMtimeMs ? DiskState::Unchanged
                                                                      : DiskState::Changed;
}

RecoveryJournal::RecoveryJournal(NotebookDocument* document)
    : QObject(document), m_doc(document), m_dir(directory()),
      m_id(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RecoveryJournal::writeNow);
    connectContentChanges(document, this, [this] { scheduleWrite(); });
    connect(document, &NotebookDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            removeEntry();
    });
    connect(document, &NotebookDocument::saved, this, [this] {
        removeEntry();
        takeOriginalStat();
    });
    connect(document, &NotebookDocument::filePathChanged, this, [this] {
        m_sidecarStale = true;
        takeOriginalStat();
    });
    connect(&JournalWriter::instance(), &JournalWriter::written, this,
            [this](const QString& id, bool ok, const QString&) {
                if (id == m_id)
                    emit written(ok);
            });
    takeOriginalStat();
    scheduleWrite();
}

RecoveryJournal::~RecoveryJournal() {
    // Runs while the document is being destroyed: only our own members may be used here.
    if (m_onDisk)
        JournalWriter::instance().remove(m_dir, m_id);
}

QString RecoveryJournal::directory() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/recovery");
}

QString RecoveryJournal::journalPath() const {
    return m_dir + QLatin1Char('/') + m_id + QStringLiteral(".ipynb");
}

void RecoveryJournal::adopt(const RecoveryEntry& entry) {
    if (m_onDisk && entry.id != m_id)
        JournalWriter::instance().remove(m_dir, m_id);
    m_id = entry.id;
    m_originalSize = entry.originalSize;
    m_originalMtimeMs = entry.originalMtimeMs;
    m_onDisk = true;
    m_timer.stop();
    // Claim it at once (our pid in the sidecar), so another Quire starting now leaves it be.
    // The journaled bytes are what the document holds, so they need no rewrite.
    JournalWriter::instance().write(m_dir, m_id, {}, sidecar());
    m_sidecarStale = false;
}

void RecoveryJournal::takeOriginalStat() {
    const FileSnapshot s = FileSnapshot::stat(m_doc->filePath());
    m_originalSize = s.exists ? s.size : -1;
    m_originalMtimeMs = s.mtimeMs;
    m_sidecarStale = true;
}

void RecoveryJournal::scheduleWrite() {
    // Not restarted by later changes: the first unjournaled edit is at most m_delayMs old.
    if (m_doc->isModified() && !m_timer.isActive())
        m_timer.start(m_delayMs);
}

void RecoveryJournal::writeNow() {
    m_timer.stop();
    if (!m_doc->isModified())
        return;
    QElapsedTimer clock;
    clock.start();
    QByteArray bytes = m_doc->serialize();
    m_lastSerializeMs = clock.elapsed();
    m_delayMs = int(std::clamp<qint64>(m_lastSerializeMs * kCostShare, kMinDelayMs, kMaxDelayMs));
    QByteArray side;
    if (!m_onDisk || m_sidecarStale)
        side = sidecar();
    JournalWriter::instance().write(m_dir, m_id, std::move(bytes), std::move(side));
    m_onDisk = true;
    m_sidecarStale = false;
}

void RecoveryJournal::removeEntry() {
    m_timer.stop();
    if (!m_onDisk)
        return;
    JournalWriter::instance().remove(m_dir, m_id);
    m_onDisk = false;
}

QByteArray RecoveryJournal::sidecar() const {
    QJsonObject side;
    side.insert(QStringLiteral("quire"), kSidecarVersion);
    side.insert(QStringLiteral("path"), m_doc->filePath());
    side.insert(QStringLiteral("name"), m_doc->displayName());
    side.insert(QStringLiteral("pid"), currentPid());
    side.insert(QStringLiteral("start"), processStart(currentPid()));
    side.insert(QStringLiteral("exe"), exeName());
    side.insert(QStringLiteral("host"), QSysInfo::machineHostName());
    side.insert(QStringLiteral("time"),
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    side.insert(QStringLiteral("originalSize"), m_originalSize);
    side.insert(QStringLiteral("originalMtime"), m_originalMtimeMs);
    return QJsonDocument(side).toJson(QJsonDocument::Indented);
}

QList<RecoveryEntry> RecoveryJournal::pendingEntries() {
    QList<RecoveryEntry> entries;
    const QDir dir(directory());
    const auto sidecars =
        dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Time | QDir::Reversed);
    for (const QFileInfo& info : sidecars) {
        const QJsonObject side = readSidecar(info.filePath());
        if (side.isEmpty() || ownerIsRunning(side))
            continue;
        RecoveryEntry e;
        e.id = info.completeBaseName();
        e.journalPath = dir.filePath(e.id + QStringLiteral(".ipynb"));
        if (!QFileInfo::exists(e.journalPath)) {
            // Its process died between writing the sidecar and the notebook: nothing to offer.
            QFile::remove(info.filePath());
            continue;
        }
        e.originalPath = side.value(QStringLiteral("path")).toString();
        e.untitledName = side.value(QStringLiteral("name")).toString();
        e.journaledAt = QFileInfo(e.journalPath).lastModified();
        e.pid = side.value(QStringLiteral("pid")).toInteger();
        e.originalSize = side.value(QStringLiteral("originalSize")).toInteger(-1);
        e.originalMtimeMs = side.value(QStringLiteral("originalMtime")).toInteger();
        entries << e;
    }
    return entries;
}

std::unique_ptr<NotebookDocument> RecoveryJournal::restore(const RecoveryEntry& entry,
                                                           QString* error) {
    QFile f(entry.journalPath);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(entry.journalPath, f.errorString());
        return nullptr;
    }
    auto result = NotebookDocument::fromBytes(f.readAll(), entry.originalPath);
    if (!result.document) {
        if (error)
            *error = result.error;
        return nullptr;
    }
    if (entry.originalPath.isEmpty())
        result.document->setUntitledName(entry.untitledName);
    result.document->markDirty(); // not on disk yet: Save writes it to the original file
    return std::move(result.document);
}

void RecoveryJournal::discard(const RecoveryEntry& entry) {
    const QString base = QFileInfo(entry.journalPath).path() + QLatin1Char('/') + entry.id;
    QFile::remove(base + QStringLiteral(".ipynb"));
    QFile::remove(base + QStringLiteral(".json"));
}

void RecoveryJournal::finishProcess() {
    JournalWriter::instance().flush();
    const QDir dir(directory());
    const auto sidecars = dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files);
    for (const QFileInfo& info : sidecars) {
        if (!isOwnSidecar(readSidecar(info.filePath())))
            continue;
        QFile::remove(dir.filePath(info.completeBaseName() + QStringLiteral(".ipynb")));
        QFile::remove(info.filePath());
        qCDebug(lcRecovery) << "removed journal" << info.completeBaseName() << "at quit";
    }
}

} // namespace quire::app
