#include "editor/render/markdown_renderer.h"

#include "editor/render/code_highlighter.h"
#include "editor/render/image_cache.h"
#include "editor/render/markdown_scan.h"
#include "editor/render/math_object.h"
#include "editor/render/mime_select.h"
#include "editor/render/render_colors.h"

#include <QDir>
#include <QGuiApplication>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextList>
#include <QTextTable>
#include <QUrl>

#include <algorithm>

namespace quire::editor {

namespace {

bool isCodeBlock(const QTextBlock& block) {
    const QTextBlockFormat f = block.blockFormat();
    return f.hasProperty(QTextFormat::BlockCodeFence) || f.hasProperty(QTextFormat::BlockCodeLanguage);
}

// One change that moves text: applied last to first so earlier positions stay valid.
struct TextEdit {
    int position = 0;
    int length = 0;
    int mathIndex = -1; // >= 0: a formula; otherwise an image replaced by `replacement`
    QString replacement;
    QString href;
};

class PostProcessor {
public:
    PostProcessor(QTextDocument* doc, const MarkdownContext& ctx, const QList<MathSpan>& spans)
        : m_doc(doc), m_ctx(ctx), m_spans(spans), m_dark(isDarkPalette(ctx.palette)) {}

    void run() {
        styleTables(m_doc->rootFrame());
        QTextCursor cursor(m_doc);
        for (QTextBlock block = m_doc->begin(); block.isValid(); block = block.next())
            scanBlock(block, cursor);
        applyFormatEdits(cursor);
        std::sort(m_edits.begin(), m_edits.end(),
                  [](const TextEdit& a, const TextEdit& b) { return a.position > b.position; });
        for (const TextEdit& edit : m_edits)
            apply(edit, cursor);
        highlightCodeBlocks();
        if (m_math)
            m_math->registerHandler(); // last: the layout would redo its work on each edit
    }

private:
    void styleTables(QTextFrame* frame) {
        const QColor border = mixColors(m_ctx.palette.color(QPalette::Base),
                                        m_ctx.palette.color(QPalette::Text), 0.3);
        for (QTextFrame* child : frame->childFrames()) {
            if (auto* table = qobject_cast<QTextTable*>(child)) {
                QTextTableFormat f = table->format();
                f.setBorder(1);
                f.setBorderBrush(border);
                f.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
                f.setBorderCollapse(true);
                f.setCellPadding(4);
                f.setCellSpacing(0);
                table->setFormat(f);
                dropLeadingEmptyBlocks(table);
                for (int c = 0; c < table->columns(); ++c) {
                    QTextTableCell cell = table->cellAt(0, c);
                    QTextCharFormat cf = cell.format();
                    cf.setBackground(codeBackground(m_ctx.palette));
                    cell.setFormat(cf);
                }
            }
            styleTables(child);
        }
    }

    // Qt 6.4's importer starts a table that follows a code block with an empty paragraph.
    void dropLeadingEmptyBlocks(QTextTable* table) {
        for (int r = 0; r < table->rows(); ++r) {
            for (int c = 0; c < table->columns(); ++c) {
                const QTextTableCell cell = table->cellAt(r, c);
                const QTextBlock first = cell.firstCursorPosition().block();
                if (first.length() == 1 && first != cell.lastCursorPosition().block()) {
                    QTextCursor cursor(first);
                    cursor.deleteChar();
                }
            }
        }
    }

