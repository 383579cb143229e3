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


def test_run_says_why_it_stopped_early():
    from lexicon_tools.widgets.schelling import run_message

    view = lt.SchellingView(size=12, seed=3)
    view._run.click()
    if view.model.steps < 30:
        assert f"Gestopt na {view.model.steps} stappen" in view._status.value
        assert "iedereen is tevreden" in view._status.value
    assert run_message(30, 30, 5) == ""
    assert "Gestopt na 19 stappen" in run_message(30, 19, 0)


def test_chart_axes_are_integer_steps_and_percentages():
    view = lt.SchellingView(size=12, seed=3)
    ax = view.chart.line_ax
    view.chart.figure.canvas.draw()
    assert ax.get_xlim() == (0, 30)  # never -0.04 .. 0.04 at the start
    ticks = [t for t in ax.get_xticks() if 0 <= t <= 30]
    assert all(float(t).is_integer() for t in ticks)
    assert [t.get_text() for t in ax.get_yticklabels()][-1].endswith("%")
    view._run.click()
    assert ax.get_xlim()[1] == max(30, -(-view.model.steps // 30) * 30) >= view.model.steps


def test_figure_is_rendered_at_twice_its_css_size():
    from lexicon_tools.widgets.figure import SCALE, png_size

    view = lt.SchellingView(size=12, seed=3)
    width, height = png_size(view._figure.png)
    css = int(view._figure.image.value.split("width='")[1].split("'")[0])
    assert SCALE >= 2 and width == SCALE * css
    assert "<img" in view._figure.image.value and "alt='Links het raster" in view._figure.image.value
