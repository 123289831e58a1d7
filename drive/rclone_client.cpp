#include "rclone_client.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

namespace quire::drive {

RcloneClient::RcloneClient(QObject* parent)
    : QObject(parent), m_net(new QNetworkAccessManager(this)) {
    // rclone listens on loopback only; a system proxy must never see these requests.
    m_net->setProxy(QNetworkProxy::NoProxy);
}

void RcloneClient::setEndpoint(const QUrl& base, const QString& user, const QString& password) {
    m_base = base;
    m_auth = "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64();
}

void RcloneClient::call(const QString& command, const QJsonObject& params, QObject* context,
                        Callback done) {
    QUrl url = m_base;
    url.setPath(QLatin1Char('/') + command);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Authorization", m_auth);
    request.setTransferTimeout(0); // long operations (purge, big copies) answer late
    QNetworkReply* reply =
        m_net->post(request, QJsonDocument(params).toJson(QJsonDocument::Compact));
    QPointer<QObject> guard(context ? context : this);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, command, done] {
        reply->deleteLater();
        if (!guard)
            return;
        RcResult r;
        r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        const QJsonObject json = QJsonDocument::fromJson(body).object();
        if (r.httpStatus == 200 && reply->error() == QNetworkReply::NoError) {
            r.ok = true;
            r.json = json;
        } else {
            r.rcloneError = json.value(QLatin1String("error")).toString();
            if (r.rcloneError.isEmpty() && r.httpStatus == 0)
                r.rcloneError = reply->errorString();
            r.error = friendlyRcError(command, r.httpStatus, r.rcloneError);
        }
        done(r);
    });
}

RcResult RcloneClient::callAndWait(const QString& command, const QJsonObject& params,
                                   int timeoutMs) {
    RcResult out;
    out.error = friendlyRcError(command, 0, QString());
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    call(command, params, &loop, [&](const RcResult& r) {
        out = r;
        loop.quit();
    });
    loop.exec();
    return out;
}

} // namespace quire::drive
