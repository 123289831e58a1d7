#include "runtime_inventory.h"

#include <QThread>

namespace quire::app {

RuntimeInventory::RuntimeInventory(kernel::ResourceProbe::Options options, QObject* parent)
    : QObject(parent), m_options(std::move(options)) {}

RuntimeInventory::~RuntimeInventory() {
    if (m_thread) { // its finished() would reach nobody: end and delete it here
        m_thread->wait();
        delete m_thread;
    }
}

void RuntimeInventory::refresh() {
    if (m_thread)
        return;
    auto result = std::make_shared<kernel::ResourceSnapshot>();
    m_thread = QThread::create([result, options = m_options] {
        kernel::ResourceProbe probe(options);
        *result = probe.sample();
    });
    // finished() reaches this object on the GUI thread once the worker is done.
    connect(m_thread, &QThread::finished, this, [this, result] {
        m_thread->deleteLater();
        m_thread = nullptr;
        m_snapshot = *result;
        emit ready();
    });
    m_thread->start(QThread::LowPriority);
}

QString RuntimeInventory::gpuType(const QString& gpuName) {
    QString type = gpuName;
    for (const char* prefix : {"NVIDIA ", "Tesla ", "GeForce "})
        if (type.startsWith(QLatin1String(prefix)))
            type = type.mid(int(qstrlen(prefix)));
    return type.trimmed();
}

} // namespace quire::app
