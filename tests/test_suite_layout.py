"""The suite's own rules: test modules share code through ``helpers``, ``factories``,
``media_files`` and fixtures in ``conftest``, never by importing one another; and every
test has a node id of its own.

A test module imported by another is collected twice over in effect: its module-level
fixtures, marks and set-up run for both, and a change to one silently changes the other.
"""

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
TEST_MODULE = re.compile(r"tests\.test_\w+(\..*)?")


def imported_names(path: Path) -> list[str]:
    """Every module (and ``module.name``) that ``path`` imports, relative imports resolved
    from the tests package, wherever the import statement is (inside functions too)."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(filter(None, ["tests", base]))
            names.append(base)
            names += [f"{base}.{alias.name}" for alias in node.names]
    return names


def test_no_module_of_the_suite_imports_a_test_module():
    found = {
        path.name: sorted({name for name in imported_names(path) if TEST_MODULE.fullmatch(name)})
        for path in sorted(TESTS.glob("*.py"))
    }
    offenders = {module: names for module, names in found.items() if names}
    assert not offenders, (
        f"Test modules imported elsewhere: {offenders}. Move what they share to "
        "tests/helpers.py (functions) or tests/conftest.py (fixtures)."
    )


def test_the_check_sees_every_way_of_importing(tmp_path):
    module = tmp_path / "test_example.py"
    module.write_text(
        "import tests.test_a\n"
        "from tests.test_b import thing\n"
        "from tests import test_c\n"
        "from . import test_d\n"
        "def f():\n"
        "    from .test_e import other\n",
        encoding="utf-8",
    )
    names = {name for name in imported_names(module) if TEST_MODULE.fullmatch(name)}
    assert {name.split(".")[1] for name in names} == {f"test_{c}" for c in "abcde"}


def test_every_collected_test_has_an_id_of_its_own(request):
    """pytest-xdist hands tests to its workers by node id: of two tests with one id, one
    would silently never run."""
    ids = [item.nodeid for item in request.session.items]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
