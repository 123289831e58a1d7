#include "editor/render/latex_output_view.h"

#include "editor/render/markdown_scan.h"
#include "editor/render/math_object.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QMenu>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <cmath>

namespace quire::editor {

namespace {

// The extracted text between formulas, with TeX's escaped dollar shown as a dollar.
QString textPiece(QStringView extracted) {
    QString text = extracted.toString();
    text.replace(QStringLiteral("\\$"), QStringLiteral("$"));
    return text;
}

} // namespace

LatexOutputView::LatexOutputView(QWidget* parent) : QWidget(parent) {
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    m_doc = std::make_unique<QTextDocument>();
}

LatexOutputView::~LatexOutputView() = default;

bool LatexOutputView::containsMath(const QString& latex) {
    return !extractMath(latex).spans.isEmpty();
}

void LatexOutputView::setLatex(const QString& latex) {
    m_source = latex;
    render();
}

void LatexOutputView::render() {
    m_doc = std::make_unique<QTextDocument>();
    m_doc->setDefaultFont(font());
    m_doc->setDocumentMargin(2);
    MathTextObject* math = MathTextObject::forDocument(m_doc.get(), /*registerNow=*/false);
    const MathExtraction found = extractMath(m_source.trimmed());
    const QString& text = found.markdown;
    QTextCursor cursor(m_doc.get());
    QTextBlockFormat left;
    QTextBlockFormat centred;
    centred.setAlignment(Qt::AlignHCenter);
    centred.setTopMargin(4);
    centred.setBottomMargin(4);
    bool afterDisplay = false;
    qsizetype from = 0;
    const auto flushText = [&](qsizetype to) {
        QString piece = textPiece(QStringView(text).mid(from, to - from));
        if (afterDisplay && piece.startsWith(u'\n'))
            piece.remove(0, 1);
        if (!piece.isEmpty()) {
            cursor.insertText(piece);
            afterDisplay = false;
        }
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c != kInlineMathMark && c != kDisplayMathMark)
            continue;
        qsizetype j = i + 1;
        int index = 0;
        while (j < text.size() && text[j].unicode() >= kMathDigitBase &&
               text[j].unicode() < kMathDigitBase + 10)
            index = index * 10 + (text[j++].unicode() - kMathDigitBase);
        if (j >= text.size() || text[j].unicode() != kMathEndMark || index >= found.spans.size())
            continue;
        flushText(i);
        const MathSpan& span = found.spans[index];
        if (span.display) {
            if (!cursor.block().text().isEmpty())
                cursor.insertBlock(left);
            cursor.setBlockFormat(centred);
            math->insertFormula(cursor, span.tex, true);
            cursor.insertBlock(left);
            afterDisplay = true;
        } else {
            const bool displayStyle =
                span.tex.trimmed().startsWith(QStringLiteral("\\displaystyle"));
            math->insertFormula(cursor, span.tex, displayStyle);
            afterDisplay = false;
        }
        from = j + 1;
        i = j;
    }
    flushText(text.size());
    // No empty paragraph after a final display formula.
    if (cursor.block().text().isEmpty() && cursor.block().previous().isValid())
        cursor.deletePreviousChar();
    math->registerHandler();
    m_layoutWidth = -1;
    updateGeometry();
    update();
}

int LatexOutputView::formulaCount() const {
    int n = 0;
    for (QTextBlock b = m_doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.objectType() == MathTextObject::kObjectType)
                n += it.fragment().length();
        }
    }
    return n;
}

void LatexOutputView::layoutFor(int width) const {
    if (width == m_layoutWidth)
        return;
    m_layoutWidth = width;
    m_doc->setTextWidth(std::max(1, width));
}

int LatexOutputView::heightForWidth(int width) const {
    layoutFor(width);
    return int(std::ceil(m_doc->size().height()));
}

QSize LatexOutputView::sizeHint() const {
    const int w = width() > 0 && isVisible() ? width() : 600;
    return QSize(w, heightForWidth(w));
}

QSize LatexOutputView::minimumSizeHint() const {
    return QSize(50, 0);
}

void LatexOutputView::paintEvent(QPaintEvent* event) {
    layoutFor(width());
    QPainter painter(this);
    painter.setClipRect(event->rect());
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = palette();
    ctx.clip = event->rect();
    m_doc->documentLayout()->draw(&painter, ctx);
}

void LatexOutputView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        render();
    else if (event->type() == QEvent::PaletteChange)
        update();
}

void LatexOutputView::addContextActions(QMenu& menu, const QPoint&) {
    menu.addAction(tr("Copy LaTeX Source"), this,
                   [this] { QApplication::clipboard()->setText(m_source); });
}

void LatexOutputView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    addContextActions(menu, event->pos());
    menu.exec(event->globalPos());
}

} // namespace quire::editor
