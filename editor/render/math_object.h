#pragma once

#include "editor/render/math_layout.h"
#include "editor/render/tex_math.h"

#include <QObject>
#include <QTextObjectInterface>

#include <memory>
#include <optional>
#include <vector>

class QTextCursor;
class QTextDocument;

namespace quire::editor {

// Draws TeX formulas inside a QTextDocument: each formula is one object character whose
// format points at a parsed MathNode; layout happens when the document lays out the line.
class MathTextObject : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int kObjectType = QTextFormat::UserObject + 17;
    enum Property : int {
        SourceProperty = QTextFormat::UserProperty + 170, // the TeX text (QString)
        DisplayProperty,                                  // display math (bool)
        IndexProperty,                                    // index into this handler's formulas
    };

    // The handler of `doc`, created and parented to it on first use. It is registered with
    // the document's layout unless `registerNow` is false: then call registerHandler() after
    // inserting formulas, which avoids re-laying out the document on every insertion.
    static MathTextObject* forDocument(QTextDocument* doc, bool registerNow = true);
    void registerHandler();

    // Replaces the cursor's selection with the formula, styled like the text around it.
    void insertFormula(QTextCursor& cursor, const QString& tex, bool display);

    // The parsed formula behind an object character's format, or nullptr.
    const MathNode* formula(const QTextFormat& format) const;

    // How a formula reads as text: the TeX source between $ or $$ signs.
    static QString sourceText(const QTextFormat& format);

    QSizeF intrinsicSize(QTextDocument* doc, int posInDocument, const QTextFormat& format) override;
    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int posInDocument,
                    const QTextFormat& format) override;

private:
    explicit MathTextObject(QObject* parent) : QObject(parent) {}

    struct Formula {
        MathNode root;
        bool display = false;
        QFont font;
        std::optional<MathLayout> layout;
    };
    Formula* lookup(const QTextFormat& format) const;
    const MathLayout& layoutFor(Formula& f, const QTextFormat& format) const;
    static qreal halfXHeight(const QTextFormat& format);

    std::vector<std::unique_ptr<Formula>> m_formulas;
};

} // namespace quire::editor
