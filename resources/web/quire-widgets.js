// Quire: the widget manager of one widget output page. The models live in the kernel; Quire
// (the "quire" object on the page's QWebChannel) sends the models this page's view needs and
// every message for them, and carries this page's messages to the kernel. The widget classes
// are jupyter-js-widgets' (window.quireWidgetLibrary, loaded before this script).
(function () {
    'use strict';
    var lib = window.quireWidgetLibrary;
    var bridge = null;
    var manager = null;
    var comms = {};   // model id -> Comm
    var pending = {}; // seq -> callbacks waiting for the kernel's idle
    var nextSeq = 1;
    var shown = false;

    // The page's height, told to Quire whenever it may have changed (views come and go,
    // models change them, the window's width changes); Quire sizes the page's view to it.
    function reportHeight() {
        if (bridge)
            bridge.resized(Math.ceil(document.body.scrollHeight));
    }
    function reportHeightSoon() {
        setTimeout(reportHeight, 0);
    }

    function toBase64(buffer) {
        var bytes = buffer instanceof ArrayBuffer
            ? new Uint8Array(buffer)
            : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        var text = '';
        for (var i = 0; i < bytes.length; i += 0x8000)
            text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
        return btoa(text);
    }

    function fromBase64(text) {
        var raw = atob(text);
        var bytes = new Uint8Array(raw.length);
        for (var i = 0; i < raw.length; i++)
            bytes[i] = raw.charCodeAt(i);
        return new DataView(bytes.buffer);
    }

    // The comm of one model as the widget library uses it; closing it here closes nothing in
    // the kernel (other pages may show the model), only this page's copy.
    function Comm(modelId) {
        this.comm_id = modelId;
        this.target_name = 'jupyter.widget';
        this._onMsg = null;
        this._onClose = null;
    }
    Comm.prototype.on_msg = function (callback) { this._onMsg = callback; };
    Comm.prototype.on_close = function (callback) { this._onClose = callback; };
    Comm.prototype.close = function () {};
    Comm.prototype.send = function (data, callbacks, metadata, buffers) {
        var seq = nextSeq++;
        pending[seq] = callbacks || {};
        bridge.send(this.comm_id, JSON.stringify(data), (buffers || []).map(toBase64), seq);
        return seq;
    };
    Comm.prototype.deliver = function (data, buffers) {
        if (this._onMsg)
            this._onMsg({ content: { comm_id: this.comm_id, data: data }, buffers: buffers });
    };
    Comm.prototype.closed = function () {
        if (this._onClose)
            this._onClose({ content: { comm_id: this.comm_id, data: {} } });
    };

    // The Output widget. ipywidgets 6 leaves capturing outputs to the frontend; Quire does it
    // (WidgetComms) and sends the captured outputs (nbformat) as {quire_outputs} messages.
    var capturedOutputs = {}; // model id -> outputs

    function textBlock(text, className) {
        var pre = document.createElement('pre');
        pre.className = className;
        pre.textContent = text.replace(/\x1b\[[0-9;]*m/g, '');
        return pre;
    }

    function renderOutput(output) {
        var type = output.output_type;
        if (type === 'stream')
            return textBlock(output.text, 'quire-output-stream');
        if (type === 'error')
            return textBlock((output.traceback || []).join('\n') ||
                             output.ename + ': ' + output.evalue, 'quire-output-error');
        var data = output.data || {};
        var join = function (v) { return Array.isArray(v) ? v.join('') : String(v); };
        var div = document.createElement('div');
        if ('text/html' in data) {
            div.innerHTML = join(data['text/html']);
        } else if ('image/png' in data || 'image/jpeg' in data) {
            var mime = 'image/png' in data ? 'image/png' : 'image/jpeg';
            var img = document.createElement('img');
            img.src = 'data:' + mime + ';base64,' + join(data[mime]).replace(/\s/g, '');
            div.appendChild(img);
        } else if ('text/plain' in data) {
            return textBlock(join(data['text/plain']), 'quire-output-text');
        }
        return div;
    }

    var OutputModel = lib.DOMWidgetModel.extend({
        defaults: function () {
            return Object.assign(lib.DOMWidgetModel.prototype.defaults.call(this), {
                _model_name: 'OutputModel',
                _view_name: 'OutputView',
                msg_id: '',
            });
        },
    });

    var OutputView = lib.DOMWidgetView.extend({
        render: function () {
            this.el.classList.add('jupyter-widgets-output-area');
            this.listenTo(this.model, 'msg:custom', function (content) {
                if (content && content.quire_outputs)
                    this.draw();
            });
            this.draw();
        },
        draw: function () {
            this.el.textContent = '';
            (capturedOutputs[this.model.id] || []).forEach(function (output) {
                this.el.appendChild(renderOutput(output));
            }, this);
            reportHeightSoon();
        },
    });

    class Manager extends lib.ManagerBase {
        constructor(root) {
            super();
            this.root = root;
        }
        loadClass(className, moduleName) {
            if (moduleName === 'jupyter-js-widgets' && className === 'OutputModel')
                return Promise.resolve(OutputModel);
            if (moduleName === 'jupyter-js-widgets' && className === 'OutputView')
                return Promise.resolve(OutputView);
            if (moduleName === 'jupyter-js-widgets' && lib[className])
                return Promise.resolve(lib[className]);
            return Promise.reject(new Error('Quire has no widget class ' + moduleName + '.' + className));
        }
        display_view(msg, view) {
            return Promise.resolve(view).then(function (v) {
                this.root.appendChild(v.el);
                // What phosphor's Widget.attach sends: views measure themselves on it.
                if (v.pWidget)
                    v.pWidget.processMessage({ type: 'after-attach' });
                v.trigger('displayed');
                reportHeightSoon();
                return v;
            }.bind(this));
        }
        _create_comm() {
            return Promise.reject(new Error('widgets are made by the kernel'));
        }
        _get_comm_info() {
            return Promise.resolve({});
        }
    }

    function addModels(models) {
        models.forEach(function (m) {
            var state = m.state;
            m.buffer_keys.forEach(function (key, i) { state[key] = fromBase64(m.buffers[i]); });
            capturedOutputs[m.model_id] = m.outputs || [];
            var comm = new Comm(m.model_id);
            comms[m.model_id] = comm;
            manager.new_model({
                model_id: m.model_id,
                model_name: m.model_name,
                model_module: m.model_module,
                model_module_version: m.model_module_version,
                comm: comm,
            }, state);
        });
    }

    function showGone(text) {
        var root = manager.root;
        root.textContent = '';
        var note = document.createElement('pre');
        note.className = 'quire-widget-gone';
        note.textContent = text;
        root.appendChild(note);
    }

    function receive(json) {
        var message = JSON.parse(json);
        reportHeightSoon();
        switch (message.type) {
        case 'models':
            addModels(message.models);
            if (!shown && manager.get_model(message.root)) {
                shown = true;
                manager.get_model(message.root)
                    .then(function (model) { return manager.display_model(undefined, model); })
                    .catch(function (e) { console.error('Quire: widget view failed', e); });
            }
            break;
        case 'msg':
            if (message.data.content && message.data.content.quire_outputs)
                capturedOutputs[message.model_id] = message.data.content.quire_outputs;
            if (comms[message.model_id])
                comms[message.model_id].deliver(message.data, message.buffers.map(fromBase64));
            break;
        case 'idle':
            var callbacks = pending[message.seq];
            delete pending[message.seq];
            if (callbacks && callbacks.iopub && callbacks.iopub.status)
                callbacks.iopub.status({ content: { execution_state: 'idle' } });
            break;
        case 'close':
            if (comms[message.model_id]) {
                comms[message.model_id].closed();
                delete comms[message.model_id];
            }
            break;
        case 'gone':
            Object.keys(comms).forEach(function (id) { comms[id].closed(); });
            comms = {};
            showGone(message.text);
            reportHeight();
            break;
        }
    }

    function start() {
        // The library's style sheets and its jQuery UI parts load with the notebook extension.
        lib.load_ipython_extension();
        var root = document.getElementById('quire-widget-root');
        manager = new Manager(root);
        new QWebChannel(qt.webChannelTransport, function (channel) {
            bridge = channel.objects.quire;
            bridge.toPage.connect(receive);
            bridge.ready();
        });
        if (window.ResizeObserver)
            new ResizeObserver(reportHeight).observe(root);
        window.addEventListener('resize', reportHeightSoon);
        document.addEventListener('click', reportHeightSoon, true);
    }

    window.quireWidgets = {
        // Tests and tools: the live view's models by id.
        model: function (id) { return manager && manager.get_model(id); },
    };
    if (document.readyState === 'loading')
        document.addEventListener('DOMContentLoaded', start);
    else
        start();
})();
