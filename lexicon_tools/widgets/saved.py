"""One Dutch notice when saved widget data had parts that could not be read (issue 16)."""

__all__ = ["saved_data_notice", "as_rung"]

import html

from .style import WRONG


def saved_data_notice(store, problems: list[str]) -> str:
    """HTML naming the answers file and what was skipped; '' when nothing was wrong.

    Examples
    --------
    >>> saved_data_notice(None, [])
    ''
    >>> "niet te lezen" in saved_data_notice(None, ["score 'veel' bij Plein"])
    True
    """
    if not problems:
        return ""
    where = f"in {store.path.name} " if store is not None and getattr(store, "path", None) else ""
    items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
    return (f"<div style='color:{WRONG}'>Let op: een deel van je opgeslagen antwoord {html.escape(where)}"
            f"was niet te lezen en is overgeslagen. De rest staat hieronder terug. Vul het "
            f"overgeslagen deel opnieuw in; bij je volgende wijziging wordt het bestand "
            f"bijgewerkt.<ul>{items}</ul></div>")


def as_rung(value, low: int, high: int):
    """``value`` as a whole number from ``low`` to ``high`` (also '3' or 3.0), else ValueError.

    Examples
    --------
    >>> as_rung("3", 1, 6), as_rung(None, 1, 6)
    (3, None)
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    number = float(str(value).strip().replace(",", "."))
    if not number.is_integer() or not low <= number <= high:
        raise ValueError(value)
    return int(number)
