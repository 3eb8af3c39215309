"""The compiled report's three charts, drawn on the server as PNG for the DOCX: the share of tasks done by
group of tasks, submissions (complete and on time) over the years, the main indicators over the years.

matplotlib, with its object-oriented API on the Agg canvas (``Figure`` + ``FigureCanvasAgg``, never pyplot):
the reference plotting library of Python, kept up by a large team, renders without a display or a browser, and
holds no global state between requests (pyplot's current figure would be shared by a worker's threads). Its
bundled DejaVu Sans carries every Vietnamese letter. Numbers on the axes and labels in Vietnamese format
(``vn_number``: 1.066; 12,5%). Every chart's numbers are also in a table next to it (``docx``).
"""

import io

from .common import vn_number

#: The main indicators charted over the years: the plan's first ones, in the plan's order.
MAIN_INDICATORS = 4

_DPI = 130  # sharp at 150 mm wide in print and on screen; higher costs render time
_COLOURS = ("#1f4e79", "#f28e2b", "#59a14f", "#b07aa1")


def _figure(width_mm, height_mm):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_mm / 25.4, height_mm / 25.4), dpi=_DPI)
    FigureCanvasAgg(figure)
    return figure


def _png(figure):
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=_DPI)
    return out.getvalue()


def _style(ax):
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    ax.tick_params(labelsize=8)


def completion_by_section(rows, title):
    """Horizontal bars: the share (0–100) of tasks done in each group. ``rows``: [(label, share or None)]."""
    from matplotlib.ticker import FuncFormatter

    height = 18 + 7 * len(rows)
    figure = _figure(160, height)
    figure.subplots_adjust(left=0.06, right=0.98, bottom=9 / height, top=1 - 8 / height)
    ax = figure.add_subplot()
    labels = [label for label, _share in rows][::-1]
    values = [share or 0 for _label, share in rows][::-1]
    bars = ax.barh(labels, values, color=_COLOURS[0], height=0.6)
    for bar, value in zip(bars, values):
        ax.text(min(value, 100) + 1, bar.get_y() + bar.get_height() / 2, f"{vn_number(round(value, 1))}%",
                va="center", fontsize=8)
    ax.set_xlim(0, 112)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{vn_number(round(v))}%"))
    ax.set_title(title, fontsize=9)
    _style(ax)
    return _png(figure)


def submissions_over_years(years, labels, title):
    """Grouped bars per year: complete and on time (0–100). ``years``: [(year, completeness, timeliness)]."""
    from matplotlib.ticker import FuncFormatter

    figure = _figure(160, 50)
    figure.subplots_adjust(left=0.08, right=0.98, bottom=0.12, top=0.88)
    ax = figure.add_subplot()
    xs = range(len(years))
    width = 0.38
    for i, label in enumerate(labels):
        values = [row[1 + i] or 0 for row in years]
        bars = ax.bar([x + (i - 0.5) * width for x in xs], values, width, label=label, color=_COLOURS[i])
        for bar, value in zip(bars, values):
            ax.text(bar.get_x() + bar.get_width() / 2, value + 1.5, f"{vn_number(round(value, 1))}%",
                    ha="center", fontsize=7)
    ax.set_xticks(list(xs), [str(row[0]) for row in years])
    ax.set_ylim(0, 135)  # room above 100% for the legend
    ax.set_yticks([0, 25, 50, 75, 100])
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{vn_number(round(v))}%"))
    ax.legend(fontsize=8, loc="upper center", ncols=2, frameon=False)
    ax.set_title(title, fontsize=9)
    _style(ax)
    return _png(figure)


def indicators_over_years(series, years, title):
    """One small panel per indicator (their units differ): its total each year. ``series``:
    [(name, unit, {year: total})]."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    columns = 2
    rows = (len(series) + columns - 1) // columns
    height = 10 + 36 * rows
    figure = _figure(160, height)
    figure.subplots_adjust(left=0.1, right=0.98, bottom=8 / height, top=1 - 16 / height, wspace=0.3,
                           hspace=16 / 36)
    axes = figure.subplots(rows, columns, squeeze=False)
    for n, ax in enumerate(axes.flat):
        if n >= len(series):
            ax.set_visible(False)
            continue
        name, unit, by_year = series[n]
        values = [float(by_year.get(y) or 0) for y in years]
        ax.bar([str(y) for y in years], values, color=_COLOURS[n % len(_COLOURS)], width=0.6)
        top = max(values) if values and max(values) > 0 else 1
        for x, value in enumerate(values):
            ax.text(x, value + top * 0.03, vn_number(round(value)), ha="center", fontsize=7)
        ax.set_ylim(0, top * 1.2)
        ax.yaxis.set_major_locator(MaxNLocator(4, integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: vn_number(round(v))))
        short = name if len(name) <= 48 else name[:46].rsplit(" ", 1)[0] + "…"
        ax.set_title(f"{short} ({unit})" if unit else short, fontsize=7.5)
        _style(ax)
        ax.tick_params(labelsize=7)
    figure.suptitle(title, fontsize=9)
    return _png(figure)
