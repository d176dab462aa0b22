"""Parses the pyds 1.2.0 API inventory (pyds_api.md, a copy of the project's
reference note) into the names the generated module must provide."""

import pathlib
import re

REFERENCE = pathlib.Path(__file__).with_name("pyds_api.md")

_CLASS = re.compile(r"^### `(\w+)`\s+\(")
_PROP = re.compile(r"^\| `(\w+)(?: \(→`\w+`\))?` \|")
_FUNC = re.compile(r"^\| \d+ \| `(\w+)` \|")
_ENUM = re.compile(r"^\| `(\w+)` \| bind\w+\.cpp \| \d+ \| ([^|]+) \|")
_METHODS = re.compile(r"methods: ([^)]+)\)")


def _section(text, start, stop):
    return text.split(start, 1)[1].split(stop, 1)[0]


def load():
    """Returns (classes, functions, enums): classes maps a class name to
    (properties, methods, has_cast); enums maps an enum to its values."""
    text = REFERENCE.read_text(encoding="utf-8")
    classes = {}
    current = None
    for line in _section(text, "## 3. Classes and properties", "## 4.").splitlines():
        m = _CLASS.match(line)
        if m:
            methods = _METHODS.search(line)
            names = re.findall(r"`(\w+)`", methods.group(1)) if methods else []
            current = classes[m.group(1)] = ([], names, "no cast" not in line)
            continue
        m = _PROP.match(line)
        if m and current is not None:
            current[0].append(m.group(1))
    functions = []
    for line in _section(text, "## 4. Module-level functions", "## 5.").splitlines():
        m = _FUNC.match(line)
        if m and m.group(1) not in functions:
            functions.append(m.group(1))
    enums = {}
    for line in _section(text, "## 5. Enums", "## 6.").splitlines():
        m = _ENUM.match(line)
        if m:
            enums[m.group(1)] = [v.strip() for v in m.group(2).split(",")]
    return classes, functions, enums
