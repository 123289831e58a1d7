#include "editor/render/json_tree_view.h"

#include "editor/nbformat/json_text.h"
#include "editor/render/render_colors.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <algorithm>
#include <cmath>
#include <deque>

namespace quire::editor {

namespace {

constexpr int kPadX = 4;
constexpr int kPadY = 2;
constexpr int kIndent = 16;
constexpr int kArrow = 14;
constexpr size_t kMaxShownBytes = 400; // of a string value; the row is elided anyway

JsonStyle copyStyle() {
    JsonStyle style;
    style.indentUnit = "  ";
    style.sortKeys = false;
    return style;
}

// A string value as a JSON literal, cut after kMaxShownBytes (at a character boundary).
QString quotedPrefix(const std::string& s) {
    size_t end = std::min(s.size(), kMaxShownBytes);
    while (end < s.size() && end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80)
        --end;
    std::string out;
    appendJsonString(out, std::string_view(s).substr(0, end));
    QString text = QString::fromStdString(out);
    if (end < s.size())
        text.insert(text.size() - 1, QStringLiteral("…"));
    return text;
}

bool isNavigationKey(const QKeyEvent* e) {
    Qt::KeyboardModifiers modifiers = e->modifiers();
    modifiers.setFlag(Qt::KeypadModifier, false);
    if (modifiers != Qt::NoModifier)
        return false;
    switch (e->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Home:
    case Qt::Key_End:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        return true;
    default:
        return false;
    }
}

} // namespace

struct JsonTreeView::Node {
    Node* parent = nullptr;
    const Json* value = nullptr; // the member or element; for a range, its container
    QString key;                 // object member name
    qsizetype index = -1;        // array element index
    qsizetype first = 0;         // the container's children this node shows: [first, last)
    qsizetype last = 0;
    int indent = 0;
    int level = 0; // nesting in the JSON (a range has its container's)
    bool range = false;
    bool expanded = false;
    bool built = false;
    std::vector<std::unique_ptr<Node>> children;

    bool expandable() const { return last > first; }
    bool isContainer() const { return value->is_object() || value->is_array(); }
};

struct JsonTreeView::Segment {
    QString text;
    JsonColorRole role = JsonColorRole::Muted;
    bool elide = false;
};

JsonTreeView::JsonTreeView(QWidget* parent) : QWidget(parent) {
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::ClickFocus);
    setAccessibleName(tr("JSON output"));
}

JsonTreeView::~JsonTreeView() = default;

void JsonTreeView::setJson(Json value, const QString& rootName, bool openAll) {
    m_rows.clear();
    m_root.reset();
    m_nodeCount = 0;
    m_value = std::move(value);
    m_rootName = rootName;
    m_root.reset(makeNode(nullptr));
    m_root->value = &m_value;
    m_root->last = m_root->isContainer() ? qsizetype(m_value.size()) : 0;
    openInitially(openAll);
    m_current = -1;
    rebuildRows();
}

JsonTreeView::Node* JsonTreeView::makeNode(Node* parent) {
    auto* node = new Node;
    node->parent = parent;
    ++m_nodeCount;
    return node;
}

void JsonTreeView::buildChildren(Node* node) {
    if (node->built)
        return;
    node->built = true;
    const Json& container = *node->value;
    const qsizetype n = node->last - node->first;
    if (n > kGroupSize) {
        qsizetype span = kGroupSize;
        while ((n + span - 1) / span > kGroupSize)
            span *= kGroupSize;
        for (qsizetype s = node->first; s < node->last; s += span) {
            Node* range = makeNode(node);
            range->value = &container;
            range->range = true;
            range->first = s;
            range->last = std::min(node->last, s + span);
            range->indent = node->indent + 1;
            range->level = node->level;
            node->children.emplace_back(range);
        }
        return;
    }
    const auto add = [&](const Json* value, QString key, qsizetype index) {
        Node* child = makeNode(node);
        child->value = value;
        child->key = std::move(key);
        child->index = index;
        child->last = child->isContainer() ? qsizetype(value->size()) : 0;
        child->indent = node->indent + 1;
        child->level = node->level + 1;
        node->children.emplace_back(child);
    };
    if (container.is_array()) {
        for (qsizetype i = node->first; i < node->last; ++i)
            add(&container[size_t(i)], QString(), i);
    } else {
        // ordered_json's object is a vector of members: random access by position.
        const auto& members = container.get_ref<const Json::object_t&>();
        for (qsizetype i = node->first; i < node->last; ++i) {
            const auto& member = *(members.begin() + i);
            add(&member.second, QString::fromStdString(member.first), -1);
        }
    }
}

