#include "kernelclient/kernel_resource_probe.h"

#include "kernelclient/kernel_client.h"
#include "kernelclient/nvidia_smi.h"
#include "kernelclient/remote_resource_script.h"
#include "kernelclient/request.h"

#include <QCoreApplication>

namespace quire::kernel {

namespace {

constexpr const char* kExpressionName = "quire_resources";

// Prints the sections of remote_resource_script.h as JSON, hex-encoded (the expression's
// text/plain is the repr of a str; hex needs no unescaping). WINDOW, GPU_ARGS, APP_ARGS are
// filled in.
constexpr const char* kSnippet = R"PY(import json, os, shutil, subprocess, time
def rd(p):
    try:
        with open(p) as f:
            return f.read()
    except Exception:
        return ''
def ls(p):
    try:
        return sorted(os.listdir(p))
    except OSError:
        return []
s = {}
if WINDOW > 0:
    s['stat1'] = rd('/proc/stat')
    time.sleep(WINDOW)
s['stat2'] = rd('/proc/stat')
s['meminfo'] = rd('/proc/meminfo')
d = os.getcwd()
s['pwd'] = d + '\n'
try:
    v = os.statvfs(d)
    s['df'] = 'Filesystem 1-blocks Used Available Capacity Mounted\nkernel %d %d %d - %s\n' % (
        v.f_blocks * v.f_frsize, (v.f_blocks - v.f_bfree) * v.f_frsize, v.f_bavail * v.f_frsize, d)
except OSError:
    pass
smi = shutil.which('nvidia-smi')
if smi:
    for k, a in (('gpus', GPU_ARGS), ('apps', APP_ARGS)):
        try:
            p = subprocess.run([smi] + a, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               timeout=5, universal_newlines=True)
            s[k], s[k + '_status'] = p.stdout, str(p.returncode)
        except Exception as e:
            s[k], s[k + '_status'] = str(e), '1'
else:
    s['gpus_status'] = 'missing'
pci = ''
for n in ls('/sys/bus/pci/devices'):
    p = '/sys/bus/pci/devices/' + n
    v = rd(p + '/vendor').strip()
    if v != '0x1ae0':
        continue
    a = ([x for x in ls(p + '/accel') if x.startswith('accel')] or ['-'])[0]
    g = os.path.basename(os.readlink(p + '/iommu_group')) if os.path.islink(p + '/iommu_group') else '-'
    pci += '%s %s %s %s %s\n' % (n, v, rd(p + '/device').strip(), a, g)
s['pci'] = pci
s['dev'] = ' '.join(x for x in ls('/dev') if x.startswith('accel'))
s['vfio'] = ' '.join(ls('/dev/vfio'))
r = json.dumps(s).encode().hex()
)PY";

Json pythonList(const QStringList& items) {
    Json list = Json::array();
    for (const QString& item : items)
        list.push_back(item.toStdString());
    return list;
}

} // namespace

KernelResourceProbe::KernelResourceProbe(KernelClient* client, QObject* parent)
    : QObject(parent), m_client(client) {}

QString KernelResourceProbe::expression(double cpuWindowSeconds) {
    QString code = QString::fromUtf8(kSnippet);
    code.replace(QLatin1String("WINDOW"), QString::number(cpuWindowSeconds, 'f', 2));
    code.replace(QLatin1String("GPU_ARGS"),
                 QString::fromStdString(pythonList(nvidia_smi::gpuQueryArguments()).dump()));
    code.replace(QLatin1String("APP_ARGS"),
                 QString::fromStdString(pythonList(nvidia_smi::processQueryArguments()).dump()));
    // A JSON string is a Python string literal; the snippet runs in a fresh namespace.
    const QString literal = QString::fromStdString(Json(code.toStdString()).dump());
    return QStringLiteral("(lambda n: (exec(%1, n), n['r'])[1])({})").arg(literal);
}

bool KernelResourceProbe::sample() {
    if (m_sampling)
        return false;
    if (!m_client) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                emit failed(
                    QCoreApplication::translate("Resources", "the notebook's kernel has stopped"));
            },
            Qt::QueuedConnection);
        return true;
    }
    m_sampling = true;
    ExecuteOptions options;
    options.silent = true;
    options.storeHistory = false;
    options.allowStdin = false;
    options.stopOnError = false;
    options.userExpressions = {{kExpressionName, expression(m_first ? 0.5 : 0.0).toStdString()}};
    Request* request = m_client->execute(QString(), options, this);
    connect(request, &Request::finished, this, [this, request](const Message& reply) {
        m_sampling = false;
        if (request->outcome() != Request::Outcome::Completed)
            return emit failed(
                QCoreApplication::translate("Resources", "the kernel stopped before it answered"));
        onReply(reply.content);
    });
    return true;
}

void KernelResourceProbe::onReply(const Json& content) {
    const Json result =
        content.value("user_expressions", Json::object()).value(kExpressionName, Json::object());
    if (result.value("status", "") != "ok") {
        const std::string why = result.value("evalue", content.value("evalue", "no answer"));
        return emit failed(
            QCoreApplication::translate("Resources", "the kernel could not run the probe: %1")
                .arg(QString::fromStdString(why)));
    }
    // text/plain is the repr of the hex string: '7b22...'
    QString text = QString::fromStdString(
        result.value("data", Json::object()).value("text/plain", std::string()));
    text.remove(QLatin1Char('\'')).remove(QLatin1Char('"'));
    const auto json =
        Json::parse(QByteArray::fromHex(text.toLatin1()).toStdString(), nullptr, false);
    if (!json.is_object())
        return emit failed(QCoreApplication::translate(
            "Resources", "the kernel's answer to the probe was not understood"));
    remote_resources::Sections sections;
    for (const auto& [key, value] : json.items())
        if (value.is_string())
            sections.insert(QString::fromStdString(key),
                            QString::fromStdString(value.get<std::string>()));
    m_first = false;
    emit sampled(remote_resources::parse(sections, &m_previousCpu));
}

} // namespace quire::kernel
