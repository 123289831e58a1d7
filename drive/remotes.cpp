#include "remotes.h"

#include "rclone_client.h"

#include <QJsonArray>
#include <QLocale>

namespace quire::drive {

Remotes::Remotes(RcloneClient* client, QObject* parent) : QObject(parent), m_client(client) {}

void Remotes::list(QObject* context, std::function<void(QStringList, QString)> done) {
    m_client->call(QStringLiteral("config/listremotes"), {}, context, [done](const RcResult& r) {
        QStringList names;
        for (const QJsonValue& v : r.json.value(QLatin1String("remotes")).toArray())
            names << v.toString();
        names.sort(Qt::CaseInsensitive);
        done(names, r.error);
    });
}

void Remotes::get(const QString& name, QObject* context,
                  std::function<void(QMap<QString, QString>, QString)> done) {
    m_client->call(QStringLiteral("config/get"), {{QStringLiteral("name"), name}}, context,
                   [done](const RcResult& r) {
                       QMap<QString, QString> out;
                       for (auto it = r.json.begin(); it != r.json.end(); ++it)
                           out.insert(it.key(), it.value().toVariant().toString());
                       done(out, r.error);
                   });
}

void Remotes::remove(const QString& name, QObject* context, std::function<void(QString)> done) {
    m_client->call(QStringLiteral("config/delete"), {{QStringLiteral("name"), name}}, context,
                   [this, done](const RcResult& r) {
                       if (r.ok)
                           emit changed();
                       done(r.error);
                   });
}

Quota Remotes::parseAbout(const QJsonObject& about) {
    Quota q;
    auto read = [&about](const char* key) -> std::optional<qint64> {
        const QJsonValue v = about.value(QLatin1String(key));
        return v.isDouble() ? std::optional<qint64>(v.toInteger()) : std::nullopt;
    };
    q.total = read("total");
    q.used = read("used");
    q.free = read("free");
    return q;
}

void Remotes::quota(const QString& name, QObject* context,
                    std::function<void(Quota, QString)> done) {
    m_client->call(QStringLiteral("operations/about"), {{QStringLiteral("fs"), name + u':'}},
                   context, [done](const RcResult& r) {
                       // Backends without quota support fail or answer {}: both are "unknown".
                       const bool unsupported =
                           r.rcloneError.contains(QLatin1String("doesn't support"));
                       done(parseAbout(r.json), unsupported ? QString() : r.error);
                   });
}

QString Remotes::describe(const Quota& q) {
    const QLocale l;
    auto size = [&l](qint64 v) { return l.formattedDataSize(v, 1, QLocale::DataSizeSIFormat); };
    if (q.used && q.total)
        return tr("%1 of %2 used").arg(size(*q.used), size(*q.total));
    if (q.used && q.free)
        return tr("%1 used, %2 free").arg(size(*q.used), size(*q.free));
    if (q.used)
        return tr("%1 used").arg(size(*q.used));
    if (q.free)
        return tr("%1 free").arg(size(*q.free));
    return tr("Quota unknown");
}

} // namespace quire::drive
