"""The code's shape, checked: module size and who may use whose private names.

A module that needs another module's ``_private`` name is asking for that name to
become public, documented and tested (STYLE.md, "Meet at public functions").
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "communique"
MAX_LINES = 700
# Debts being paid elsewhere, each with who pays it; remove an entry when it is paid.
OVER_SIZE: dict[str, str] = {}
PRIVATE_USES: dict[str, str] = {}
# The modules that know the store's schema: only they name its tables in SQL.
STORE_MODULES = {"communique/store.py", "communique/store_schema.py", "communique/store_rows.py",
                 "communique/store_queries.py", "communique/filters.py",
                 "communique/feedstore.py"}
# Modules with SQL over another database, whose tables may share a name with the store's.
OTHER_DATABASES = {"communique/extract/gazetteer.py": "gazetteer.sqlite has its own places table"}


def _modules():
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _dotted(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(path: Path, node: ast.ImportFrom) -> str:
    """The absolute module name of a ``from X import ...``."""
    if not node.level:
        return node.module or ""
    base = _dotted(path).split(".")
    if path.name != "__init__.py":
        base = base[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _defined(tree: ast.AST) -> set[str]:
    """Private names a module defines: functions, classes, module and instance attributes."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            out.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            out.add(node.attr)
    return {n for n in out if _private(n)}


def cross_module_private_uses(path: Path, elsewhere: set[str] = frozenset()) -> list[str]:
    """Private names of other communique modules that this module imports or reads.

    Args:
        elsewhere: private names defined in other communique modules; reading one as an
            attribute of an object (``store._lock``) counts when this module does not
            define a name of its own so spelled.
    """
    me = _dotted(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    mine = _defined(tree)
    found = []
    aliases: dict[str, str] = {}  # local name -> communique module it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            source = _resolve(path, node)
            if not source.startswith("communique"):
                continue
            for a in node.names:
                if _private(a.name) and source != me:
                    found.append((node.lineno, f"imports {source}.{a.name}"))
                aliases[a.asname or a.name] = f"{source}.{a.name}"
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("communique"):
                    aliases[a.asname or a.name] = a.name
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and _private(node.attr) and node.attr != "_"):
            continue
        owner = node.value.id if isinstance(node.value, ast.Name) else None
        if owner in ("self", "cls"):
            continue
        if owner in aliases and aliases[owner] != me:
            found.append((node.lineno, f"uses {aliases[owner]}.{node.attr}"))
        elif node.attr in elsewhere and node.attr not in mine:
            found.append((node.lineno, f"uses {ast.unparse(node)}, private to another module"))
    return [f"{me}:{n} {what}" for n, what in sorted(set(found))]


def _private_names_by_module() -> dict[Path, set[str]]:
    return {p: _defined(ast.parse(p.read_text(encoding="utf-8"))) for p in _modules()}


def test_no_module_uses_another_modules_private_names():
    defined = _private_names_by_module()
    found = []
    for p in _modules():
        elsewhere = set().union(*(names for q, names in defined.items() if q != p))
        found += cross_module_private_uses(p, elsewhere)
    found = [f for f in found if re.sub(r":\d+ ", ":", f, count=1) not in PRIVATE_USES]
    assert not found, "make these names public (and document them) or move the code:\n" + "\n".join(found)


def test_the_checker_sees_private_uses(tmp_path, monkeypatch):
    """The check above can fail: planted private imports and attribute uses are reported."""
    pkg = tmp_path / "communique"
    (pkg / "extract").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "extract" / "__init__.py").write_text("")
    (pkg / "extract" / "a.py").write_text("_X = 1\n")
    bad = pkg / "extract" / "b.py"
    bad.write_text("from .a import _X\nfrom communique.extract import a\nY = a._X\n"
                   "from .a import __doc__\ndef f(store):\n    return store._lock, store._mine\n"
                   "_mine = 2\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", pkg)
    assert cross_module_private_uses(bad, {"_lock", "_mine"}) == [
        "communique.extract.b:1 imports communique.extract.a._X",
        "communique.extract.b:3 uses communique.extract.a._X",
        "communique.extract.b:6 uses store._lock, private to another module"]


