// Quire: runs before the widget library (jupyter-js-widgets' notebook extension, an AMD
// module that calls define(factory) and, at load, a few requirejs functions of the classic
// notebook). It keeps what the factory returns and answers the notebook's modules the library
// asks for with inert stand-ins: there is no notebook in this page.
(function () {
    'use strict';
    var notebookModules = {
        'base/js/namespace': {
            notebook: {
                get_cells: function () { return []; },
                keyboard_manager: { actions: { register: function () {} } },
            },
        },
        'base/js/events': { on: function () {} },
    };
    function requirejs(deps, callback) {
        if (!Array.isArray(deps) || typeof callback !== 'function')
            return;
        for (var i = 0; i < deps.length; i++) {
            if (!(deps[i] in notebookModules))
                return; // never called back, as requirejs does for a module that never loads
        }
        callback.apply(null, deps.map(function (d) { return notebookModules[d]; }));
    }
    requirejs.config = function () {};
    requirejs.defined = function () { return false; };
    window.requirejs = requirejs;
    window.require = requirejs;
    window.define = function (deps, factory) {
        window.quireWidgetLibrary = (typeof deps === 'function' ? deps : factory)();
    };
    window.define.amd = {};
})();
