"""The package's one exception type for bad user input."""

__all__ = ["LexiconError", "LexiconWarning", "Problem", "announce"]

import html
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One problem in one data file, reported to a lecturer in Dutch.

    Examples
    --------
    >>> str(Problem("lemmas/x.md", "cluster ontbreekt.", line=3, field="cluster"))
    'lemmas/x.md, regel 3, veld `cluster`: cluster ontbreekt.'
    """

    path: str
    message: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f", regel {self.line}"
        if self.field:
            where += f", veld `{self.field}`"
        return f"{where}: {self.message}"


class LexiconError(ValueError):
    """Raised for bad data or bad input; the message is Dutch and says how to fix it.

    ``problems`` holds every :class:`Problem` found, so that a checker can list them all.
    """

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = list(problems or [])

    @classmethod
    def from_problems(cls, problems: list[Problem]) -> "LexiconError":
        lines = [str(p) for p in problems]
        head = "Er is 1 probleem" if len(lines) == 1 else f"Er zijn {len(lines)} problemen"
        return cls(f"{head} in de data:\n" + "\n".join(f"- {line}" for line in lines), problems)


def display_path(path: Path, root: Path | None = None) -> str:
    """The path relative to ``root`` where possible, for short messages."""
    try:
        return str(path.relative_to(root)) if root else str(path)
    except ValueError:
        return str(path)


class LexiconWarning(UserWarning):
    """A problem the kit works around (e.g. a broken override file); shown once, in Dutch."""


_ANNOUNCED: set[str] = set()


def announce(messages: list[str]) -> list[str]:
    """Show each message once per process: in a notebook as a visible Dutch warning box in the
    output of the cell that runs now, elsewhere as a :class:`LexiconWarning`. Returns the messages
    that were new.
    """
    new = [m for m in dict.fromkeys(messages) if m not in _ANNOUNCED]
    if not new:
        return []
    _ANNOUNCED.update(new)
    if _in_kernel():
        from IPython.display import HTML, display

        items = "".join(f"<li>{html.escape(m)}</li>" for m in new)
        display(HTML('<div class="lexicon-waarschuwing" role="alert" style="border-left:4px solid '
                     '#D55E00;padding:4px 10px;background:#fff4e5"><b>Let op:</b><ul>'
                     f"{items}</ul></div>"))
    else:
        warnings.warn("\n".join(new), LexiconWarning, stacklevel=3)
    return new


def _in_kernel() -> bool:
    if "IPython" not in sys.modules:
        return False
    from IPython import get_ipython

    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None