def test_no_module_is_over_700_lines():
    big = {str(p.relative_to(PACKAGE.parent)): n for p in _modules()
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
           and str(p.relative_to(PACKAGE.parent)) not in OVER_SIZE}
    assert not big, f"split these modules (at most {MAX_LINES} lines each): {big}"


def _internals_paths(text: str) -> list[str]:
    """Files and folders docs/internals.md names, relative to the repository root."""
    out = []
    block = text.split("## Package layout", 1)[1].split("```", 2)[1]
    folder = ""
    for line in block.splitlines():
        if not line.strip() or line.strip() == "communique/":
            continue
        word = line.split()[0]
        if line.startswith("  ") and not line.startswith("    "):
            if word.endswith("/") or word.endswith(".py"):
                folder = word if word.endswith("/") else ""
                out.append(f"communique/{word}")
        elif line.startswith("    ") and word.endswith(".py") and not line.startswith("     "):
            out.append(f"communique/{folder}{word}")
    for word in re.findall(r"[\w/]+\.(?:py|tsv|txt|json)\b", text):
        if word.startswith(("tests/", "communique/", "examples/", "scripts/", "docs/", "bench/")):
            out.append(word)
        elif word.startswith("data/"):
            out.append(f"communique/{word}")
        elif "/" in word:
            out.append(f"communique/{word}")
    return sorted(set(out))


def test_internals_names_only_real_modules():
    root = PACKAGE.parent
    text = (root / "docs" / "internals.md").read_text(encoding="utf-8")
    named = _internals_paths(text)
    assert "communique/extract/events/classify.py" in named and "communique/filters.py" in named
    missing = [p for p in named if not (root / p).exists()]
    assert not missing, f"docs/internals.md names what is not there: {missing}"


def test_internals_names_every_module():
    """A module added under communique/ gets its line in docs/internals.md's layout."""
    root = PACKAGE.parent
    named = set(_internals_paths((root / "docs" / "internals.md").read_text(encoding="utf-8")))
    modules = {str(p.relative_to(root)) for p in _modules()}
    packages = {str(p.parent.relative_to(root)) + "/" for p in _modules()
                if p.name == "__init__.py" and p.parent != PACKAGE}
    unnamed = sorted((modules | packages) - named
                     - {m for m in modules if m.endswith("/__init__.py")})
    assert not unnamed, f"add these to docs/internals.md's package layout: {unnamed}"


def store_tables() -> set[str]:
    """The tables the store's migrations create."""
    from communique.store_schema import MIGRATIONS

    return {"migrations"} | {
        m.group(1) for _, _, statements in MIGRATIONS for sql in statements
        for m in re.finditer(r"CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?(\w+)", sql)}


def sql_naming_store_tables(path: Path, tables: set[str]) -> list[str]:
    """Lines of ``path`` with a string (or f-string part) of SQL naming a store table."""
    sql = re.compile(rf"\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+({'|'.join(sorted(tables))})\b")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            for m in sql.finditer(node.value):
                found.add(f"{path.relative_to(PACKAGE.parent)}:{node.lineno} names {m.group(1)}")
    return sorted(found)


def test_only_the_store_modules_name_store_tables_in_sql():
    """The schema is known in one place: analytics, exports and the server call
    store_queries (or Store) instead of writing SQL over the store's tables."""
    tables = store_tables()
    assert {"events", "articles", "event_actors", "event_clusters", "feed_pages"} <= tables
    found = []
    for p in _modules():
        rel = str(p.relative_to(PACKAGE.parent))
        if rel not in STORE_MODULES and rel not in OTHER_DATABASES:
            found += sql_naming_store_tables(p, tables)
    assert not found, ("move this SQL behind a function of communique/store_queries.py "
                       "(or Store):\n" + "\n".join(found))


def test_the_sql_check_sees_store_tables(tmp_path, monkeypatch):
    """The check above can fail: SQL in a string or an f-string is found; prose is not."""
    pkg = tmp_path / "communique"
    pkg.mkdir()
    bad = pkg / "report.py"
    bad.write_text('"""Counts events from the store."""\n'
                   'SQL = "SELECT COUNT(*) FROM events e "\n'
                   'def f(w):\n    return f"SELECT 1 FROM x JOIN event_actors ea{w}"\n')
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", pkg)
    assert sql_naming_store_tables(bad, {"events", "event_actors"}) == [
        "communique/report.py:2 names events", "communique/report.py:4 names event_actors"]
