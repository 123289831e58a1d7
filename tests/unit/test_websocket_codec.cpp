// The kernel WebSocket framings (v1 binary subprotocol and legacy JSON / binary), TlsTrust's
// persistence and ServerError's classification: pure code, no server.
#include "kernelclient/server_error.h"
#include "kernelclient/tls_trust.h"
#include "kernelclient/websocket_codec.h"

#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace quire::kernel;
namespace wc = quire::kernel::websocket_codec;

class TestWebSocketCodec : public QObject {
    Q_OBJECT

    static Message sample(bool withBuffers) {
        Message m = makeMessage("comm_msg", {{"data", {{"x", "ü"}}}}, "sess");
        m.parentHeader = {{"msg_id", "p1"}};
        m.metadata = {{"k", 1}};
        if (withBuffers)
            m.buffers = {QByteArray("\x00\x01\x02", 3), QByteArray(1000, 'b')};
        return m;
    }

private slots:
    void v1RoundTrip() {
        const Message m = sample(true);
        const QByteArray frame = wc::encodeV1(Channel::Shell, m);
        // Layout: u64 count (channel, 4 parts, 2 buffers, end = 8), then the offsets.
        QCOMPARE(qFromLittleEndian<quint64>(frame.constData()), quint64(8));
        QCOMPARE(qFromLittleEndian<quint64>(frame.constData() + 8), quint64(8 * 9));
        QCOMPARE(frame.mid(72, 5), QByteArray("shell"));
        auto d = wc::decodeV1(frame);
        QVERIFY(d);
        QCOMPARE(d->channel, Channel::Shell);
        QCOMPARE(d->message.header, m.header);
        QCOMPARE(d->message.parentHeader, m.parentHeader);
        QCOMPARE(d->message.metadata, m.metadata);
        QCOMPARE(d->message.content, m.content);
        QCOMPARE(d->message.buffers.size(), size_t(2));
        QCOMPARE(d->message.buffers[0], m.buffers[0]);
        QCOMPARE(d->message.buffers[1], m.buffers[1]);
    }

    void v1RejectsBadFrames() {
        const QByteArray good = wc::encodeV1(Channel::IOPub, sample(false));
        QVERIFY(wc::decodeV1(good));
        QVERIFY(!wc::decodeV1(good.left(20)));
        QVERIFY(!wc::decodeV1(QByteArray(8, '\xff')));
        QByteArray badOffset = good;
        qToLittleEndian<quint64>(quint64(1) << 40, badOffset.data() + 16);
        QVERIFY(!wc::decodeV1(badOffset));
        QByteArray badChannel = good;
        badChannel[qsizetype(qFromLittleEndian<quint64>(good.constData() + 8))] = 'X';
        QVERIFY(!wc::decodeV1(badChannel));
    }

    void legacyTextAndBinary() {
        bool binary = true;
        const QByteArray text = wc::encodeLegacy(Channel::Stdin, sample(false), &binary);
        QVERIFY(!binary);
        auto d = wc::decodeLegacyText(text);
        QVERIFY(d);
        QCOMPARE(d->channel, Channel::Stdin);
        QCOMPARE(d->message.content["data"]["x"].get<std::string>(), std::string("ü"));

        const Message withBuffers = sample(true);
        const QByteArray frame = wc::encodeLegacy(Channel::Shell, withBuffers, &binary);
        QVERIFY(binary);
        QCOMPARE(qFromBigEndian<quint32>(frame.constData()), quint32(3));
        auto b = wc::decodeLegacyBinary(frame);
        QVERIFY(b);
        QCOMPARE(b->message.buffers.size(), size_t(2));
        QCOMPARE(b->message.buffers[1], withBuffers.buffers[1]);
        QVERIFY(!wc::decodeLegacyText("{\"channel\": \"nope\"}"));
        QVERIFY(!wc::decodeLegacyText("not json"));
        QVERIFY(!wc::decodeLegacyBinary(frame.left(6)));
    }

    void serverErrorClassification() {
        QCOMPARE(ServerError::fromHttp(401, {}, "x").kind, ServerError::Kind::Unauthorized);
        QCOMPARE(ServerError::fromHttp(403, {}, "x").kind, ServerError::Kind::Forbidden);
        QVERIFY(ServerError::fromHttp(403, {}, "x").message.contains("token was refused"));
        QCOMPARE(ServerError::fromHttp(424, {}, "x").kind, ServerError::Kind::NotRunning);
        QCOMPARE(ServerError::fromHttp(503, {}, "x").kind, ServerError::Kind::NotRunning);
        QVERIFY(ServerError::fromHttp(424, {}, "x").message.contains("not running"));
        QCOMPARE(ServerError::fromHttp(501, {}, "x").kind, ServerError::Kind::NotImplemented);
        const auto e = ServerError::fromHttp(404, R"({"message": "No such kernel"})", "The kernel");
        QCOMPARE(e.kind, ServerError::Kind::NotFound);
        QCOMPARE(e.detail, QStringLiteral("No such kernel"));
        QVERIFY(e.fullMessage().contains("No such kernel"));
        QCOMPARE(ServerError::fromHttp(500, "<html>", "x").kind, ServerError::Kind::Server);
    }

    void tlsTrustPersists() {
        TlsTrust trust;
        const QString fp = QStringList(32, QStringLiteral("AB")).join(':');
        trust.trust(QStringLiteral("h:443"), fp);
        QCOMPARE(trust.toStringList(), QStringList{"h:443 " + fp});
        QTemporaryDir dir;
        QVERIFY(trust.saveFile(dir.filePath("t.json")));
        TlsTrust loaded;
        QVERIFY(loaded.loadFile(dir.filePath("t.json")));
        QCOMPARE(loaded.fingerprints("h:443"), QStringList{fp});
        loaded.fromStringList({"garbage", "h:1 short"});
        QVERIFY(loaded.toStringList().isEmpty());
        // No hook: the answer is no, later.
        bool answered = false, yes = true;
        loaded.ask("h:443", QSslCertificate(), {}, [&](bool a) {
            answered = true;
            yes = a;
        });
        QVERIFY(!answered);
        QVERIFY(QTest::qWaitFor([&] { return answered; }, 1000));
        QVERIFY(!yes);
    }
};

QTEST_GUILESS_MAIN(TestWebSocketCodec)
#include "test_websocket_codec.moc"
