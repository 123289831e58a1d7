#!/usr/bin/python3
"""Writes the nbformat test fixtures of Quire.

golden/NAME.ipynb           inputs, written here as raw text (number spellings, escapes,
                            line endings and layout matter)
golden/NAME.expected.ipynb  what nbformat itself writes for them:
                            nbformat.writes(nbformat.read(NAME.ipynb, as_version=4)) + "\\n"
bad/NAME.ipynb              files Quire must refuse or warn about (see bad/README)

Run with Debian's /usr/bin/python3 (it has nbformat); the corpus test compares live too.
"""
import json
import os
import sys

import nbformat

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "golden")
BAD = os.path.join(HERE, "bad")


def write_bytes(path, data):
    with open(path, "wb") as f:
        f.write(data)


def code_cell(source, outputs=(), count=None, cell_id=None, metadata="{}"):
    """A code cell as raw JSON text (source and outputs already JSON text)."""
    parts = ['"cell_type": "code"', '"execution_count": %s' % json.dumps(count)]
    if cell_id:
        parts.append('"id": "%s"' % cell_id)
    parts += ['"metadata": %s' % metadata, '"outputs": [%s]' % ", ".join(outputs), '"source": %s' % source]
    return "{" + ", ".join(parts) + "}"


def notebook(cells, minor=5, metadata='{"language_info": {"name": "python"}}'):
    return '{"cells": [%s], "metadata": %s, "nbformat": 4, "nbformat_minor": %d}\n' % (
        ",\n".join(cells), metadata, minor)


