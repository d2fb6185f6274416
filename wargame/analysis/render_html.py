"""An analysis as one self-contained HTML page (`wargame analyze -o FILE.html`).

Like the after-action report's page (whose style and Content-Security-Policy it
shares) it opens offline: the histograms are inline SVG, with no script, font or
image fetched. Every piece of campaign text is escaped.
"""

from __future__ import annotations

from html import escape

from wargame.analysis.monte_carlo import Analysis, PlanResults
from wargame.analysis.stats import Distribution, Histogram
from wargame.campaign.schema import class_words
from wargame.report.render_html import CSP, STYLE
from wargame.report.safety import plain

WIDTH, HEIGHT = 760, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 12, 44


def _t(text: str) -> str:
    return escape(plain(text), quote=True)


def svg_histogram(h: Histogram, label: str) -> str:
    """Bars of the histogram's counts over its bins, with the bins' edges below."""
    top = max(h.counts, default=0) or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    bins = max(len(h.counts), 1)
    step = plot_w / bins
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{_t(label)}">',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" '
        'stroke="#59636e"/>',
        f'<text class="tick" x="{LEFT - 6}" y="{TOP + 10}" text-anchor="end">{top}</text>',
        f'<text class="tick" x="{LEFT - 6}" y="{TOP + plot_h}" text-anchor="end">0</text>',
    ]
    for i, count in enumerate(h.counts):
        height = plot_h * count / top
        x = LEFT + i * step
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{TOP + plot_h - height:.1f}" width="{step - 2:.1f}" '
            f'height="{height:.1f}" fill="#1f6feb"><title>{h.edges[i]:.1f} to '
            f"{h.edges[i + 1]:.1f}: {count}</title></rect>"
        )
    for i, edge in enumerate(h.edges):
        if i % 2 == 0 or len(h.edges) <= 8:
            parts.append(
                f'<text class="tick" x="{LEFT + i * step:.1f}" y="{TOP + plot_h + 16}" '
                f'text-anchor="middle">{edge:.0f}</text>'
            )
    parts.append(
        f'<text class="legend" x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 6}" '
        f'text-anchor="middle">{_t(label)}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _table(rows: list[tuple[str, Distribution]], caption: str) -> list[str]:
    out = [f"<table><caption>{_t(caption)}</caption>", "<tr><th>per game</th>"]
    out[-1] += "".join(
        f'<th class="num">{h}</th>' for h in ("mean", "95 % interval", "p5", "p50", "p95")
    )
    out[-1] += "</tr>"
    for name, d in rows:
        out.append(
            f"<tr><td>{_t(name)}</td><td class='num'>{d.mean:.2f}</td>"
            f"<td class='num'>{d.ci95[0]:.2f} to {d.ci95[1]:.2f}</td>"
            + "".join(f"<td class='num'>{v:.2f}</td>" for v in (d.p5, d.p50, d.p95))
            + "</tr>"
        )
    out.append("</table>")
    return out


def _plan(plan: PlanResults) -> list[str]:
    s = plan.score
    out = [
        f"<h2>{_t(plan.plan)}</h2>",
        f"<p>Score: mean <b>{s.mean:+.1f}</b> (95 % interval {s.ci95[0]:+.1f} to "
        f"{s.ci95[1]:+.1f}), sd {s.sd:.1f}; p5 {s.p5:+.1f}, median {s.p50:+.1f}, "
        f"p95 {s.p95:+.1f}.</p>",
        "<figure>",
        svg_histogram(plan.score_histogram, f"score of {plan.plan}: games per bin"),
        "</figure>",
        "<p>Outcome: "
        + ", ".join(f"{_t(k)} {v:.0%}" for k, v in plan.outcomes.items())
        + "; ending: "
        + ", ".join(f"{_t(k.replace('_', ' '))} {v:.0%}" for k, v in plan.terminations.items())
        + "".join(f"; grade {_t(k)} {v:.0%}" for k, v in plan.grades.items())
        + ".</p>",
    ]
    out += _table(
        [(class_words(k), v) for k, v in plan.leakers.items()]
        + [("all leakers", plan.all_leakers), ("kills", plan.kills)],
        "Leakers by class",
    )
    out += _table(list(plan.rounds.items()), "Rounds fired by missile type")
    out += _table(list(plan.damage.items()), "Damage by asset (value lost)")
    if plan.exact_share == 1.0:
        out.append(
            f"<p>Expected from the rounds fired (1-(1-p)<sup>n</sup> per threat): kills "
            f"{plan.expected_kills:.2f}, leakers {plan.expected_leakers:.2f}.</p>"
        )
    return out


def render_analysis_html(analysis: Analysis) -> str:
    title = f"{analysis.title}: {analysis.runs} games"
    last = analysis.seed + analysis.runs - 1
    body = [
        f"<h1>{_t(title)}</h1>",
        f"<p>{_t(analysis.campaign)}, seeds {analysis.seed} to {last}.</p>",
        *_plan(analysis.first),
    ]
    if analysis.second is not None and analysis.paired is not None:
        p = analysis.paired
        body += _plan(analysis.second)
        body += [
            "<h2>Paired on the same seeds</h2>",
            f"<p>{_t(analysis.first.plan)} against {_t(analysis.second.plan)}: better on "
            f"{p.better_share:.0%} of seeds, worse on {p.worse_share:.0%}, the same on "
            f"{p.tie_share:.0%}; mean difference <b>{p.mean_difference:+.1f}</b> "
            f"(95 % interval {p.ci95[0]:+.1f} to {p.ci95[1]:+.1f}).</p>",
        ]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            f"<title>{_t(title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )
