"""Dropdowns that show a visible placeholder ("— kies —") instead of an empty white box.

ipywidgets treats a Dropdown value of ``None`` as "nothing selected" and shows an empty box, even
when an option carries ``None``. So the placeholder option carries ``NOTHING`` (an empty string),
and :func:`chosen` turns it back into ``None`` for the model.
"""

__all__ = ["NOTHING", "PLACEHOLDER", "with_placeholder", "chosen", "shown"]

NOTHING = ""
PLACEHOLDER = "— kies —"


def with_placeholder(options: list[tuple[str, object]], label: str = PLACEHOLDER) -> list:
    """``options`` with a first, visible placeholder option.

    Examples
    --------
    >>> with_placeholder([("Een", 1)])
    [('— kies —', ''), ('Een', 1)]
    """
    return [(label, NOTHING), *options]


def chosen(value):
    """The model's value of a dropdown value: ``None`` for the placeholder."""
    return None if value == NOTHING else value


def shown(value):
    """The dropdown value for a model value: the placeholder for ``None``."""
    return NOTHING if value is None else value
