// WireCodec: signing, verification before parsing, and what bad input does.
#include "kernelclient/wire_codec.h"

#include <QMessageAuthenticationCode>
#include <QTest>

using namespace quire::kernel;

namespace {

std::vector<std::string_view> views(const std::vector<std::string>& frames) {
    return {frames.begin(), frames.end()};
}

Message sample() {
    Message m =
        makeMessage("execute_request", {{"code", "print('hé')"}, {"silent", false}}, "session-1");
    m.metadata = {{"cellId", "abc"}};
    m.buffers = {QByteArray("\x00\x01\x02", 3)};
    return m;
}

// Frames with a correct signature over arbitrary JSON parts.
std::vector<std::string> signedFrames(const QByteArray& key, std::vector<std::string> parts) {
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
    for (const auto& p : parts)
        mac.addData(p.data(), qsizetype(p.size()));
    std::vector<std::string> frames{"<IDS|MSG>", mac.result().toHex().toStdString()};
    frames.insert(frames.end(), parts.begin(), parts.end());
    return frames;
}

} // namespace

class TestKernelWireCodec : public QObject {
    Q_OBJECT
    const QByteArray key = QByteArrayLiteral("0123456789abcdef0123456789abcdef");

private slots:
    void roundTrip() {
        WireCodec codec(key);
        const Message original = sample();
        const auto frames = codec.encode(original);
        QCOMPARE(frames.size(), size_t(7)); // delimiter, signature, 4 JSON, 1 buffer
        QCOMPARE(frames[0], std::string("<IDS|MSG>"));
        QCOMPARE(frames[1].size(), size_t(64));
        auto result = codec.decode(views(frames));
        QVERIFY(result.message);
        QCOMPARE(int(result.error), int(DecodeError::None));
        QVERIFY(result.message->header == original.header);
        QVERIFY(result.message->content == original.content);
        QVERIFY(result.message->metadata == original.metadata);
        QCOMPARE(result.message->buffers.size(), size_t(1));
        QCOMPARE(result.message->buffers[0], original.buffers[0]);
        QCOMPARE(codec.stats().decoded, quint64(1));
        QCOMPARE(codec.stats().dropped(), quint64(0));
    }

    void signatureIsHmacOverTheJsonFrames() {
        WireCodec codec(key);
        const auto frames = codec.encode(sample());
        QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
        for (int i = 2; i < 6; ++i)
            mac.addData(frames[size_t(i)].data(), qsizetype(frames[size_t(i)].size()));
        QCOMPARE(QByteArray::fromStdString(frames[1]), mac.result().toHex());
    }

    void routingPrefixAndTopicAreKept() {
        WireCodec codec(key);
        Message m = sample();
        m.identities = {"kernel.1234.stream", "other"};
        const auto frames = codec.encode(m);
        auto result = codec.decode(views(frames));
        QVERIFY(result.message);
        QCOMPARE(result.message->identities.size(), size_t(2));
        QCOMPARE(result.message->identities[0], std::string("kernel.1234.stream"));
    }

    void forgedSignatureIsDropped() {
        WireCodec codec(key);
        auto frames = codec.encode(sample());
        frames[1][10] = frames[1][10] == 'a' ? 'b' : 'a';
        auto result = codec.decode(views(frames));
        QVERIFY(!result.message);
        QCOMPARE(int(result.error), int(DecodeError::BadSignature));
        QCOMPARE(codec.stats().badSignature, quint64(1));
    }

    void signedWithAnotherKeyIsDropped() {
        WireCodec sender(QByteArrayLiteral("another key"));
        WireCodec receiver(key);
        auto result = receiver.decode(views(sender.encode(sample())));
        QCOMPARE(int(result.error), int(DecodeError::BadSignature));
    }

    void tamperedContentIsDropped() {
        WireCodec codec(key);
        auto frames = codec.encode(sample());
        frames[5] = R"json({"code":"import os; os.system('rm -rf ~')"})json";
        QCOMPARE(int(codec.decode(views(frames)).error), int(DecodeError::BadSignature));
    }

    void wrongLengthSignatureIsDropped() {
        WireCodec codec(key);
        for (const auto cut : {0, 1, 63}) {
            auto frames = codec.encode(sample());
            frames[1].resize(size_t(cut));
            QCOMPARE(int(codec.decode(views(frames)).error), int(DecodeError::BadSignature));
        }
        auto frames = codec.encode(sample());
        frames[1] += "00"; // a correct prefix with extra characters
        QCOMPARE(int(codec.decode(views(frames)).error), int(DecodeError::BadSignature));
        auto upper = codec.encode(sample());
        for (auto& c : upper[1])
            c = char(std::toupper(static_cast<unsigned char>(c)));
        if (upper[1] != codec.encode(sample())[1]) // lowercase hex only, as jupyter_client
            QCOMPARE(int(codec.decode(views(upper)).error), int(DecodeError::BadSignature));
        QCOMPARE(codec.stats().decoded, quint64(0));
    }

