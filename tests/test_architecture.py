"""The core never imports Qt: only missiondesk/ui may."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "desktop" / "missiondesk"
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6", "qtpy", "pytestqt")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_module_outside_ui_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for name in _imports(path):
            if name.split(".")[0] in QT_MODULES:
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_the_check_sees_qt_imports_in_ui():
    """Guard against a check that passes because it reads nothing."""
    ui_imports = set().union(*(_imports(p) for p in (PACKAGE / "ui").rglob("*.py")))
    assert any(name.startswith("PySide6") for name in ui_imports)