    void scanBlock(const QTextBlock& block, QTextCursor& cursor) {
        if (isCodeBlock(block)) {
            QTextBlockFormat bf;
            bf.setBackground(codeBackground(m_ctx.palette));
            if (!isCodeBlock(block.previous()))
                bf.setTopMargin(6);
            if (!isCodeBlock(block.next()))
                bf.setBottomMargin(6);
            mergeBlock(cursor, block, bf);
            return;
        }
        const QString text = block.text();
        findPlaceholders(block.position(), text);
        if (const int level = block.blockFormat().headingLevel(); level > 0) {
            QTextBlockFormat bf;
            bf.setProperty(kHeadingAnchorProperty, withMathSource(text).trimmed().replace(u' ', u'-'));
            mergeBlock(cursor, block, bf);
        }
        if (block.blockFormat().hasProperty(QTextFormat::BlockQuoteLevel)) {
            QTextCharFormat quote;
            quote.setForeground(mixColors(m_ctx.palette.color(QPalette::Text),
                                          m_ctx.palette.color(QPalette::Base), 0.3));
            m_formatEdits.append({block.position(), block.length() - 1, quote});
        }
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat cf = fragment.charFormat();
            if (cf.isImageFormat()) {
                resolveImage(fragment.position(), cf.toImageFormat());
            } else if (cf.isAnchor() && !cf.anchorHref().isEmpty()) {
                QTextCharFormat link;
                link.setForeground(linkColor(m_ctx.palette));
                m_formatEdits.append({fragment.position(), fragment.length(), link});
            } else if (cf.fontFixedPitch()) {
                QTextCharFormat inlineCode;
                inlineCode.setBackground(codeBackground(m_ctx.palette));
                m_formatEdits.append({fragment.position(), fragment.length(), inlineCode});
            }
        }
    }

    void mergeBlock(QTextCursor& cursor, const QTextBlock& block, const QTextBlockFormat& f) {
        cursor.setPosition(block.position());
        cursor.mergeBlockFormat(f);
    }

    void applyFormatEdits(QTextCursor& cursor) {
        for (const auto& [pos, len, format] : m_formatEdits) {
            cursor.setPosition(pos);
            cursor.setPosition(pos + len, QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(format);
        }
        m_formatEdits.clear();
    }

    void findPlaceholders(int blockPos, const QString& text) {
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char16_t c = text[i].unicode();
            if (c != kInlineMathMark && c != kDisplayMathMark)
                continue;
            int index = 0;
            qsizetype j = i + 1;
            while (j < text.size() && text[j].unicode() >= kMathDigitBase &&
                   text[j].unicode() < kMathDigitBase + 10)
                index = index * 10 + (text[j++].unicode() - kMathDigitBase);
            if (j < text.size() && text[j].unicode() == kMathEndMark && index < m_spans.size()) {
                m_edits.append(TextEdit{blockPos + int(i), int(j - i + 1), index, {}, {}});
                i = j;
            }
        }
    }

    QString withMathSource(const QString& text) const {
        QString out;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char16_t c = text[i].unicode();
            if (c == kInlineMathMark || c == kDisplayMathMark) {
                int index = 0;
                while (i + 1 < text.size() && text[i + 1].unicode() >= kMathDigitBase &&
                       text[i + 1].unicode() < kMathDigitBase + 10)
                    index = index * 10 + (text[++i].unicode() - kMathDigitBase);
                if (index < m_spans.size())
                    out += m_spans[index].tex;
            } else if (c != kMathEndMark) {
                out += text[i];
            }
        }
        return out;
    }

    QImage attachmentImage(const QString& name) const {
        if (!m_ctx.attachments.is_object())
            return {};
        const auto it = m_ctx.attachments.find(name.toStdString());
        if (it == m_ctx.attachments.end() || !it->is_object())
            return {};
        for (const char* mime : {"image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp"}) {
            if (const auto m = it->find(mime); m != it->end())
                return image_cache::fromBase64(mimeBytes(*m));
        }
        if (const auto m = it->find("image/svg+xml"); m != it->end()) {
            const QByteArray svg = mimeBytes(*m);
            const qreal dpr = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
            return image_cache::renderSvg(svg, image_cache::svgSize(svg), dpr);
        }
        return {};
    }