    void truncatedFramesAreDropped() {
        WireCodec codec(key);
        const auto full = codec.encode(sample());
        for (size_t keep = 0; keep < 6; ++keep) {
            std::vector<std::string> frames(full.begin(), full.begin() + long(keep));
            auto result = codec.decode(views(frames));
            QVERIFY(!result.message);
            QCOMPARE(int(result.error), int(DecodeError::Malformed));
        }
        QCOMPARE(codec.stats().malformed, quint64(6));
    }

    void missingDelimiterIsDropped() {
        WireCodec codec(key);
        auto frames = codec.encode(sample());
        frames[0] = "<IDS|MSG";
        QCOMPARE(int(codec.decode(views(frames)).error), int(DecodeError::Malformed));
        frames.erase(frames.begin());
        QCOMPARE(int(codec.decode(views(frames)).error), int(DecodeError::Malformed));
    }

    void hugeMessageIsDroppedBeforeHashing() {
        CodecLimits limits;
        limits.maxMessageBytes = 1 << 20;
        WireCodec codec(key, limits);
        Message m = sample();
        m.buffers = {QByteArray(2 << 20, 'x')};
        auto result = codec.decode(views(codec.encode(m)));
        QCOMPARE(int(result.error), int(DecodeError::Oversized));
        QCOMPARE(codec.stats().oversized, quint64(1));

        std::vector<std::string> many(limits.maxFrames + 1, "x");
        QCOMPARE(int(codec.decode(views(many)).error), int(DecodeError::Oversized));
    }

    void invalidJsonAfterValidSignatureIsDropped() {
        WireCodec codec(key);
        const std::vector<std::vector<std::string>> cases = {
            {"{not json", "{}", "{}", "{}"},
            {R"({"msg_type":"x"})", "[]", "{}", "{}"},               // parent not an object
            {R"({"msg_type":"x"})", "{}", "{}", "\"text\""},         // content not an object
            {R"({"msg_id":"1"})", "{}", "{}", "{}"},                 // header without msg_type
            {R"({"msg_type":"x"})", "{}", "{}", "{\"a\":\"\xff\"}"}, // invalid UTF-8
            {R"({"msg_type":"x"})", "{}", "{}", std::string(100000, '[')}, // too deep
        };
        for (const auto& parts : cases) {
            auto result = codec.decode(views(signedFrames(key, parts)));
            QVERIFY(!result.message);
            QCOMPARE(int(result.error), int(DecodeError::BadJson));
        }
        QCOMPARE(codec.stats().badJson, quint64(cases.size()));
        QCOMPARE(codec.stats().dropped(), quint64(cases.size()));
        // and a well-formed one with the same key still decodes
        auto ok = codec.decode(views(signedFrames(
            key, {R"({"msg_type":"status"})", "{}", "{}", R"({"execution_state":"idle"})"})));
        QVERIFY(ok.message);
        QCOMPARE(ok.message->msgType(), std::string_view("status"));
    }

    void emptyKeyMeansUnsigned() {
        WireCodec codec{QByteArray()};
        const auto frames = codec.encode(sample());
        QVERIFY(frames[1].empty());
        QVERIFY(codec.decode(views(frames)).message);
        // a signed message is accepted too: there is nothing to check it against
        WireCodec signer(key);
        QVERIFY(codec.decode(views(signer.encode(sample()))).message);
    }

    void signedCodecRejectsUnsignedMessages() {
        WireCodec unsignedCodec{QByteArray()};
        WireCodec codec(key);
        QCOMPARE(int(codec.decode(views(unsignedCodec.encode(sample()))).error),
                 int(DecodeError::BadSignature));
    }

    void dateNormalisation() {
        QCOMPARE(normalizedDate("2024-05-01T12:34:56.123456Z"),
                 std::string("2024-05-01T12:34:56.123456Z"));
        QCOMPARE(normalizedDate("2024-05-01T12:34:56.123Z"),
                 std::string("2024-05-01T12:34:56.123000Z"));
        QCOMPARE(normalizedDate("2024-05-01T12:34:56.1234567+00:00"),
                 std::string("2024-05-01T12:34:56.123456Z"));
        QCOMPARE(normalizedDate("2024-05-01 12:34:56"), std::string("2024-05-01T12:34:56.000000Z"));
        QCOMPARE(normalizedDate("yesterday"), std::string());
        QCOMPARE(normalizedDate(isoDateNow()).size(), size_t(27));
    }
};

QTEST_GUILESS_MAIN(TestKernelWireCodec)
#include "test_kernel_wire_codec.moc"
