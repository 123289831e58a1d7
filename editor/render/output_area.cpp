#include "editor/render/output_area.h"

#include "editor/render/ansi_text.h"
#include "editor/render/markdown_view.h"
#include "editor/render/mime_select.h"
#include "editor/render/output_renderers.h"
#include "editor/render/render_colors.h"
#include "editor/render/text_output_view.h"

#include <QFontDatabase>
#include <QPainter>
#include <QVBoxLayout>

namespace quire::editor {

namespace {

QString textField(const Json& output, const char* key) {
    const auto it = output.find(key);
    return it == output.end() ? QString() : mimeText(*it);
}

// A content hash of a JSON value; strings are hashed as bytes, without copying.
size_t jsonHash(const Json& j, size_t seed) {
    switch (j.type()) {
    case Json::value_t::string: {
        const auto& s = j.get_ref<const std::string&>();
        return qHash(QByteArrayView(s.data(), qsizetype(s.size())), seed);
    }
    case Json::value_t::array:
        for (const Json& item : j)
            seed = jsonHash(item, seed * 31 + 1);
        return seed;
    case Json::value_t::object:
        for (auto it = j.begin(); it != j.end(); ++it)
            seed = jsonHash(it.value(), qHash(QByteArrayView(it.key().data(), qsizetype(it.key().size())), seed));
        return seed;
    default:
        return qHashMulti(seed, int(j.type()), QByteArrayView(j.dump().c_str()));
    }
}

} // namespace

OutputArea::OutputArea(QWidget* parent) : QWidget(parent), m_layout(new QVBoxLayout(this)) {
    m_layout->setSpacing(2);
    setPromptWidth(-1);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void OutputArea::setPromptWidth(int pixels) {
    if (pixels < 0) {
        const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        pixels = QFontMetrics(fixed).horizontalAdvance(QStringLiteral("Out[999]:")) + 8;
    }
    m_promptWidth = pixels;
    m_layout->setContentsMargins(pixels, 0, 0, 0);
    update();
}

void OutputArea::clear() {
    for (const Shown& s : std::as_const(m_views))
        delete s.view;
    m_views.clear();
    updateGeometry();
}

bool OutputArea::reuse(Shown& old, const Json& output, size_t signature) {
    if (!old.view)
        return false;
    if (old.signature == signature)
        return true;
    // A stream that grew: extend its view instead of parsing everything again.
    auto* text = qobject_cast<TextOutputView*>(old.view.data());
    if (!text || output.value("output_type", std::string()) != "stream")
        return false;
    const auto kind = output.value("name", std::string()) == "stderr" ? TextOutputView::Kind::Stderr
                                                                      : TextOutputView::Kind::Plain;
    if (text->kind() != kind)
        return false;
    text->setText(textField(output, "text"), kind);
    return true;
}

void OutputArea::setOutputs(const Json& outputs, std::optional<long long> executionCount) {
    QList<Shown> old = std::move(m_views);
    m_views.clear();
    while (QLayoutItem* item = m_layout->takeAt(0))
        delete item;
    if (outputs.is_array()) {
        for (const Json& output : outputs) {
            if (!output.is_object())
                continue;
            const size_t signature =
                jsonHash(output, size_t(0x51ed) + size_t(OutputRendererRegistry::instance().generation()));
            Shown shown;
            const qsizetype i = m_views.size();
            if (i < old.size() && reuse(old[i], output, signature)) {
                shown.view = old[i].view;
                old[i].view = nullptr;
            } else {
                shown.view = makeView(output);
            }
            if (!shown.view)
                continue;
            shown.signature = signature;
            if (output.value("output_type", std::string()) == "execute_result") {
                const auto count = output.find("execution_count");
                shown.executionCount = count != output.end() && count->is_number_integer()
                                           ? count->get<long long>()
                                           : executionCount.value_or(0);
            }
            m_layout->addWidget(shown.view);
            m_views.append(shown);
        }
    }
    for (const Shown& s : std::as_const(old))
        delete s.view;
    updateGeometry();
    update();
}

QWidget* OutputArea::outputView(int index) const {
    return index >= 0 && index < m_views.size() ? m_views[index].view.data() : nullptr;
}

QWidget* OutputArea::makeView(const Json& output) {
    const std::string type = output.value("output_type", std::string());
    if (type == "stream") {
        const bool err = output.value("name", std::string()) == "stderr";
        return makeTextView(textField(output, "text"),
                            int(err ? TextOutputView::Kind::Stderr : TextOutputView::Kind::Plain));
    }
    if (type == "error") {
        QString text;
        if (const auto tb = output.find("traceback"); tb != output.end() && tb->is_array()) {
            QStringList lines;
            for (const Json& line : *tb)
                lines.append(mimeText(line));
            text = lines.join(u'\n');
        }
        const QString ename = textField(output, "ename");
        const QString evalue = textField(output, "evalue");
        // IPython's traceback already ends with "ename: evalue"; other kernels may not.
        if (!ename.isEmpty() && !ansiToPlainText(text).contains(ename))
            text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + ename + QStringLiteral(": ") + evalue;
        return makeTextView(text, int(TextOutputView::Kind::Error));
    }
    if (type == "execute_result" || type == "display_data")
        return makeDataView(output);
    return makeTextView(tr("[output of type \"%1\" is not shown]").arg(QString::fromStdString(type)),
                        int(TextOutputView::Kind::Plain));
}

QWidget* OutputArea::makeDataView(const Json& output) {
    const auto data = output.find("data");
    if (data == output.end() || !data->is_object() || data->empty())
        return nullptr;
    const OutputRendererRegistry& renderers = OutputRendererRegistry::instance();
    const QString mime = selectMimeType(*data, renderers.mimeTypes());
    if (!mime.isEmpty()) {
        if (QWidget* view = renderers.create(output, mime, this))
            return view;
    }
    // Nothing drawn natively (e.g. only text/html or text/latex): show the richest source.
    for (const QString& type : mimePreferenceOrder()) {
        const auto it = data->find(type.toStdString());
        if (it != data->end() && !isJsonMimeType(type))
            return makeTextView(mimeText(*it), int(TextOutputView::Kind::Plain));
    }
    return makeTextView(tr("[%1 output is not shown]").arg(QString::fromStdString(data->begin().key())),
                        int(TextOutputView::Kind::Plain));
}

QWidget* OutputArea::makeTextView(const QString& text, int kind) {
    auto* view = new TextOutputView(this);
    view->setText(text, TextOutputView::Kind(kind));
    return view;
}

QString OutputArea::plainText() const {
    QStringList parts;
    for (const Shown& s : m_views) {
        if (auto* text = qobject_cast<TextOutputView*>(s.view.data()))
            parts.append(text->plainText());
        else if (auto* md = qobject_cast<MarkdownView*>(s.view.data()))
            parts.append(md->markdown());
    }
    return parts.join(u'\n');
}

int OutputArea::heightForWidth(int width) const {
    if (m_views.isEmpty())
        return 0;
    return m_layout->totalHeightForWidth(width);
}

QSize OutputArea::sizeHint() const {
    const int w = width() > 0 && isVisible() ? width() : 600;
    return QSize(w, heightForWidth(w));
}

void OutputArea::paintEvent(QPaintEvent* event) {
    QPainter painter(this);
    painter.setClipRect(event->rect());
    painter.setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    painter.setPen(outputPromptColor(palette()));
    for (const Shown& s : m_views) {
        if (s.executionCount < 0 || !s.view || !s.view->geometry().intersects(event->rect().adjusted(-m_promptWidth, 0, 0, 0)))
            continue;
        const QRect r(0, s.view->y(), m_promptWidth - 6, painter.fontMetrics().height() + 4);
        const QString prompt = s.executionCount > 0 ? tr("Out[%1]:").arg(s.executionCount) : tr("Out[ ]:");
        painter.drawText(r, Qt::AlignRight | Qt::AlignVCenter, prompt);
    }
}

} // namespace quire::editor
