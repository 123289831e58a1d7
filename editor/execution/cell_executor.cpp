#include "cell_executor.h"

#include "editor/model/notebook_document.h"
#include "kernelclient/kernel_client.h"
#include "kernelclient/nbformat_output.h"
#include "stream_text.h"
#include "widget_comms.h"

#include <QDateTime>

namespace quire::editor {

using kernel::Message;

namespace {

bool hasTag(const Json& metadata, std::string_view tag) {
    if (!metadata.is_object())
        return false;
    const auto tags = metadata.find("tags");
    if (tags == metadata.end() || !tags->is_array())
        return false;
    for (const auto& t : *tags)
        if (t.is_string() && t.get_ref<const std::string&>() == tag)
            return true;
    return false;
}

std::string stamp(const Message& m) {
    std::string date = kernel::normalizedDate(m.date());
    return date.empty() ? kernel::normalizedDate(kernel::isoDateNow()) : date;
}

} // namespace

struct CellExecutor::Run {
    CellPtr cell;
    QObject* context = nullptr; // owns the Request; deleted later, never inside its signals
    // The outputs are edited in place in the cell (no copy per flush); views hear of it at
    // flush time.
    Json& outputs() { return cell->outputsForEditing(); }
    Json timing = Json::object();
    std::optional<long long> executionCount;
    bool clearBeforeNext = false;
    bool dirty = false;
    bool errorsAllowed = false;
    bool timedOut = false;
    bool interruptSent = false;
};

CellExecutor::CellExecutor(NotebookDocument* document, ExecutionPolicy policy, QObject* parent)
    : QObject(parent), m_doc(document), m_policy(policy) {
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &CellExecutor::flush);
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &CellExecutor::onTimeout);
}

CellExecutor::~CellExecutor() {
    if (m_current)
        delete m_current->context;
}

void CellExecutor::setKernel(kernel::KernelClient* client) {
    if (client == m_client)
        return;
    cancelAll();
    m_client = client;
}

const Cell* CellExecutor::runningCell() const {
    return m_current ? m_current->cell.get() : nullptr;
}

CellRunState CellExecutor::state(const Cell* cell) const {
    const auto it = m_states.find(cell);
    return it == m_states.end() ? CellRunState{} : it->second;
}

int CellExecutor::indexOf(const Cell* cell) const {
    return m_doc->indexOf(cell);
}

void CellExecutor::setState(const Cell* cell, CellRunState state) {
    if (state.phase == CellRunState::Phase::Idle && !state.inputActive)
        m_states.erase(cell);
    else
        m_states[cell] = state;
    emit stateChanged(cell, state);
}

void CellExecutor::enqueue(const std::vector<CellPtr>& cells) {
    if (!m_current && m_queue.empty()) {
        m_batchDone = 0;
        m_batchTotal = 0;
        m_batchFailed = false;
        // Marks left by an earlier stopped run go when a new run starts.
        std::vector<const Cell*> notRun;
        for (const auto& [cell, s] : m_states)
            if (s.phase == CellRunState::Phase::NotRun)
                notRun.push_back(cell);
        for (const Cell* cell : notRun)
            setState(cell, {});
    }
    for (const CellPtr& cell : cells) {
        if (!cell || !cell->isCode())
            continue;
        if (std::find(m_queue.begin(), m_queue.end(), cell) != m_queue.end() ||
            (m_current && m_current->cell == cell))
            continue;
        m_queue.push_back(cell);
        ++m_batchTotal;
        CellRunState s;
        s.phase = CellRunState::Phase::Queued;
        setState(cell.get(), s);
    }
    if (!m_current)
        startNext();
}

void CellExecutor::clearQueue() {
    const bool hadQueue = !m_queue.empty();
    dropQueue(CellRunState::Phase::Idle);
    if (!m_current && hadQueue)
        emit queueFinished(false);
}

void CellExecutor::dropQueue(CellRunState::Phase phase) {
    auto queue = std::exchange(m_queue, {});
    m_batchTotal -= phase == CellRunState::Phase::Idle ? int(queue.size()) : 0;
    for (const CellPtr& cell : queue) {
        CellRunState s;
        s.phase = phase;
        setState(cell.get(), s);
    }
}

void CellExecutor::cancelAll() {
    const bool busy = m_current || !m_queue.empty();
    dropQueue(CellRunState::Phase::Idle);
    if (m_current) {
        flush();
        auto run = std::move(m_current);
        run->context->deleteLater();
        m_timeoutTimer.stop();
        setState(run->cell.get(), {});
    }
    if (busy)
        emit queueFinished(false);
}

