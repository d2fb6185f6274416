"""The layers stay apart: the engine and the campaign format know nothing of the
front ends, and nothing but the TUI pulls in textual."""

from __future__ import annotations

import ast
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

import wargame

PACKAGE = Path(wargame.__file__).parent

HEADLESS = [
    "wargame.campaign",
    "wargame.engine",
    "wargame.cli",
    "wargame.record",
    "wargame.report",
    "wargame.view",
    "wargame.play",
]
"""Modules that must import without textual; those not written yet are skipped."""

FRONT_ENDS = ("wargame.cli", "wargame.tui", "wargame.record", "wargame.report")
ENGINE_MAY_IMPORT = ("wargame.campaign", "wargame.engine", "wargame.errors")
THIRD_PARTY_FOR_ENGINE = {"numpy", "scipy"}


def _present(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def _imports(path: Path) -> list[tuple[int, str]]:
    module = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return _imports_in(path.read_text("utf-8"), module)


def _imports_in(source: str, module_parts: tuple[str, ...]) -> list[tuple[int, str]]:
    """(line, module) for every import in a module's source, relative ones resolved;
    `from package import name` also counts as importing `package.name` if that is a module."""
    tree = ast.parse(source)
    package = module_parts[:-1]  # for an __init__, its folder: the package itself
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            if module.split(".")[0] == "wargame":
                for alias in node.names:
                    sub = f"{module}.{alias.name}"
                    if _present(sub):
                        found.append((node.lineno, sub))
    return found


def _within(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def _python_files(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def test_importing_the_headless_modules_does_not_import_textual() -> None:
    modules = [m for m in HEADLESS if _present(m)]
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_the_headless_modules_include_at_least_the_campaign_engine_and_cli() -> None:
    assert all(_present(m) for m in ("wargame.campaign", "wargame.engine", "wargame.cli"))


@pytest.mark.parametrize("path", _python_files("engine"), ids=lambda p: p.name)
def test_an_engine_module_imports_only_the_standard_library_numpy_scipy_and_the_core(
    path: Path,
) -> None:
    wrong = [
        f"line {line}: {module}"
        for line, module in _imports(path)
        if not (
            module == "__future__"
            or module.split(".")[0] in sys.stdlib_module_names
            or module.split(".")[0] in THIRD_PARTY_FOR_ENGINE
            or _within(module, ENGINE_MAY_IMPORT)
            or module == "wargame"  # names from the package root; its modules are checked apart
        )
    ]
    assert wrong == []


@pytest.mark.parametrize("path", _python_files("engine"), ids=lambda p: p.name)
def test_an_engine_module_never_imports_a_front_end(path: Path) -> None:
    assert [m for _, m in _imports(path) if _within(m, FRONT_ENDS)] == []


@pytest.mark.parametrize("path", _python_files("campaign"), ids=lambda p: p.name)
def test_a_campaign_module_never_imports_the_engine_or_a_front_end(path: Path) -> None:
    assert [m for _, m in _imports(path) if _within(m, ("wargame.engine", *FRONT_ENDS))] == []


def test_the_import_check_sees_relative_and_package_imports() -> None:
    source = "from .. import cli\nfrom ..campaign import schema\nimport numpy\n"
    imports = [m for _, m in _imports_in(source, ("wargame", "engine", "probe"))]
    assert imports == [
        "wargame",
        "wargame.cli",
        "wargame.campaign",
        "wargame.campaign.schema",
        "numpy",
    ]
    assert _within("wargame.cli", FRONT_ENDS)
