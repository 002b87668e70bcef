"""The tree matches its description: the README's "What is where" and each package's docstring."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "speeches"
# Django's own places, described by the framework rather than by us.
FRAMEWORK = {"migrations", "templatetags"}


def what_is_where() -> dict[str, str]:
    """The table's rows: its first cell (paths) → the whole row."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What is where\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return {row.split("|")[1]: row for row in rows}


def packages() -> list[Path]:
    return sorted(
        path.parent
        for path in APP.glob("*/__init__.py")
        if path.parent.name not in FRAMEWORK | {"management"}
    )


def test_every_path_in_the_table_exists():
    for paths in what_is_where():
        for name in re.findall(r"`([^`]+)`", paths):
            assert (ROOT / name).exists(), f"README names {name}, which is not in the tree"


@pytest.mark.parametrize("package", packages(), ids=lambda path: path.name)
def test_every_package_and_its_modules_are_in_the_table(package):
    rows = [row for paths, row in what_is_where().items() if f"`speeches/{package.name}/`" in paths]
    assert rows, f"speeches/{package.name}/ has no row in the README's What is where"
    for module in package.glob("*.py"):
        if module.name != "__init__.py":
            assert f"`{module.name}`" in rows[0], f"{module.name} is not described in its row"


def test_every_module_at_the_top_of_the_app_is_in_the_table():
    paths = " ".join(what_is_where())
    for module in APP.glob("*.py"):
        if module.name not in {"__init__.py", "apps.py"}:
            assert f"`speeches/{module.name}`" in paths, f"speeches/{module.name} is missing"


@pytest.mark.parametrize("package", packages(), ids=lambda path: path.name)
def test_every_package_says_what_it_owns_and_may_import(package):
    docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text()))
    assert docstring, f"speeches/{package.name}/__init__.py has no docstring"
    assert "May import" in docstring, f"speeches/{package.name} does not say what it may import"