void CellExecutor::startNext() {
    while (!m_current && !m_queue.empty()) {
        CellPtr cell = m_queue.front();
        m_queue.pop_front();
        const int index = indexOf(cell.get());
        const bool skip = m_policy.honourTags && hasTag(cell->metadata(), "skip-execution");
        if (index < 0 || skip || cell->source().trimmed().isEmpty()) {
            if (index >= 0 && !skip && m_policy.clearEmptyCells) {
                m_doc->setCellOutputs(index, Json::array());
                m_doc->setCellExecutionCount(index, std::nullopt);
                m_doc->markDirty();
            }
            setState(cell.get(), {});
            ++m_batchDone;
            emit progress(m_batchDone, m_batchTotal);
            continue;
        }
        if (!m_client || m_client->status() == kernel::KernelStatus::Dead) {
            m_queue.push_front(cell);
            dropQueue(CellRunState::Phase::NotRun);
            m_batchFailed = true;
            break;
        }

        auto run = std::make_unique<Run>();
        run->cell = cell;
        run->context = new QObject(this);
        run->errorsAllowed = m_policy.allowErrors ||
                             (m_policy.honourTags && hasTag(cell->metadata(), "raises-exception"));
        // The old outputs go now: displays they showed no longer point here.
        for (auto& [id, places] : m_displays)
            std::erase_if(places, [&](const auto& p) { return p.first.lock() == cell; });
        m_doc->setCellOutputs(index, Json::array());
        m_doc->setCellExecutionCount(index, std::nullopt);
        m_doc->markDirty();

        kernel::ExecuteOptions options;
        options.allowStdin = m_policy.allowStdin;
        options.stopOnError = !run->errorsAllowed;
        auto* request = m_client->execute(cell->source(), options, run->context);
        connect(request, &kernel::Request::iopub, run->context,
                [this](const Message& m) { onIopub(m); });
        connect(request, &kernel::Request::replied, run->context,
                [this](const Message& m) { onReplied(m); });
        connect(request, &kernel::Request::finished, run->context,
                [this, request](const Message& m) { onFinished(request->outcome(), m); });
        connect(request, &kernel::Request::inputRequested, run->context,
                [this](const QString& prompt, bool password) {
                    if (!m_current)
                        return;
                    CellRunState s = state(m_current->cell.get());
                    s.inputPrompt = prompt;
                    s.inputPassword = password;
                    s.inputActive = true;
                    setState(m_current->cell.get(), s);
                });
        m_current = std::move(run);
        CellRunState s;
        s.phase = CellRunState::Phase::Running;
        s.startedAtMs = QDateTime::currentMSecsSinceEpoch();
        setState(cell.get(), s);
        if (m_policy.timeoutMs > 0)
            m_timeoutTimer.start(m_policy.timeoutMs);
    }
    if (!m_current) {
        const bool ok = !m_batchFailed;
        emit queueFinished(ok);
    }
}

void CellExecutor::replyInput(const QString& value) {
    if (!m_current || !m_client)
        return;
    CellRunState s = state(m_current->cell.get());
    if (!s.inputActive)
        return;
    m_client->inputReply(value);
    s.inputActive = false;
    s.inputPrompt.clear();
    setState(m_current->cell.get(), s);
}

void CellExecutor::clearOutputsOf(Run& run) {
    run.outputs() = Json::array();
    run.dirty = true;
    for (auto& [id, places] : m_displays)
        std::erase_if(places, [&](const auto& p) { return p.first.lock() == run.cell; });
}

void CellExecutor::updateDisplays(const std::string& id, const Message& m) {
    const auto it = m_displays.find(id);
    if (it == m_displays.end())
        return;
    for (const auto& [weakCell, outputIndex] : it->second) {
        const CellPtr cell = weakCell.lock();
        if (!cell)
            continue;
        const bool current = m_current && m_current->cell == cell;
        Json outputs = current ? std::move(m_current->outputs()) : cell->outputs();
        if (outputIndex < outputs.size()) {
            Json& out = outputs[outputIndex];
            out["data"] = m.content.value("data", Json::object());
            out["metadata"] = m.content.value("metadata", Json::object());
        }
        if (current) {
            m_current->outputs() = std::move(outputs);
            m_current->dirty = true;
        } else if (const int index = indexOf(cell.get()); index >= 0) {
            m_doc->setCellOutputs(index, std::move(outputs));
            m_doc->markDirty();
        } else {
            cell->setOutputs(std::move(outputs));
        }
    }
}

