"""Pure-Python helper shipped next to the native module."""

from __future__ import annotations

from typing import Any

from .golden_gobject import GoBoxMeta

__all__ = ["widths"]


def widths(buffer: Any) -> list[int]:
    """The width of every box on `buffer`."""
    return [box.w for box in GoBoxMeta.iterate(buffer)]
