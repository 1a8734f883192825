"""environment.yml (conda, Binder) and pyproject.toml (pip) ask for the same things.

No conda here, so the check is offline: parse both and compare.
"""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]

#: PyPI name → conda-forge name, where they differ.
CONDA_NAMES = {"fastjsonschema": "python-fastjsonschema"}


def requirement(spec: str) -> tuple[str, str]:
    """('PyYAML', '>=6.0') from 'PyYAML>=6.0'; names compared case-insensitively."""
    m = re.fullmatch(r"([A-Za-z0-9_.\-]+)\s*(.*)", spec.strip())
    return m[1].lower().replace("_", "-"), m[2].replace(" ", "")


def test_every_pyproject_dependency_is_in_environment_yml_with_the_same_bound():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *(d for extra in project["optional-dependencies"].values() for d in extra)]
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = dict(requirement(d) for d in env["dependencies"] if isinstance(d, str))
    for spec in wanted:
        name, bound = requirement(spec)
        name = CONDA_NAMES.get(name, name)
        assert name in conda, f"{name} is in pyproject.toml but not in environment.yml"
        assert conda[name] == bound, f"{name}: pyproject says {bound!r}, environment.yml says {conda[name]!r}"
    assert conda["python"] == project["requires-python"]


def test_environment_installs_the_package_from_conda_forge():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip
