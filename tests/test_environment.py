"""One lock, everything in step: pyproject.toml states what the code needs (lower bounds),
requirements/lock.txt what was tested (exact versions, what `make` installs), and the conda files
(environment.yml, binder/environment.yml) pin the lock's versions.

No conda here, so the checks are offline: parse the files and compare. `make lock` (tools/lock.py)
rewrites the lock and the pins together; these tests say when someone edited one without the other.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements" / "lock.txt"

#: PyPI name → conda-forge name, where they differ.
CONDA_NAMES = {"fastjsonschema": "python-fastjsonschema"}
PYPI_NAMES = {conda: pypi for pypi, conda in CONDA_NAMES.items()}

#: the environment the lock is resolved for (uv pip compile --python-version 3.11 --python-platform …linux…)
LOCK_TARGET = {"python_version": "3.11", "sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"}

#: how repo2docker's conda buildpack reads the Python version of environment.yml
REPO2DOCKER_PYTHON = re.compile(r"python\s*=+\s*([\d\.]*)")


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def requirements(*extras: str) -> list[Requirement]:
    """pyproject's dependencies, then those of the named extras (all of them when none is named)."""
    p = project()
    extras = extras or tuple(p["optional-dependencies"])
    reqs = [Requirement(s) for s in [*p["dependencies"], *(s for e in extras for s in p["optional-dependencies"][e])]]
    # the lock is for Python 3.11 on Linux: a dependency marked for elsewhere is not in it
    return [r for r in reqs if not r.marker or r.marker.evaluate(LOCK_TARGET)]


def runtime() -> list[Requirement]:
    """What the notebooks need to run in JupyterLab: the dependencies and the `lab` extra."""
    return requirements("lab")


def lock_entries() -> dict[str, Requirement]:
    """{canonical name: Requirement} of requirements/lock.txt, one per `name==version \\ --hash=…` entry."""
    text = re.sub(r"\\\n", " ", LOCK.read_text(encoding="utf-8"))
    entries = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line.split(" --hash=", 1)[0])
        assert canonicalize_name(req.name) not in entries, f"lock.txt lists {req.name} twice"
        entries[canonicalize_name(req.name)] = req
    return entries


def pinned(req: Requirement) -> Version | None:
    """The exact version of a `name==version` requirement, else None."""
    (spec, *more) = list(req.specifier) or [None]
    return Version(spec.version) if spec and not more and spec.operator == "==" else None


def lock_versions() -> dict[str, Version]:
    return {name: pinned(req) for name, req in lock_entries().items()}


def lock_python() -> str:
    """The Python the lock was resolved for, from the `uv pip compile` command in its header."""
    header = LOCK.read_text(encoding="utf-8").split("\n", 3)[:3]
    m = re.search(r"--python-version[ =](\S+)", "\n".join(header))
    assert m, "lock.txt's header has no `uv pip compile … --python-version X.Y` command"
    return m[1]


def conda_packages(path: Path) -> tuple[dict, dict[str, str], str | None]:
    """(the environment, {canonical PyPI name: spec as written}, the python entry).

    Conda entries are named as on conda-forge and mapped back to PyPI names; entries under `pip:`
    are PyPI names already. `pip` itself and pip options (`-e .`) are left out.
    """
    env = yaml.safe_load(path.read_text(encoding="utf-8"))
    specs: dict[str, str] = {}
    python = None
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for spec in dep.get("pip", []):
                if not spec.startswith("-"):
                    specs[canonicalize_name(Requirement(spec).name)] = spec
            continue
        name = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", dep)[0]
        if name == "python":
            python = dep
        elif name != "pip":
            specs[canonicalize_name(PYPI_NAMES.get(name, name))] = dep
    return env, specs, python


