"""The Windows build's rules and generated inputs, checked on any machine.

packaging/trim.py decides what the frozen bundle keeps; it is checked here on Windows
and Linux file names alike. build.py's version resource and icon are checked too.
The frozen build itself is proven by ``python packaging/build.py`` (its self-test).
"""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from PIL import Image

PACKAGING = Path(__file__).resolve().parent.parent / "packaging"


def load(name: str) -> ModuleType:
    """Load packaging/NAME.py by path (a folder named "packaging" would shadow PyPI's packaging)."""
    spec = importlib.util.spec_from_file_location(f"dqsa_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


trim = load("trim")
build = load("build")


@pytest.mark.parametrize(
    ("dest", "expected"),
    [
        ("PySide6/Qt6Core.dll", True),
        ("PySide6/Qt6Widgets.dll", True),
        ("PySide6/Qt6Svg.dll", True),
        ("PySide6/QtWidgets.pyd", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/plugins/platforms/qoffscreen.dll", True),
        ("PySide6/plugins/platforms/qdirect2d.dll", False),
        ("PySide6/plugins/platforms/qxcb.dll", False),
        ("PySide6/plugins/imageformats/qjpeg.dll", True),
        ("PySide6/plugins/imageformats/qtiff.dll", False),
        ("PySide6/plugins/imageformats/qpdf.dll", False),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/plugins/iconengines/qsvgicon.dll", True),
        ("PySide6/plugins/tls/qschannelbackend.dll", False),
        ("PySide6/plugins/networkinformation/qnetworklistmanager.dll", False),
        ("PySide6/plugins/generic/qtuiotouchplugin.dll", False),
        ("PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll", False),
        ("PySide6/translations/qtbase_zh_CN.qm", True),
        ("PySide6/translations/qtbase_en.qm", True),
        ("PySide6/translations/qtbase_de.qm", False),
        ("PySide6/translations/qt_help_zh_CN.qm", False),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/Qt6Quick.dll", False),
        ("PySide6/Qt6Network.dll", False),
        ("PySide6/Qt6Pdf.dll", False),
        ("PySide6/Qt6OpenGL.dll", False),
        ("cryptography/hazmat/bindings/_rust.pyd", True),
        ("resources/translations/dqsa_en.qm", True),  # the program's own, not Qt's
        ("resources/i18n/dqsa_en.qm", True),
        ("resources/i18n/dqsa_en.ts", False),  # its source: only the compiled file is loaded
    ],
)
def test_what_the_windows_bundle_keeps(dest: str, expected: bool) -> None:
    assert trim.kept(dest, windows=True) is expected


@pytest.mark.parametrize(
    ("dest", "expected"),
    [
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/Qt/lib/libicudata.so.73", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqwindows.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", False),
        ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", False),
        ("PySide6/Qt/lib/libQt6OpenGL.so.6", False),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_ja.qm", False),
    ],
)
def test_what_the_linux_bundle_keeps(dest: str, expected: bool) -> None:
    assert trim.kept(dest, windows=False) is expected


def test_orphan_libraries_go_and_needed_ones_stay() -> None:
    binaries = [
        ("PIL/_imaging.cpython-311-x86_64-linux-gnu.so", "/src/_imaging.so", "EXTENSION"),
        ("pillow.libs/libjpeg-1.so.62", "/src/libjpeg.so", "BINARY"),
        ("pillow.libs/liblcms2-2.so.2", "/src/liblcms2.so", "BINARY"),  # only ImageCms needed it
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libX11.so.6", "/src/libX11.so.6", "BINARY"),
        ("libxcb.so.1", "/src/libxcb.so.1", "BINARY"),  # needed through libX11
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),  # only the dropped GTK theme needed it
        ("libpython3.11.so.1.0", "/src/libpython.so", "BINARY"),
    ]
    links = {
        "/src/_imaging.so": ["libjpeg-1.so.62", "libc.so.6"],
        "/src/libqxcb.so": ["libX11.so.6"],
        "/src/libX11.so.6": ["libxcb.so.1"],
    }
    kept, dropped = trim.prune_orphans(binaries, lambda src: links.get(src, []))
    assert dropped == ["libcairo.so.2", "liblcms2-2.so.2"]
    assert len(kept) == len(binaries) - 2
    assert ("libpython3.11.so.1.0", "/src/libpython.so", "BINARY") in kept


