"""The program works without network code and without the modules the frozen build leaves out."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dqsa.export import offline

BLOCKED_RUN = textwrap.dedent(
    """
    import importlib.abc, socket, sys

    BLOCKED = {blocked!r}

    class Blocker(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if any(name == b or name.startswith(b + ".") for b in BLOCKED):
                raise ModuleNotFoundError(f"blocked: {{name}}", name=name)
            return None

    sys.meta_path.insert(0, Blocker())

    def no_network(*args, **kwargs):
        raise AssertionError(f"network connection attempted: {{args}}")

    socket.socket.connect = no_network
    socket.socket.connect_ex = no_network
    socket.create_connection = no_network

    from dqsa.ui.selftest import run_self_test

    code = run_self_test()
    loaded = sorted(b for b in BLOCKED if b in sys.modules)
    print("LOADED", loaded)
    sys.exit(code or (1 if loaded else 0))
    """
)


def test_the_self_test_passes_without_the_modules_the_build_leaves_out(private_home: Path) -> None:
    code = BLOCKED_RUN.format(blocked=offline.NOT_NEEDED)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, encoding="utf-8", timeout=180
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "自检通过" in done.stdout and "LOADED []" in done.stdout


def test_the_stand_in_time_stamper_refuses_to_go_online() -> None:
    offline.install()
    from pyhanko.sign.timestamps import HTTPTimeStamper

    with pytest.raises(RuntimeError, match="离线"):
        HTTPTimeStamper("http://tsa.example")


def test_the_stand_in_fetchers_refuse_to_go_online() -> None:
    offline.install()
    from pyhanko.sign.validation import ades  # imports the fetcher backend at module level

    with pytest.raises(RuntimeError, match="离线"):
        ades.AIOHttpFetcherBackend()