// Opens containers level by level (breadth first) while the rows stay within budget.
void JsonTreeView::openInitially(bool openAll) {
    qsizetype rows = 1;
    std::deque<Node*> queue{m_root.get()};
    while (!queue.empty()) {
        Node* node = queue.front();
        queue.pop_front();
        if (!node->expandable() || node->range || (!openAll && node->level >= kOpenDepth))
            continue;
        const qsizetype n = node->last - node->first;
        const qsizetype shown = n > kGroupSize ? std::min(n, kGroupSize) : n;
        if (node != m_root.get() && rows + shown > kOpenRowBudget)
            continue;
        buildChildren(node);
        node->expanded = true;
        rows += qsizetype(node->children.size());
        for (const auto& child : node->children)
            queue.push_back(child.get());
    }
}

void JsonTreeView::rebuildRows() {
    m_rows.clear();
    if (m_root)
        appendRows(m_root.get());
    updateGeometry();
    update();
}

void JsonTreeView::appendRows(Node* node) {
    m_rows.push_back(node);
    if (node->expanded)
        for (const auto& child : node->children)
            appendRows(child.get());
}

std::vector<JsonTreeView::Segment> JsonTreeView::segments(const Node* node) const {
    std::vector<Segment> out;
    const QLocale locale;
    if (node->range) {
        out.push_back({QStringLiteral("[%1 … %2]")
                           .arg(locale.toString(node->first), locale.toString(node->last - 1)),
                       JsonColorRole::Muted});
        return out;
    }
    if (node == m_root.get()) {
        if (!m_rootName.isEmpty()) {
            out.push_back({m_rootName, JsonColorRole::Key});
            out.push_back({QStringLiteral(": "), JsonColorRole::Muted});
        }
    } else if (node->index >= 0) {
        out.push_back({QString::number(node->index), JsonColorRole::Muted});
        out.push_back({QStringLiteral(": "), JsonColorRole::Muted});
    } else {
        out.push_back({node->key, JsonColorRole::Key, true});
        out.push_back({QStringLiteral(": "), JsonColorRole::Muted});
    }
    const Json& v = *node->value;
    if (node->isContainer()) {
        const bool object = v.is_object();
        const qsizetype n = qsizetype(v.size());
        if (n == 0) {
            out.push_back(
                {object ? QStringLiteral("{}") : QStringLiteral("[]"), JsonColorRole::Muted});
            return out;
        }
        QString bracket = object ? QStringLiteral("{}") : QStringLiteral("[]");
        if (!node->expanded)
            bracket.insert(1, QStringLiteral("…"));
        QString count;
        if (object)
            count = n == 1 ? tr("1 key") : tr("%1 keys").arg(locale.toString(n));
        else
            count = n == 1 ? tr("1 item") : tr("%1 items").arg(locale.toString(n));
        out.push_back({bracket + u' ' + count, JsonColorRole::Muted});
        return out;
    }
    if (v.is_string()) {
        out.push_back({quotedPrefix(v.get_ref<const std::string&>()), JsonColorRole::String, true});
    } else if (v.is_number() || isBigInteger(v)) {
        std::string text;
        appendJsonScalar(text, v, JsonStyle());
        out.push_back({QString::fromStdString(text), JsonColorRole::Number});
    } else if (v.is_boolean() || v.is_null()) {
        out.push_back({QString::fromLatin1(v.dump()), JsonColorRole::Literal});
    } else {
        out.push_back({QStringLiteral("<binary>"), JsonColorRole::Muted});
    }
    return out;
}

QString JsonTreeView::rowText(int row) const {
    if (row < 0 || row >= rowCount())
        return {};
    QString text;
    for (const Segment& s : segments(m_rows[size_t(row)]))
        text += s.text;
    return text;
}

