"""The runtime floors in pyproject.toml are the versions CI tests with (issue 22).

.ci/run installs .ci/floors.txt as constraints and runs the suite again, so every
`>=` floor a user may get is proven; this test keeps the two files saying the same.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENT = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)(\[[^\]]*\])?(?P<spec>[^;]*)")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_floors() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    floors: dict[str, str] = {}
    for requirement in project["dependencies"]:
        found = REQUIREMENT.match(requirement)
        assert found, requirement
        lowest = [part.strip()[2:] for part in found["spec"].split(",") if ">=" in part]
        assert lowest, f"{requirement}: every runtime dependency names its lowest version"
        floors[_normal(found["name"])] = lowest[0].strip()
    return floors


def pinned() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / ".ci" / "floors.txt").read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[_normal(name)] = version.strip()
    return pins


def test_every_runtime_floor_is_pinned_in_the_floors_ci_installs() -> None:
    assert pinned() == runtime_floors()
