#include "notebook_page.h"

#include "app_settings.h"
#include "editor/execution/cell_executor.h"
#include "editor/model/notebook_document.h"
#include "editor/view/find_bar.h"
#include "editor/view/notebook_view.h"
#include "kernel_code_assistant.h"
#include "notebook_kernel.h"

#include <QFileInfo>
#include <QVBoxLayout>

namespace quire::app {

NotebookPage::NotebookPage(std::unique_ptr<editor::NotebookDocument> document, QWidget* parent)
    : QWidget(parent), m_doc(std::move(document)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_bar = new MessageBar(this);
    layout->addWidget(m_bar);
    m_find = new editor::FindBar(this);
    m_kernel = new NotebookKernel(m_doc.get(), this);
    m_assistant = std::make_unique<KernelCodeAssistant>(m_kernel);
    buildView();
    layout->addWidget(m_find);
}

NotebookPage::~NotebookPage() {
    m_view->setCodeAssistant(nullptr);
    delete m_view; // before the document it observes
    m_view = nullptr;
    delete m_kernel; // its executor writes into the document
    m_kernel = nullptr;
}

void NotebookPage::buildView() {
    auto* layout = static_cast<QVBoxLayout*>(this->layout());
    m_view = new editor::NotebookView(m_doc.get(), this);
    editor::CellViewOptions options = m_view->viewOptions();
    options.lineNumbers = AppSettings::instance().lineNumbers();
    options.font = AppSettings::instance().editorFont();
    options.baseDir =
        m_doc->filePath().isEmpty() ? QString() : QFileInfo(m_doc->filePath()).absolutePath();
    m_view->setViewOptions(options);
    layout->insertWidget(1, m_view, 1);
    m_find->setView(m_view);
    connectExecution();
    auto& settings = AppSettings::instance();
    connect(&settings, &AppSettings::lineNumbersChanged, m_view, [this](bool on) {
        auto o = m_view->viewOptions();
        o.lineNumbers = on;
        m_view->setViewOptions(o);
    });
    auto followFont = [this] {
        auto o = m_view->viewOptions();
        o.font = AppSettings::instance().editorFont();
        m_view->setViewOptions(o);
    };
    connect(&settings, &AppSettings::editorFontFamilyChanged, m_view, followFont);
    connect(&settings, &AppSettings::editorFontSizeChanged, m_view, followFont);
}

void NotebookPage::connectExecution() {
    m_view->setCodeAssistant(m_assistant.get());
    connect(m_view, &editor::NotebookView::executeRequested, m_kernel,
            [this](int index) { m_kernel->run({m_doc->cell(index)}); });
    connect(m_view, &editor::NotebookView::interruptRequested, m_kernel,
            &NotebookKernel::interrupt);
    connect(m_view, &editor::NotebookView::restartRequested, this, &NotebookPage::restartRequested);
    editor::CellExecutor* executor = m_kernel->executor();
    connect(executor, &editor::CellExecutor::stateChanged, m_view,
            &editor::NotebookView::setRunState);
    connect(m_view, &editor::NotebookView::inputSubmitted, executor,
            [executor](const editor::Cell* cell, const QString& value) {
                if (cell == executor->runningCell())
                    executor->replyInput(value);
            });
}

void NotebookPage::replaceDocument(std::unique_ptr<editor::NotebookDocument> document) {
    const int current = m_view->currentIndex();
    delete m_view;
    m_view = nullptr;
    m_kernel->setDocument(document.get());
    m_doc = std::move(document);
    buildView();
    m_view->setCurrentIndex(std::min(current, m_doc->cellCount() - 1));
    emit documentReplaced();
}

} // namespace quire::app