def assert_pins_the_lock(path: Path, wanted: list[Requirement]) -> dict[str, str]:
    """Every package of `wanted` is listed in `path`, and everything listed pins the lock's version."""
    where = path.relative_to(ROOT)
    env, specs, python = conda_packages(path)
    assert env["channels"] == ["conda-forge"], f"{where}: channels"
    missing = [r.name for r in wanted if canonicalize_name(r.name) not in specs]
    assert not missing, f"{where} lacks {missing} (run `make lock`, which adds them)"
    locked = lock_versions()
    wrong = {}
    for name, spec in specs.items():
        version = pinned(Requirement(spec))  # conda's `pandas==3.1.1` is PEP 508 too
        if name not in locked or version != locked[name]:
            wrong[spec] = str(locked.get(name, "not in the lock"))
    assert not wrong, f"{where} pins other versions than requirements/lock.txt {wrong} (run `make lock`)"
    # repo2docker takes the first entry its pattern matches; `python>=3.11` it does not read at all
    seen = [m[1] for d in env["dependencies"] if isinstance(d, str) and (m := REPO2DOCKER_PYTHON.match(d))]
    assert seen == [lock_python()], f"{where}: python is {python!r}; write `- python={lock_python()}`"
    assert python == f"python={lock_python()}"
    return specs


def test_every_pyproject_dependency_is_in_the_lock_at_a_version_its_lower_bound_allows():
    locked = lock_versions()
    for req in requirements():
        name = canonicalize_name(req.name)
        assert name in locked, f"{req.name} is in pyproject.toml but not in requirements/lock.txt (run `make lock`)"
        assert req.specifier.contains(locked[name], prereleases=True), (
            f"requirements/lock.txt has {req.name}=={locked[name]}, which pyproject.toml's {req} excludes"
        )


def test_the_lock_pins_every_package_exactly_with_hashes_for_the_python_the_environments_name():
    entries = lock_entries()
    assert len(entries) > len(requirements()), "the lock holds the transitive dependencies too"
    loose = [str(r) for r in entries.values() if pinned(r) is None or r.marker or r.url]
    assert not loose, f"requirements/lock.txt has entries that are not `name==version`: {loose}"
    text = re.sub(r"\\\n", " ", LOCK.read_text(encoding="utf-8"))
    lines = [ln.strip() for ln in text.splitlines()]
    unhashed = [ln.split()[0] for ln in lines if ln and not ln.startswith("#") and "--hash=sha256:" not in ln]
    assert not unhashed, f"entries without hashes: {unhashed}"
    assert "trendlib" not in entries, "the package itself is installed from the work tree, not locked"
    assert lock_python() == "3.11"
    assert re.match(r">=\s*3\.11$", project()["requires-python"]), "the lock's Python must be allowed"
    assert "--python-platform x86_64-unknown-linux-gnu" in LOCK.read_text(encoding="utf-8").split("\n", 2)[1]


def test_make_installs_the_lock_then_the_package_without_dependencies():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^LOCK\s*:=\s*requirements/lock\.txt$", makefile, re.MULTILINE)
    stamp = re.search(r"^\$\(STAMP\):(.*)\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert "$(LOCK)" in stamp[1], "the .venv must be rebuilt when the lock changes"
    assert "uv pip sync" in stamp[2] and "$(LOCK)" in stamp[2]
    assert re.search(r"uv pip install .*--no-deps -e \.", stamp[2])
    assert "[test]" not in stamp[2], "dependencies come from the lock, not from a fresh resolution"


@pytest.mark.parametrize("path", ["environment.yml", "binder/environment.yml"])
def test_the_conda_environments_pin_exactly_the_locks_versions(path):
    wanted = requirements() if path == "environment.yml" else runtime()
    assert_pins_the_lock(ROOT / path, wanted)


def test_environment_installs_the_package_itself():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip
    assert "pip" in env["dependencies"], "conda's pip runs the `pip:` entries"


def test_the_lock_script_writes_what_these_tests_expect():
    # tools/lock.py runs without packaging or PyYAML (in a .venv that holds only uv): its own
    # parsing must agree with this module's
    import importlib.util

    spec = importlib.util.spec_from_file_location("lock", ROOT / "tools" / "lock.py")
    lock = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lock)
    assert lock.CONDA_NAMES == CONDA_NAMES
    assert lock.PYTHON_VERSION == lock_python()
    assert lock.LOCK == str(LOCK.relative_to(ROOT))
    assert {n: Version(v) for n, v in lock.lock_versions(LOCK.read_text(encoding="utf-8")).items()} == lock_versions()
    for path in ["environment.yml", "binder/environment.yml"]:
        text = (ROOT / path).read_text(encoding="utf-8")
        need = lock.wanted(
            project(), list(project()["optional-dependencies"]) if path == "environment.yml" else ["lab"]
        )
        assert lock.repin(text, lock.lock_versions(LOCK.read_text(encoding="utf-8")), need, path) == text, (
            f"{path} is not what `make lock` writes"
        )