def test_the_windows_version_resource_carries_the_version(tmp_path: Path) -> None:
    target = tmp_path / "version_info.txt"
    build.write_version_info(target, "1.2.3")
    tree = ast.parse(target.read_text(encoding="utf-8"))
    calls = {
        node.func.id: node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert {"VSVersionInfo", "FixedFileInfo", "StringFileInfo", "VarFileInfo"} <= calls.keys()
    fixed = {kw.arg: ast.literal_eval(kw.value) for kw in calls["FixedFileInfo"].keywords}
    assert fixed["filevers"] == fixed["prodvers"] == (1, 2, 3, 0)
    strings = {
        ast.literal_eval(node.args[0]): ast.literal_eval(node.args[1])
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "StringStruct"
    }
    assert strings["FileVersion"] == strings["ProductVersion"] == "1.2.3"
    assert strings["OriginalFilename"] == "dqsa.exe"
    assert "党群服务中心" in strings["FileDescription"]


def test_the_icon_has_every_size_windows_asks_for(tmp_path: Path) -> None:
    icon = tmp_path / "dqsa.ico"
    build.make_icon(icon)
    with Image.open(icon) as image:
        assert image.format == "ICO"
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(image.info["sizes"])


def test_the_windows_workflow_is_valid_and_builds_the_installer() -> None:
    workflow = PACKAGING.parent / ".github" / "workflows" / "windows.yml"
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(workflow)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    job = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]["build"]
    assert job["runs-on"].startswith("windows")
    runs = " ".join(step.get("run", "") for step in job["steps"])
    assert "packaging/build.py" in runs and "nsis" in runs and "--max-installer-mb 50" in runs
    uploads = [step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact")]
    assert uploads and uploads[0]["with"]["path"] == "dist/dqsa-setup-*.exe"


EXPORT_WITHOUT_FONT_ENGINES = """
import importlib.abc, sys, tempfile
from pathlib import Path

BLOCKED = {blocked!r}

class Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if any(name == b or name.startswith(b + ".") for b in BLOCKED):
            raise ModuleNotFoundError(f"blocked: {{name}}", name=name)
        return None

sys.meta_path.insert(0, Blocker())

from dqsa.answers_file import load_answers_file
from dqsa.export.packet import export_packet
from dqsa.export.verify import verify_packet
from dqsa.store.service import CenterStore

folder = Path(tempfile.mkdtemp())
with CenterStore.open(folder / "c.dqsa", create=True) as store:
    store.import_answers(load_answers_file(Path({answers!r})))
    result = export_packet(store, 2026, signer_name="张伟", signer_title="书记", passphrase="口令123456", out_dir=folder)
assert verify_packet(result.path).ok
from PIL import Image, ImageDraw  # the demo desk draws its photos with shapes, no text
ImageDraw.Draw(Image.new("RGB", (40, 30))).rectangle((5, 5, 20, 20), fill=(196, 43, 28))
print("LOADED", sorted(b for b in BLOCKED if b in sys.modules))
"""


def test_an_export_needs_none_of_the_font_engines(tmp_path: Path) -> None:
    """The frozen bundle leaves both out (packaging/dqsa.spec): the report and stamp must not need them."""
    script = EXPORT_WITHOUT_FONT_ENGINES.format(
        blocked=list(trim.FONT_ENGINES), answers=str(Path(__file__).parent / "data" / "village-weak.json")
    )
    env = {**os.environ, "DQSA_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=180
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "LOADED []" in result.stdout
    spec = (PACKAGING / "dqsa.spec").read_text(encoding="utf-8")
    assert "*FONT_ENGINES" in spec and "uharfbuzz" not in spec.split("excludes =")[0]
    import tomllib

    project = tomllib.loads((PACKAGING.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pyhanko = [d for d in project["dependencies"] if d.lower().startswith("pyhanko")]
    assert pyhanko and all("[" not in d for d in pyhanko)  # not pyHanko[opentype]: nothing installs them
    assert not any(d.lower().startswith(("fonttools", "uharfbuzz")) for d in project["dependencies"])


def test_the_bundle_carries_the_guides_pictures() -> None:
    """The frozen guide showed no pictures: the spec shipped the text without docs/images/."""
    spec = (PACKAGING / "dqsa.spec").read_text(encoding="utf-8")
    assert '(str(ROOT / "docs" / "images"), "docs/images")' in spec
    assert trim.kept("docs/images/home.png", windows=True) and trim.kept(
        "docs/images/home.png", windows=False
    )


def test_the_self_test_checks_that_the_guide_shows_every_picture(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the frozen self-test runs after the window: every picture the guide refers to is there
    and the help window loads it; a bundle without docs/images/ fails it."""
    import shutil

    from PySide6.QtWidgets import QApplication

    from dqsa import paths
    from dqsa.ui import selftest

    state = {"app": QApplication.instance()}
    shipped = paths.user_guide()
    assert shipped is not None
    bundle = tmp_path / "docs"
    bundle.mkdir()
    shutil.copy(shipped, bundle / shipped.name)
    monkeypatch.setattr(paths, "user_guide", lambda: bundle / shipped.name)
    with pytest.raises(FileNotFoundError, match="缺少插图"):
        selftest._guide(state)
    shutil.copytree(shipped.parent / "images", bundle / "images")
    (bundle / "images" / "home.png").write_bytes(b"not a picture")
    with pytest.raises(RuntimeError, match=r"images/home\.png"):
        selftest._guide(state)
    shutil.copy(shipped.parent / "images" / "home.png", bundle / "images" / "home.png")
    assert selftest._guide(state).endswith("张插图 pictures")