int JsonTreeView::rowIndent(int row) const {
    return row >= 0 && row < rowCount() ? m_rows[size_t(row)]->indent : -1;
}

bool JsonTreeView::isExpandable(int row) const {
    return row >= 0 && row < rowCount() && m_rows[size_t(row)]->expandable();
}

bool JsonTreeView::isExpanded(int row) const {
    return row >= 0 && row < rowCount() && m_rows[size_t(row)]->expanded;
}

void JsonTreeView::setExpanded(int row, bool expanded) {
    if (!isExpandable(row) || isExpanded(row) == expanded)
        return;
    Node* node = m_rows[size_t(row)];
    const Node* current = m_current >= 0 ? m_rows[size_t(m_current)] : nullptr;
    if (expanded)
        buildChildren(node);
    node->expanded = expanded;
    rebuildRows();
    // The current row stays, or becomes the closed ancestor it disappeared into.
    for (; current; current = current->parent) {
        const auto it = std::find(m_rows.begin(), m_rows.end(), current);
        if (it != m_rows.end()) {
            m_current = int(it - m_rows.begin());
            break;
        }
    }
}

void JsonTreeView::setCurrentRow(int row) {
    m_current = std::clamp(row, -1, rowCount() - 1);
    update();
}

int JsonTreeView::rowAt(const QPoint& pos) const {
    if (pos.y() < kPadY)
        return -1;
    const int row = (pos.y() - kPadY) / rowHeight();
    return row < rowCount() ? row : -1;
}

Json JsonTreeView::rangeValue(const Node* node) const {
    const Json& container = *node->value;
    if (container.is_array())
        return Json(container.begin() + node->first, container.begin() + node->last);
    Json out = Json::object();
    const auto& members = container.get_ref<const Json::object_t&>();
    for (qsizetype i = node->first; i < node->last; ++i) {
        const auto& member = *(members.begin() + i);
        out[member.first] = member.second;
    }
    return out;
}

QString JsonTreeView::valueText(int row) const {
    if (row < 0 || row >= rowCount())
        return {};
    const Node* node = m_rows[size_t(row)];
    if (!node->range && node->value->is_string())
        return QString::fromStdString(node->value->get_ref<const std::string&>());
    std::string out;
    appendJson(out, node->range ? rangeValue(node) : *node->value, copyStyle());
    return QString::fromStdString(out);
}

void JsonTreeView::copyValue(int row) const {
    if (row >= 0 && row < rowCount())
        QApplication::clipboard()->setText(valueText(row));
}

int JsonTreeView::rowHeight() const {
    return int(std::ceil(QFontMetricsF(font()).height())) + 2;
}

int JsonTreeView::heightForWidth(int) const {
    return rowCount() * rowHeight() + 2 * kPadY;
}

QSize JsonTreeView::sizeHint() const {
    const int w = width() > 0 && isVisible() ? width() : 600;
    return QSize(w, heightForWidth(w));
}

QSize JsonTreeView::minimumSizeHint() const {
    return QSize(50, heightForWidth(50));
}

void JsonTreeView::paintEvent(QPaintEvent* event) {
    QPainter p(this);
    const QRect clip = event->rect();
    const int rh = rowHeight();
    const int first = std::max(0, (clip.top() - kPadY) / rh);
    const int last = std::min(rowCount(), (clip.bottom() - kPadY) / rh + 1);
    const QFontMetrics fm(font());
    const QPalette& pal = palette();
    const int right = width() - kPadX;
    for (int row = first; row < last; ++row) {
        const Node* node = m_rows[size_t(row)];
        const int y = kPadY + row * rh;
        if (row == m_current) {
            p.fillRect(QRect(0, y, width(), rh),
                       mixColors(pal.color(QPalette::Base), pal.color(QPalette::Highlight),
                                 hasFocus() ? 0.3 : 0.15));
        }
        int x = kPadX + node->indent * kIndent;
        if (node->expandable()) {
            const QRectF box(x + 2, y + (rh - 8) / 2.0, 8, 8);
            QPolygonF arrow;
            if (node->expanded)
                arrow << box.topLeft() << box.topRight() << QPointF(box.center().x(), box.bottom());
            else
                arrow << box.topLeft() << QPointF(box.right(), box.center().y())
                      << box.bottomLeft();
            p.setRenderHint(QPainter::Antialiasing, true);
            p.setPen(Qt::NoPen);
            p.setBrush(jsonColor(pal, JsonColorRole::Muted));
            p.drawPolygon(arrow);
            p.setRenderHint(QPainter::Antialiasing, false);
        }
        x += kArrow;
        const int baseline = y + (rh - fm.height()) / 2 + fm.ascent();
        for (const Segment& s : segments(node)) {
            if (x >= right)
                break;
            QString text = s.text;
            int w = fm.horizontalAdvance(text);
            if (x + w > right) {
                text = fm.elidedText(text, Qt::ElideRight, right - x);
                w = fm.horizontalAdvance(text);
            }
            p.setPen(jsonColor(pal, s.role));
            p.drawText(x, baseline, text);
            x += w;
        }
    }
}

