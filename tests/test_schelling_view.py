"""Smoke test of the Schelling view: sliders rebuild the model, buttons advance it."""

import lexicon_tools as lt


def test_schelling_view_steps_and_resets():
    view = lt.SchellingView(size=12, seed=3)
    assert view.model.size == 12 and view.model.steps == 0
    view._tolerance.value = 0.6
    assert view.model.tolerance == 0.6
    view._step.click()
    assert view.model.steps == 1 and "Stap 1" in view._status.value
    view._run.click()
    assert view.model.steps > 1
    view._reset.click()
    assert view.model.steps == 0
    view._size.value = 20
    assert view.model.grid.shape == (20, 20)