    void resolveImage(int position, const QTextImageFormat& format) {
        const QString name = format.name();
        const QUrl url(name);
        const QString scheme = url.scheme().toLower();
        QImage image;
        if (scheme == u"attachment") {
            image = attachmentImage(QUrl::fromPercentEncoding(name.mid(11).toUtf8()));
        } else if (scheme == u"data") {
            const qsizetype comma = name.indexOf(u',');
            if (comma > 0 && name.left(comma).endsWith(u";base64"))
                image = image_cache::fromBase64(name.mid(comma + 1).toLatin1());
        } else if (scheme.isEmpty() || scheme == u"file") {
            const QString path = url.isLocalFile() ? url.toLocalFile() : QUrl::fromPercentEncoding(name.toUtf8());
            if (QDir::isAbsolutePath(path))
                image = image_cache::fromFile(path);
            else if (!m_ctx.baseDirectory.isEmpty())
                image = image_cache::fromFile(QDir(m_ctx.baseDirectory).filePath(path));
        }
        if (image.isNull()) {
            // Remote or missing: show the alt text as a link instead of a broken image.
            QString alt = format.stringProperty(QTextFormat::ImageAltText);
            if (alt.isEmpty())
                alt = name;
            const bool remote = scheme == u"http" || scheme == u"https";
            m_edits.append(TextEdit{position, 1, -1, QStringLiteral("[%1]").arg(alt), remote ? name : QString()});
            return;
        }
        m_doc->addResource(QTextDocument::ImageResource, QUrl(name), image);
        QSizeF size = image.deviceIndependentSize();
        if (format.width() > 0 || format.height() > 0)
            return;
        if (m_ctx.maxImageWidth > 0 && size.width() > m_ctx.maxImageWidth)
            size = size * (m_ctx.maxImageWidth / size.width());
        QTextImageFormat sized;
        sized.setWidth(size.width());
        sized.setHeight(size.height());
        sized.setProperty(kImageNaturalSizeProperty, image.deviceIndependentSize());
        m_formatEdits.append({position, 1, sized});
    }

    void apply(const TextEdit& edit, QTextCursor& cursor) {
        cursor.setPosition(edit.position);
        cursor.setPosition(edit.position + edit.length, QTextCursor::KeepAnchor);
        if (edit.mathIndex < 0) {
            QTextCharFormat f;
            f.setFontItalic(true);
            if (!edit.href.isEmpty()) {
                f.setAnchor(true);
                f.setAnchorHref(edit.href);
                f.setForeground(linkColor(m_ctx.palette));
                f.setFontUnderline(true);
            }
            cursor.insertText(edit.replacement, f);
            return;
        }
        const MathSpan& span = m_spans[edit.mathIndex];
        if (!m_math)
            m_math = MathTextObject::forDocument(m_doc, /*registerNow=*/false);
        m_math->insertFormula(cursor, span.tex, span.display);
        if (span.display)
            isolateDisplayFormula(cursor, edit.position);
    }

    // Display math gets a centred paragraph of its own, even when written inside one.
    void isolateDisplayFormula(QTextCursor& cursor, int position) {
        QTextBlock block = m_doc->findBlock(position);
        if (!block.text().left(position - block.position()).trimmed().isEmpty()) {
            while (m_doc->characterAt(position - 1) == u' ') { // the space of the line break
                cursor.setPosition(position - 1);
                cursor.deleteChar();
                --position;
            }
            cursor.setPosition(position);
            cursor.insertBlock();
            ++position;
            block = m_doc->findBlock(position);
        }
        if (!block.text().mid(position - block.position() + 1).trimmed().isEmpty()) {
            cursor.setPosition(position + 1);
            cursor.insertBlock();
            while (m_doc->characterAt(cursor.position()) == u' ')
                cursor.deleteChar();
        }
        block = m_doc->findBlock(position);
        if (QTextList* list = block.textList()) {
            const int indent = list->format().indent();
            list->remove(block);
            QTextBlockFormat indented;
            indented.setIndent(indent);
            mergeBlock(cursor, block, indented);
        }
        QTextBlockFormat centred;
        centred.setAlignment(Qt::AlignHCenter);
        centred.setTopMargin(4);
        centred.setBottomMargin(4);
        mergeBlock(cursor, block, centred);
    }

