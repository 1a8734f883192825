"""Re-resolve the lock and write its versions into the conda environment files (`make lock`).

    python tools/lock.py [--uv PATH] [uv pip compile flags, e.g. --upgrade]
    python tools/lock.py --pins-only        # only step 2, from the lock as it is

1. `uv pip compile` resolves pyproject.toml (every extra) for Python 3.11 on Linux into
   requirements/lock.txt: the exact version of every package, direct and transitive, with hashes.
   Without --upgrade (or --upgrade-package NAME), uv keeps the versions already in the lock
   wherever they still satisfy pyproject.toml, so a new dependency does not move the others.
2. environment.yml (conda, test tools included) and binder/environment.yml (Binder's runtime)
   get `python=3.11` and the lock's exact version of every package they list (`name==version`,
   in the conda list or under `pip:`), and every pyproject dependency they miss (binder/: the
   runtime and the `lab` extra, never the test tools) is added before their `- pip` line.

Comments and order of the environment files are kept. Only the standard library is used, so
this runs in a .venv that holds nothing but uv. tests/test_environment.py and
tests/test_binder.py check the result (make lock runs them).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = "requirements/lock.txt"
PYTHON_VERSION = "3.11"
PLATFORM = "x86_64-unknown-linux-gnu"
COMPILE = [
    "pip",
    "compile",
    "pyproject.toml",
    "--all-extras",
    "--python-version",
    PYTHON_VERSION,
    "--python-platform",
    PLATFORM,
    "--generate-hashes",
    "--quiet",
    "-o",
    LOCK,
]
#: PyPI name → conda-forge name, where they differ (as in tests/test_environment.py).
CONDA_NAMES = {"fastjsonschema": "python-fastjsonschema"}
PYPI_NAMES = {conda: pypi for pypi, conda in CONDA_NAMES.items()}

NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")  # PEP 508 name
ENTRY = re.compile(r"^(?P<indent>\s*)-\s+(?P<spec>[^#\s][^#]*?)\s*(?P<comment>#.*)?$")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock_versions(text: str) -> dict[str, str]:
    """{'pandas': '3.1.1', …} from uv's `name==version \\` lines."""
    return {canonical(m[1]): m[2] for m in re.finditer(rf"^({NAME.pattern})==(\S+?)(?:\s|$)", text, re.MULTILINE)}


def wanted(project: dict, extras: list[str]) -> list[str]:
    """Canonical PyPI names of the dependencies and the named extras, in pyproject order, once each."""
    specs = [*project["dependencies"], *(s for extra in extras for s in project["optional-dependencies"][extra])]
    return list(dict.fromkeys(canonical(NAME.match(s.strip())[0]) for s in specs))


def repin(text: str, versions: dict[str, str], need: list[str], path: str) -> str:
    """The environment file `text` with python=3.11, every package pinned, the missing ones added."""
    lines = text.splitlines()
    listed: set[str] = set()
    pip_line = None  # index of the top-level `- pip`
    top = None  # indentation of the top-level dependency entries
    in_deps = in_pip = False
    for i, line in enumerate(lines):
        if re.match(r"^dependencies:\s*$", line):
            in_deps = True
            continue
        if in_deps and line and not line[0].isspace() and not line.startswith("#"):
            in_deps = False
        m = ENTRY.match(line) if in_deps else None
        if not m:
            continue
        indent, spec = m["indent"], m["spec"]
        if top is None:
            top = indent
        if len(indent) == len(top):
            in_pip = spec.startswith("pip:")
            if in_pip or spec == "pip":
                pip_line = i if spec == "pip" else pip_line
                continue
        elif not in_pip:
            continue
        if spec.startswith("-"):  # `-e .`, an option of pip
            continue
        name = NAME.match(spec)[0]
        if name == "python" and not in_pip:
            new = f"python={PYTHON_VERSION}"
        else:
            pypi = canonical(name) if in_pip else canonical(PYPI_NAMES.get(name, name))
            if pypi not in versions:
                sys.exit(
                    f"lock: {path} lists {name!r}, which {LOCK} does not hold; remove it from {path} "
                    f"or add it to pyproject.toml"
                )
            listed.add(pypi)
            new = f"{name}=={versions[pypi]}"
        comment = f"  {m['comment']}" if m["comment"] else ""
        lines[i] = f"{indent}- {new}{comment}"
    missing = [n for n in need if n not in listed]
    if missing:
        if pip_line is None:
            sys.exit(f"lock: {path} has no `- pip` entry to add {missing} before")
        lines[pip_line:pip_line] = [f"{top}- {CONDA_NAMES.get(n, n)}=={versions[n]}" for n in missing]
        print(f"lock: added to {path}: {', '.join(missing)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uv", help="the uv to run (default: next to this Python, else on PATH)")
    parser.add_argument("--pins-only", action="store_true", help="do not re-resolve; only rewrite the pins")
    args, compile_flags = parser.parse_known_args(argv)
    if not args.pins_only:
        uv = args.uv or shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
        if not uv:
            sys.exit("lock: no uv found; run `make lock`, which installs it into .venv")
        (ROOT / LOCK).parent.mkdir(exist_ok=True)
        subprocess.run([uv, *COMPILE, *compile_flags], cwd=ROOT, check=True)
    versions = lock_versions((ROOT / LOCK).read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    everything = wanted(project, list(project.get("optional-dependencies", {})))
    for path, need in [("environment.yml", everything), ("binder/environment.yml", wanted(project, ["lab"]))]:
        old = (ROOT / path).read_text(encoding="utf-8")
        new = repin(old, versions, need, path)
        if new != old:
            (ROOT / path).write_text(new, encoding="utf-8")
            print(f"lock: {path} now pins the versions of {LOCK}")
    print(f"lock: {LOCK} holds {len(versions)} packages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
