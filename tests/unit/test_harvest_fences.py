"""Code blocks of Markdown and reST docs: the language each fence names, dedented code,
sessions told apart; and the filter that keeps short snippets."""

from __future__ import annotations

from langsniff.datasets.fences import code_blocks
from langsniff.datasets.filters import block_reject_reason
from langsniff.datasets.manifest import Filters

MARKDOWN = """# Widgets

Install it and call it:

```js
alert("dude!")
```

- In a list:

  ```{.python title="demo.py"}
    def area(w, h):
        return w * h
  ```

````markdown
```sql
SELECT 1;
```
````

```
a block without a language
```

~~~bash
$ npm install widgets
~~~

```console
added 1 package
```

```brainfuck
++++++++[>++++<-]>.
```

```yaml
never closed: true
"""

RST = """Usage
=====

.. code-block:: python
   :linenos:
   :caption: hello

   import os

   print(os.sep)

Back to prose.

.. code:: sql

    SELECT name FROM users;
Prose right after the block.

.. code::

    no language named

.. sourcecode:: pycon

    >>> 1 + 1
    2
"""


def blocks(path, text):
    return [(b.line, b.language, b.code, b.is_session) for b in code_blocks(path, text)]


def test_markdown_fences_give_language_line_and_dedented_code():
    assert blocks("package/README.md", MARKDOWN) == [
        (5, "js", 'alert("dude!")\n', False),
        (11, "python", "def area(w, h):\n    return w * h\n", False),  # {.python ...} info string, list indent
        (16, "markdown", "```sql\nSELECT 1;\n```\n", False),  # a longer fence holds a shorter one
        (26, "bash", "$ npm install widgets\n", True),
        (30, "console", "added 1 package\n", True),
        (34, "brainfuck", "++++++++[>++++<-]>.\n", False),  # unknown languages are the harvester's call
    ]  # no block for the fence without a language, nor for the unclosed one


def test_rst_directives_skip_options_and_end_at_the_first_unindented_line():
    expected = [
        (4, "python", "import os\n\nprint(os.sep)\n", False),
        (14, "sql", "SELECT name FROM users;\n", False),
        (23, "pycon", ">>> 1 + 1\n2\n", True),
    ]
    assert blocks("docs/usage.rst", RST) == expected
    assert blocks("docs/usage.txt", RST) == expected  # Sphinx sources often end in .txt
    assert blocks("docs/usage.html", RST) == []


def test_short_blocks_need_two_lines_or_block_min_bytes():
    filters = Filters(min_bytes=64, block_min_bytes=24, generated_markers=("do not edit",))
    assert block_reject_reason("x = 1\ny = 2\n", filters) is None
    assert block_reject_reason('console.log("Node")\n', filters) == "small"  # 20 bytes, one line
    assert block_reject_reason('console.log("Hello, Node")\n', filters) is None
    assert block_reject_reason("// DO NOT EDIT\nint x;\n", filters) == "generated"
    assert block_reject_reason("var a = [" + "1," * 600 + "];\n", filters) == "minified"
