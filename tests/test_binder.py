"""Binder as a student meets it: binder/ holds a lean runtime, opens 00-start-here, no news popup.

repo2docker cannot run here, so the checks are offline: the files parse, the runtime has every
dependency of pyproject.toml (same lower bounds) and none of the test tools, postBuild installs the
package and the overrides, and the page it opens exists.
"""

from __future__ import annotations

import json
import re
import tomllib

import yaml

from test_environment import CONDA_NAMES, requirement
from trendlib.paths import project_root

ROOT = project_root()
BINDER = ROOT / "binder"


def conda_dependencies(path):
    env = yaml.safe_load(path.read_text(encoding="utf-8"))
    return env, dict(requirement(d) for d in env["dependencies"] if isinstance(d, str))


def test_binder_runtime_has_every_dependency_with_the_same_bound_and_no_test_tools():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    env, conda = conda_dependencies(BINDER / "environment.yml")
    assert env["channels"] == ["conda-forge"]
    for spec in [*project["dependencies"], *project["optional-dependencies"]["lab"]]:
        name, bound = requirement(spec)
        name = CONDA_NAMES.get(name, name)
        assert conda.get(name) == bound, f"binder/environment.yml: {name} should be {bound!r}, is {conda.get(name)!r}"
    runtime = {CONDA_NAMES.get(requirement(s)[0], requirement(s)[0]) for s in
               [*project["dependencies"], *project["optional-dependencies"]["lab"]]}
    extra = set(conda) - runtime - {"python", "pip"}
    assert not extra, f"binder/environment.yml holds packages the notebooks do not need: {sorted(extra)}"
    assert conda["python"] == project["requires-python"]


def test_post_build_installs_the_package_the_overrides_and_the_start_page():
    script = (BINDER / "postBuild").read_text(encoding="utf-8")
    assert script.startswith("#!/bin/bash") and "set -euo pipefail" in script
    assert (BINDER / "postBuild").stat().st_mode & 0o111, "postBuild must be executable"
    assert re.search(r"pip install --no-deps -e \.", script)
    assert "binder/overrides.json" in script and "share/jupyter/lab/settings" in script
    assert "binder/jupyter_server_config.py" in script


def test_the_news_popup_is_switched_off():
    overrides = json.loads((BINDER / "overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def test_a_notebook_starts_its_kernel_without_asking():
    # on a slow start JupyterLab otherwise asks "Select Kernel" (seen in tests/test_browser.py)
    overrides = json.loads((BINDER / "overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/notebook-extension:tracker"]["autoStartDefaultKernel"] is True


def test_jupyterlab_opens_the_first_notebook():
    config = (BINDER / "jupyter_server_config.py").read_text(encoding="utf-8")
    url = re.search(r'default_url = "([^"]+)"', config).group(1)
    assert url.startswith("/lab/tree/")
    assert (ROOT / url.removeprefix("/lab/tree/")).is_file()


def test_the_readme_launches_binder_without_a_placeholder():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "OWNER/REPO" not in readme
    assert "mybinder.org" in readme and "00-start-here.ipynb" in readme