GOLDEN_INPUTS = {
    # Python's float repr: fixed notation for exponents -4..15, shortest digits
    "floats": notebook([code_cell('"x = 1"', cell_id="floats", metadata=(
        '{"values": [0.1, 1e15, 1E16, 1e-5, 1.5e300, -0.0, 5e-324, 123456789.123, 1.0, 100.0, '
        '1e22, 0.0001, 0.00012345, 2.5e-7, 1E5, 1.7976931348623157e308, 9007199254740993.0, '
        '0.30000000000000004, 1e-400, 12345678901234567890.0, 3.14159265358979323846]}'))]),
    # integers beyond 64 bits are kept digit for digit; -0 is the integer 0
    "huge_integers": notebook([code_cell('"big"', count=18446744073709551616, cell_id="huge", metadata=(
        '{"ints": [18446744073709551616, -1180591620717411303424, 1000000000000000000000000000000, '
        '18446744073709551615, -9223372036854775808, 9223372036854775807, -9223372036854775809, '
        '-0, 0, 12345678901234567890123456789012345678901234567890]}'))]),
    # control characters are escaped as \\u00XX, DEL and U+2028 are not escaped
    "control_characters": notebook([code_cell(
        '"nul\\u0000 soh\\u0001 bel\\u0007 bs\\b tab\\t vt\\u000b ff\\f esc\\u001b[31m us\\u001f del\\u007f end"',
        outputs=['{"name": "stdout", "output_type": "stream", "text": "\\u001b[1;31mred\\u001b[0m\\n\\u0000"}'],
        cell_id="ctrl")]),
    # splitlines() also breaks at \\v, \\f, \\x1c-\\x1e, U+0085, U+2028 and U+2029
    "unicode_lines": notebook([
        code_cell('"a\\u2028b\\u2029c\\u0085d\\u001ce\\u001df\\u001eg\\u000bh\\fi"', cell_id="seps"),
        '{"cell_type": "markdown", "id": "emoji", "metadata": {}, "source": '
        '"Emoji \U0001F600 and \\ud83d\\ude80 rocket, \u00e9\u00e8 accents, \ud55c\uae00, '
        '\\u00e9 escaped\\n\u2028raw separator"}'],
        metadata='{"language_info": {"name": "python"}, "\ud55c": 1, "z": 2, "\U0001F600": 3, "A": 4, '
                 '"\\u00e9": 5, "\u00ff": 6, "\uffff": 7}'),
    # \\r\\n and lone \\r inside sources; the file itself uses CRLF between tokens
    "crlf": notebook([code_cell('"line one\\r\\nline two\\r\\nlast"', cell_id="crlf1"),
                      code_cell('["mac\\rstyle\\r", "mixed\\n\\r\\n"]', cell_id="crlf2")]).replace("\n", "\r\n"),
    # empty sources and lists, empty text in outputs
    "empty": notebook([
        code_cell('""', cell_id="e1"),
        code_cell('[]', cell_id="e2"),
        code_cell('[""]', cell_id="e3", outputs=[
            '{"name": "stdout", "output_type": "stream", "text": []}',
            '{"name": "stderr", "output_type": "stream", "text": ""}',
            '{"data": {}, "metadata": {}, "output_type": "display_data"}',
            '{"data": {"text/plain": [], "image/png": [], "application/json": []}, "metadata": {}, '
            '"output_type": "display_data"}']),
        '{"cell_type": "raw", "id": "e4", "metadata": {}, "source": []}',
        '{"cell_type": "markdown", "id": "e5", "metadata": {"tags": []}, "source": ""}']),
    # nbformat joins lists of lines on reading and splits on writing
    "multiline": notebook([
        code_cell('["a", "b\\n", "c\\n\\n", "d"]', cell_id="m1", count=3, outputs=[
            '{"name": "stdout", "output_type": "stream", "text": "one\\ntwo\\n"}',
            '{"data": {"text/plain": "x\\ny", "text/html": ["<b>", "bold</b>\\n"], '
            '"image/svg+xml": "<svg>\\n</svg>", "application/javascript": "a;\\nb;", '
            '"image/png": ["iVBORw0K\\n", "GgoAAA\\n"], "application/json": {"k": ["x\\n", "y"]}, '
            '"application/vnd.custom+json": ["not\\n", "joined"], "text/x-weird+json": ["is\\n", "joined"]}, '
            '"execution_count": 3, "metadata": {"image/png": {"width": 10}}, "output_type": "execute_result"}',
            '{"ename": "ValueError", "evalue": "bad", "output_type": "error", "traceback": ["line 1\\n", "line 2"]}']),
        '{"cell_type": "markdown", "id": "m2", "metadata": {}, "source": "no final newline"}']),
    # nbformat keeps what it does not know (minor 4: no ids, so no id repair)
    "unknown_types": notebook([
        '{"cell_type": "future", "metadata": {"x": {"y": [1, 2]}}, "source": ["keep\\n", "me"], "extra": true}',
        code_cell('"print(1)"', outputs=[
            '{"output_type": "future_output", "text": ["joined\\n", "on read"], "data": {"text/plain": ["x"]}}',
            '{"output_type": "stream", "name": "stdout", "text": ["a\\n", "b"], "extra": null}']),
    ], minor=4, metadata='{"custom": {"nested": [true, false, null]}, "kernelspec": {"name": "python3", '
                         '"display_name": "Python 3", "language": "python"}}'),
    # attachments are mimebundles: text/* split, image data joined
    "attachments": notebook([
        '{"attachments": {"image.png": {"image/png": ["iVBORw0KGgo\\n", "AAAANSUhEUg=="], '
        '"text/plain": "alt\\ntext"}, "b.svg": {"image/svg+xml": ["<svg/>"]}}, "cell_type": "markdown", '
        '"id": "att", "metadata": {}, "source": "![image](attachment:image.png)"}']),
    # transient keys are dropped on writing
    "transient": notebook([code_cell('"x"', cell_id="t1", metadata='{"trusted": true, "collapsed": false}')],
                          metadata='{"signature": "sha256:abc", "orig_nbformat": 3, "orig_nbformat_minor": 0, '
                                   '"language_info": {"name": "python"}}'),
    # later duplicate keys win, at the first key's position
    "duplicate_keys": '{"nbformat": 4, "nbformat_minor": 5, "metadata": {"a": 1, "b": 2, "a": 3}, '
                      '"cells": [{"cell_type": "raw", "id": "d1", "metadata": {}, "source": "old", '
                      '"source": "new"}], "nbformat_minor": 5}',
    # layouts nbformat does not write: 4-space indent with tabs, unsorted keys, ensure_ascii
    "other_layout": json.dumps({"nbformat_minor": 4, "nbformat": 4, "metadata": {"title": "T\u00eate"},
                                "cells": [{"source": ["print('h\u00e9')\n", "x"], "cell_type": "code",
                                           "metadata": {}, "execution_count": 7,
                                           "outputs": [{"output_type": "stream", "name": "stdout",
                                                        "text": ["h\u00e9\n"]}]}]},
                               indent=4, ensure_ascii=True),
    "compact": json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# T\u00edtulo\n\ntext"}],
                           "metadata": {}, "nbformat": 4, "nbformat_minor": 2}, separators=(",", ":"),
                           ensure_ascii=False),
    # a v3 notebook: worksheets, headings, prompt numbers, short output keys
    "v3_upgrade": json.dumps({
        "metadata": {"name": "old", "signature": "sha256:00"}, "nbformat": 3, "nbformat_minor": 0,
        "worksheets": [{"metadata": {}, "cells": [
            {"cell_type": "heading", "level": 2, "metadata": {}, "source": ["Title\n", "continued"]},
            {"cell_type": "markdown", "metadata": {}, "source": ["old style", "joined with newlines"]},
            {"cell_type": "code", "collapsed": False, "input": ["x = 1\n", "x"], "language": "python",
             "metadata": {}, "prompt_number": 3, "outputs": [
                {"output_type": "pyout", "prompt_number": 3, "text": ["1\n", "2"], "html": "<b>1</b>",
                 "png": "iVBORw0KGgo=", "json": "{\"a\": [1, 2.5]}", "metadata": {"png": {"width": 4}}},
                {"output_type": "stream", "stream": "stderr", "text": "warn\n"},
                {"output_type": "pyerr", "ename": "E", "evalue": "v", "traceback": ["tb"]},
                {"output_type": "display_data", "svg": "<svg>\n</svg>", "latex": ["$x$"], "metadata": {}}]},
            {"cell_type": "raw", "metadata": {}, "source": "raw"}]},
            {"metadata": {}, "cells": [{"cell_type": "heading", "level": 1, "metadata": {}, "source": "Second sheet"},
                                       {"cell_type": "html", "metadata": {}, "source": "<p>html</p>"}]}]},
        indent=1, sort_keys=True),
}

