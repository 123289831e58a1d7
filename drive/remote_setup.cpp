#include "remote_setup.h"

#include "rclone_client.h"
#include "remotes.h"

#include <QJsonArray>

namespace quire::drive {

RemoteSetup::RemoteSetup(RcloneClient* client, Remotes* remotes, QObject* parent)
    : QObject(parent), m_client(client), m_remotes(remotes) {}

RemoteQuestion RemoteSetup::parseQuestion(const QJsonObject& o) {
    RemoteQuestion q;
    q.name = o.value(QLatin1String("Name")).toString();
    q.help = o.value(QLatin1String("Help")).toString().trimmed();
    q.defaultValue = o.value(QLatin1String("ValueStr")).toString();
    if (q.defaultValue.isEmpty())
        q.defaultValue = o.value(QLatin1String("DefaultStr")).toString();
    q.required = o.value(QLatin1String("Required")).toBool();
    q.isPassword = o.value(QLatin1String("IsPassword")).toBool();
    for (const QJsonValue& e : o.value(QLatin1String("Examples")).toArray())
        q.examples << e.toObject().value(QLatin1String("Value")).toString();
    return q;
}

void RemoteSetup::start(const QString& name, const QString& type,
                        const QMap<QString, QString>& params) {
    m_name = name;
    m_state.clear();
    m_active = true;
    QJsonObject parameters;
    for (auto it = params.begin(); it != params.end(); ++it)
        parameters.insert(it.key(), it.value());
    const QJsonObject body{
        {QStringLiteral("name"), name},
        {QStringLiteral("type"), type},
        {QStringLiteral("parameters"), parameters},
        // Passwords typed by the user are plain text; rclone obscures them for the file.
        {QStringLiteral("opt"),
         QJsonObject{{QStringLiteral("nonInteractive"), true}, {QStringLiteral("obscure"), true}}}};
    m_client->call(QStringLiteral("config/create"), body, this, [this](const RcResult& r) {
        if (!r.ok) {
            m_active = false;
            emit failed(r.error);
            return;
        }
        handle(r.json);
    });
}

void RemoteSetup::answer(const QString& value) {
    if (!m_active)
        return;
    const QJsonObject body{{QStringLiteral("name"), m_name},
                           {QStringLiteral("parameters"), QJsonObject()},
                           {QStringLiteral("opt"), QJsonObject{
                                                       {QStringLiteral("nonInteractive"), true},
                                                       {QStringLiteral("continue"), true},
                                                       {QStringLiteral("state"), m_state},
                                                       {QStringLiteral("result"), value},
                                                   }}};
    m_client->call(QStringLiteral("config/update"), body, this, [this](const RcResult& r) {
        if (!r.ok) {
            m_active = false;
            emit failed(r.error);
            return;
        }
        handle(r.json);
    });
}

void RemoteSetup::handle(const QJsonObject& a) {
    m_state = a.value(QLatin1String("State")).toString();
    const QJsonValue option = a.value(QLatin1String("Option"));
    if (m_state.isEmpty() || !option.isObject()) {
        m_active = false;
        const QString error = a.value(QLatin1String("Error")).toString();
        if (!error.isEmpty()) {
            emit failed(friendlyRcError(QStringLiteral("config/create"), 500, error));
            return;
        }
        emit m_remotes->changed();
        emit finished();
        return;
    }
    m_question = parseQuestion(option.toObject());
    m_question.error = a.value(QLatin1String("Error")).toString();
    emit questionAsked(m_question);
}

void RemoteSetup::cancel() {
    if (!m_active)
        return;
    m_active = false;
    m_client->call(QStringLiteral("config/delete"), {{QStringLiteral("name"), m_name}}, nullptr,
                   [](const RcResult&) {});
}

} // namespace quire::drive