void CellExecutor::onIopub(const Message& m) {
    if (!m_current)
        return;
    Run& run = *m_current;
    const auto type = m.msgType();
    const Json& c = m.content;
    if (const auto count = c.find("execution_count");
        count != c.end() && count->is_number_integer())
        run.executionCount = count->get<long long>();
    if (type == "status") {
        const std::string state = c.value("execution_state", "");
        if (state == "busy" || state == "idle")
            run.timing["iopub.status." + state] = stamp(m);
        return;
    }
    if (type == "execute_input") {
        run.timing["iopub.execute_input"] = stamp(m);
        return;
    }
    if (const WidgetComms* widgets = WidgetComms::find(m_client.data());
        widgets && widgets->captures(m))
        return; // an Output widget shows it
    const std::string displayId = kernel::displayId(m);
    if (!displayId.empty() &&
        (type == "display_data" || type == "execute_result" || type == "update_display_data"))
        updateDisplays(displayId, m);
    if (type == "clear_output") {
        if (c.value("wait", false))
            run.clearBeforeNext = true;
        else
            clearOutputsOf(run);
        scheduleFlush();
        return;
    }
    auto output = kernel::nbformatOutput(m);
    if (!output)
        return;
    if (std::exchange(run.clearBeforeNext, false))
        clearOutputsOf(run);
    run.dirty = true;
    if (type == "stream" && output->contains("text") && (*output)["text"].is_string()) {
        std::string& chunk = (*output)["text"].get_ref<std::string&>();
        Json* last = run.outputs().empty() ? nullptr : &run.outputs().back();
        if (last && last->value("output_type", "") == "stream" &&
            (*last)["name"] == (*output)["name"] && (*last)["text"].is_string()) {
            std::string& text = (*last)["text"].get_ref<std::string&>();
            if (m_policy.resolveControlChars)
                appendStreamText(text, chunk);
            else
                text.append(chunk);
            scheduleFlush();
            return;
        }
        if (m_policy.resolveControlChars) {
            std::string resolved;
            appendStreamText(resolved, chunk);
            chunk = std::move(resolved);
        }
    }
    if (!displayId.empty())
        m_displays[displayId].emplace_back(run.cell, run.outputs().size());
    run.outputs().push_back(std::move(*output));
    scheduleFlush();
}

void CellExecutor::onReplied(const Message& reply) {
    if (!m_current)
        return;
    m_current->timing["shell.execute_reply"] = stamp(reply);
    if (const auto count = reply.content.find("execution_count");
        count != reply.content.end() && count->is_number_integer())
        m_current->executionCount = count->get<long long>();
}

void CellExecutor::onFinished(kernel::Request::Outcome outcome, const Message& reply) {
    if (!m_current)
        return;
    CellOutcome result = CellOutcome::Ok;
    if (m_current->timedOut)
        result = CellOutcome::TimedOut;
    else if (outcome == kernel::Request::Outcome::KernelDied)
        result = CellOutcome::KernelDied;
    else if (outcome == kernel::Request::Outcome::KernelRestarted)
        result = CellOutcome::Cancelled;
    else if (reply.content.value("status", "") != "ok" && !m_current->errorsAllowed)
        result = CellOutcome::Error;
    finishCurrent(result, reply.content);
}

void CellExecutor::onTimeout() {
    if (!m_current)
        return;
    if (!m_current->interruptSent && m_client) {
        m_current->timedOut = true;
        m_current->interruptSent = true;
        m_client->interrupt();
        m_timeoutTimer.start(5000); // a kernel that ignores the interrupt is left behind
        return;
    }
    finishCurrent(CellOutcome::TimedOut, Json::object());
}

void CellExecutor::scheduleFlush() {
    if (m_policy.flushIntervalMs <= 0)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start(m_policy.flushIntervalMs);
}

void CellExecutor::flush() {
    m_flushTimer.stop();
    if (!m_current || !m_current->dirty)
        return;
    m_current->dirty = false;
    if (const int index = indexOf(m_current->cell.get()); index >= 0)
        m_doc->notifyCellOutputsChanged(index);
}

void CellExecutor::finishCurrent(CellOutcome outcome, Json reply) {
    m_timeoutTimer.stop();
    m_current->dirty = true;
    flush();
    std::unique_ptr<Run> run = std::move(m_current);
    run->context->deleteLater();

    if (const auto count = reply.find("execution_count");
        count != reply.end() && count->is_number_integer())
        run->executionCount = count->get<long long>();
    Json metadata = run->cell->metadata().is_object() ? run->cell->metadata() : Json::object();
    Json execution = Json::object(); // nbclient's key order
    for (const char* key :
         {"iopub.status.busy", "iopub.execute_input", "shell.execute_reply", "iopub.status.idle"})
        if (run->timing.contains(key))
            execution[key] = run->timing[key];
    metadata["execution"] = std::move(execution);
    if (const int index = indexOf(run->cell.get()); index >= 0) {
        m_doc->setCellExecutionCount(index, run->executionCount);
        m_doc->setCellMetadata(index, std::move(metadata));
        m_doc->markDirty();
    } else {
        run->cell->setExecutionCount(run->executionCount);
        run->cell->setMetadata(std::move(metadata));
    }
    setState(run->cell.get(), {});

    ++m_batchDone;
    const bool failed = outcome != CellOutcome::Ok;
    if (failed) {
        m_batchFailed = true;
        dropQueue(outcome == CellOutcome::Cancelled ? CellRunState::Phase::Idle
                                                    : CellRunState::Phase::NotRun);
    }
    emit cellFinished(run->cell.get(), Result{outcome, std::move(reply)});
    emit progress(m_batchDone, m_batchTotal);
    if (!m_current)
        startNext();
}

} // namespace quire::editor
