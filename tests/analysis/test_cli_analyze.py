"""`wargame analyze`: JSON, the paired comparison, the HTML page and its mistakes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from wargame.cli_analysis import analyze

HERE = Path(__file__).parent
CAMPAIGN = str(HERE / "campaigns" / "one-unit-raid.toml")

app = typer.Typer()
app.command()(analyze)
app.command("noop")(lambda: None)  # two commands: `analyze` is then named, as in wargame


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["analyze", *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_has_the_runs_the_seed_and_the_score_distribution() -> None:
    code, out, _ = _run(CAMPAIGN, "--runs", "8", "--seed", "4", "--workers", "1", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["runs"], data["seed"]) == (8, 4)
    assert set(data["score"]) >= {"mean", "sd", "ci95", "p5", "p50", "p95"}
    assert sum(data["score"]["histogram"]["counts"]) == 8
    assert "paired" not in data


def test_against_default_reports_the_paired_differences() -> None:
    code, out, _ = _run(CAMPAIGN, "--runs", "6", "--against", "default", "--json")
    assert code == 0
    paired = json.loads(out)["paired"]
    assert paired["tie_share"] == 1.0  # the default doctrine against itself
    assert paired["mean_difference"] == 0.0 and paired["ci95"] == [0.0, 0.0]


def test_the_terminal_shows_the_score_and_a_histogram() -> None:
    code, out, _ = _run(CAMPAIGN, "--runs", "5")
    assert code == 0
    assert "seeds 1 to 5" in out and "score: mean" in out and "│" in out


def test_the_html_page_draws_its_histogram_inline_and_runs_no_script(tmp_path: Path) -> None:
    page = tmp_path / "analysis.html"
    code, _, err = _run(CAMPAIGN, "--runs", "5", "-o", str(page))
    assert code == 0 and "HTML page" in err
    html = page.read_text(encoding="utf-8")
    assert "<svg" in html and "<rect" in html
    assert "<script" not in html and "http-equiv" in html


def test_orders_and_save_together_are_refused(tmp_path: Path) -> None:
    orders = tmp_path / "orders.toml"
    orders.write_text("", encoding="utf-8")
    code, _, err = _run(CAMPAIGN, "--orders", str(orders), "--save", str(orders))
    assert code == 2 and "not both" in err


def test_a_missing_orders_file_is_one_line_naming_it(tmp_path: Path) -> None:
    code, _, err = _run(CAMPAIGN, "--against", str(tmp_path / "none.toml"))
    assert code == 2 and "none.toml" in err and "Traceback" not in err


def test_importing_the_command_loads_neither_numpy_nor_the_engine() -> None:
    code = (
        "import sys, wargame.cli_analysis, wargame.analysis;"
        "print(sorted(m for m in ('numpy', 'scipy', 'wargame.engine.game') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