bool JsonTreeView::event(QEvent* event) {
    // Keys the tree uses must reach it, not an application shortcut (Ctrl+C copies cells).
    if (event->type() == QEvent::ShortcutOverride) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key == QKeySequence::Copy || isNavigationKey(key)) {
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

void JsonTreeView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    // A click in a notebook also selects the cell, which takes the keyboard; take it back.
    setFocus(Qt::MouseFocusReason);
    const int row = rowAt(event->position().toPoint());
    if (row < 0)
        return;
    setCurrentRow(row);
    if (isExpandable(row))
        setExpanded(row, !isExpanded(row));
}

void JsonTreeView::moveCurrent(int row) {
    if (rowCount() > 0)
        setCurrentRow(std::clamp(row, 0, rowCount() - 1));
}

void JsonTreeView::keyPressEvent(QKeyEvent* event) {
    if (event == QKeySequence::Copy) {
        copyValue(m_current);
        return;
    }
    if (!isNavigationKey(event))
        return QWidget::keyPressEvent(event);
    const int page = std::max(1, visibleRegion().boundingRect().height() / rowHeight() - 1);
    const int row = m_current;
    switch (event->key()) {
    case Qt::Key_Up:
        moveCurrent(row < 0 ? 0 : row - 1);
        break;
    case Qt::Key_Down:
        moveCurrent(row + 1);
        break;
    case Qt::Key_PageUp:
        moveCurrent(row - page);
        break;
    case Qt::Key_PageDown:
        moveCurrent(row + page);
        break;
    case Qt::Key_Home:
        moveCurrent(0);
        break;
    case Qt::Key_End:
        moveCurrent(rowCount() - 1);
        break;
    case Qt::Key_Right:
        if (isExpandable(row) && !isExpanded(row))
            setExpanded(row, true);
        else if (isExpanded(row))
            moveCurrent(row + 1);
        break;
    case Qt::Key_Left:
        if (isExpanded(row)) {
            setExpanded(row, false);
        } else if (row >= 0 && m_rows[size_t(row)]->parent) {
            const auto it = std::find(m_rows.begin(), m_rows.end(), m_rows[size_t(row)]->parent);
            moveCurrent(int(it - m_rows.begin()));
        }
        break;
    default: // Enter, Return, Space
        if (isExpandable(row))
            setExpanded(row, !isExpanded(row));
        break;
    }
}

void JsonTreeView::addContextActions(QMenu& menu, const QPoint& pos) {
    const int row = rowAt(pos);
    if (row >= 0)
        setCurrentRow(row);
    QAction* copy = menu.addAction(tr("Copy Value"), this, [this, row] { copyValue(row); });
    copy->setObjectName(QStringLiteral("copyJsonValue"));
    copy->setEnabled(row >= 0);
    if (isExpandable(row)) {
        const bool open = isExpanded(row);
        menu.addAction(open ? tr("Collapse") : tr("Expand"), this,
                       [this, row, open] { setExpanded(row, !open); });
    }
}

void JsonTreeView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    addContextActions(menu, event->pos());
    menu.exec(event->globalPos());
}

void JsonTreeView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        update();
}

} // namespace quire::editor