    void highlightCodeBlocks() {
        QTextBlock block = m_doc->begin();
        while (block.isValid()) {
            if (!isCodeBlock(block)) {
                block = block.next();
                continue;
            }
            const QString language = block.blockFormat().stringProperty(QTextFormat::BlockCodeLanguage);
            QList<QTextBlock> group;
            QString code;
            for (; block.isValid() && isCodeBlock(block) &&
                   block.blockFormat().stringProperty(QTextFormat::BlockCodeLanguage) == language;
                 block = block.next()) {
                group.append(block);
                code += block.text() + u'\n';
            }
            if (!isHighlightedLanguage(language))
                continue;
            const QList<CodeSpan> spans = highlightCode(code, language);
            qsizetype offset = 0;
            auto span = spans.begin();
            for (const QTextBlock& b : group) {
                const qsizetype end = offset + b.length(); // includes the '\n'
                QList<QTextLayout::FormatRange> ranges;
                while (span != spans.end() && span->start < end) {
                    const qsizetype s = std::max(span->start, offset);
                    const qsizetype e = std::min(span->start + span->length, end - 1);
                    if (e > s)
                        ranges.append({int(s - offset), int(e - s), codeTokenFormat(span->token, m_dark)});
                    if (span->start + span->length > end)
                        break; // continues on the next line
                    ++span;
                }
                b.layout()->setFormats(ranges);
                offset = end;
            }
        }
    }

    QTextDocument* m_doc;
    const MarkdownContext& m_ctx;
    const QList<MathSpan>& m_spans;
    bool m_dark;
    MathTextObject* m_math = nullptr;
    QList<TextEdit> m_edits;
    struct FormatEdit {
        int position;
        int length;
        QTextCharFormat format;
    };
    QList<FormatEdit> m_formatEdits;
};

} // namespace

void renderMarkdown(QTextDocument* doc, const QString& source, const MarkdownContext& context) {
    doc->setUndoRedoEnabled(false);
    doc->setDefaultFont(context.font);
    const MathExtraction math = extractMath(source);
    doc->setMarkdown(math.markdown, QTextDocument::MarkdownDialectGitHub);
    PostProcessor(doc, context, math.spans).run();
}

std::unique_ptr<QTextDocument> renderMarkdown(const QString& source, const MarkdownContext& context) {
    auto doc = std::make_unique<QTextDocument>();
    renderMarkdown(doc.get(), source, context);
    return doc;
}

bool fitMarkdownImages(QTextDocument* doc, qreal maxWidth) {
    struct Change {
        int position;
        QSizeF size;
    };
    QList<Change> changes;
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat cf = it.fragment().charFormat();
            if (!cf.isImageFormat() || !cf.hasProperty(kImageNaturalSizeProperty))
                continue;
            const QTextImageFormat image = cf.toImageFormat();
            QSizeF size = image.property(kImageNaturalSizeProperty).toSizeF();
            if (maxWidth > 0 && size.width() > maxWidth)
                size *= maxWidth / size.width();
            if (!qFuzzyCompare(size.width(), image.width()) || !qFuzzyCompare(size.height(), image.height()))
                changes.append({it.fragment().position(), size});
        }
    }
    QTextCursor cursor(doc);
    for (const Change& c : changes) {
        cursor.setPosition(c.position);
        cursor.setPosition(c.position + 1, QTextCursor::KeepAnchor);
        QTextImageFormat f;
        f.setWidth(c.size.width());
        f.setHeight(c.size.height());
        cursor.mergeCharFormat(f);
    }
    return !changes.isEmpty();
}

QString markdownDocumentText(const QTextDocument* doc, int from, int to) {
    if (to < 0)
        to = doc->characterCount() - 1;
    QString out;
    for (QTextBlock block = doc->findBlock(from); block.isValid() && block.position() < to;
         block = block.next()) {
        if (block.position() > from)
            out += u'\n';
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            const int s = std::max(from, f.position());
            const int e = std::min(to, f.position() + f.length());
            if (e <= s)
                continue;
            const QTextCharFormat cf = f.charFormat();
            if (cf.objectType() == MathTextObject::kObjectType)
                out += MathTextObject::sourceText(cf).repeated(e - s);
            else if (cf.isImageFormat())
                out += cf.stringProperty(QTextFormat::ImageAltText);
            else
                out += f.text().mid(s - f.position(), e - s);
        }
    }
    return out;
}

} // namespace quire::editor