BAD_INPUTS = {
    "not_json": b"this is not a notebook\n",
    "truncated": b'{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": "x',
    "invalid_utf8": b'{\n "cells": [],\n "metadata": {"title": "caf\xe9"},\n "nbformat": 4,\n "nbformat_minor": 5\n}\n',
    "nan": b'{\n "cells": [],\n "metadata": {"x": NaN},\n "nbformat": 4,\n "nbformat_minor": 5\n}\n',
    "infinity": b'{"cells": [], "metadata": {"x": -Infinity}, "nbformat": 4, "nbformat_minor": 5}',
    "too_deep": b'{"cells": [], "metadata": {"x": ' + b"[" * 600 + b"]" * 600 + b'}, "nbformat": 4, "nbformat_minor": 5}',
    "top_level_array": b'[{"nbformat": 4}]\n',
    "no_nbformat": b'{"cells": [], "metadata": {}}\n',
    "nbformat_string": b'{"cells": [], "metadata": {}, "nbformat": "4", "nbformat_minor": 5}\n',
    "nbformat_5": b'{"cells": [], "metadata": {}, "nbformat": 5, "nbformat_minor": 0}\n',
    "nbformat_2": b'{"metadata": {}, "nbformat": 2, "worksheets": []}\n',
    "cells_not_array": b'{\n "cells": {"0": {}},\n "metadata": {},\n "nbformat": 4,\n "nbformat_minor": 5\n}\n',
    "empty_file": b"",
    # readable, with schema problems on known lines (the test checks every one)
    "schema_violations": (
        b'{\n'
        b' "cells": [\n'
        b'  {\n'
        b'   "cell_type": "code",\n'
        b'   "execution_count": -1,\n'
        b'   "id": "bad id!",\n'
        b'   "metadata": {"tags": ["a", "a"], "collapsed": "no"},\n'
        b'   "outputs": [{"output_type": "stream", "name": 1, "text": 5}],\n'
        b'   "source": 42\n'
        b'  },\n'
        b'  {\n'
        b'   "cell_type": "markdown",\n'
        b'   "id": "dup",\n'
        b'   "metadata": {},\n'
        b'   "source": "x",\n'
        b'   "unexpected": true\n'
        b'  },\n'
        b'  {\n'
        b'   "cell_type": "raw",\n'
        b'   "id": "dup",\n'
        b'   "metadata": {}\n'
        b'  },\n'
        b'  {\n'
        b'   "cell_type": "code",\n'
        b'   "id": "ok",\n'
        b'   "metadata": {},\n'
        b'   "outputs": [{"output_type": "display_data", "data": {"text/plain": 3, "application/json": 3},'
        b' "metadata": {}}, {"output_type": "nope"}],\n'
        b'   "source": ""\n'
        b'  }\n'
        b' ],\n'
        b' "metadata": {"kernelspec": {"name": "python3"}},\n'
        b' "nbformat": 4,\n'
        b' "nbformat_minor": 5,\n'
        b' "extra": 1\n'
        b'}\n'),
}


def main():
    os.makedirs(GOLDEN, exist_ok=True)
    os.makedirs(BAD, exist_ok=True)
    for name, text in sorted(GOLDEN_INPUTS.items()):
        path = os.path.join(GOLDEN, name + ".ipynb")
        write_bytes(path, text.encode("utf-8"))
        nb = nbformat.read(path, as_version=4)
        expected = nbformat.writes(nb) + "\n"
        write_bytes(os.path.join(GOLDEN, name + ".expected.ipynb"), expected.encode("utf-8"))
    for name, data in sorted(BAD_INPUTS.items()):
        write_bytes(os.path.join(BAD, name + ".ipynb"), data)
    print("wrote %d golden and %d bad fixtures" % (len(GOLDEN_INPUTS), len(BAD_INPUTS)), file=sys.stderr)


if __name__ == "__main__":
    main()
