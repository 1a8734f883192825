"""Binder as a student meets it: binder/ holds a lean runtime, opens 00-start-here, no news popup.

repo2docker cannot run here, so the checks are offline: the files parse, the runtime pins the lock's
version of every runtime dependency of pyproject.toml (and of the `lab` extra) and holds none of the
test tools, its Python is `python=3.11` as repo2docker reads it, postBuild installs the package and
the overrides, and the page it opens exists.
"""

from __future__ import annotations

import json
import re

from packaging.utils import canonicalize_name
from test_environment import (
    REPO2DOCKER_PYTHON,
    assert_pins_the_lock,
    conda_packages,
    lock_python,
    requirements,
    runtime,
)

from trendlib.paths import project_root

ROOT = project_root()
BINDER = ROOT / "binder"


def test_binder_runtime_pins_the_locks_version_of_every_runtime_dependency_and_no_test_tools():
    specs = assert_pins_the_lock(BINDER / "environment.yml", runtime())
    needed = {canonicalize_name(r.name) for r in runtime()}
    extra = set(specs) - needed
    assert not extra, f"binder/environment.yml holds packages the notebooks do not need: {sorted(extra)}"
    tools = {canonicalize_name(r.name) for r in requirements("test")} - needed
    assert tools and not tools & set(specs)


def test_repo2docker_reads_python_3_11_from_binder():
    # repo2docker's conda buildpack: `python>=3.11` is not seen and the image keeps its default Python
    _, _, python = conda_packages(BINDER / "environment.yml")
    assert python == "python=3.11" == f"python={lock_python()}"
    assert REPO2DOCKER_PYTHON.match(python)[1] == "3.11"
    assert REPO2DOCKER_PYTHON.match("python>=3.11") is None, "the form it ignores"


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
