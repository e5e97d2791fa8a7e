"""The update end to end on the real Linux bundle (issue #20): N installed, N+1 arrives by sync.

Opt-in like the other bundle tests (``DANVAN_TEST_BUNDLE=1``; ``DANVAN_BUNDLE_PACKAGE``
reuses a tar.gz built before). Version N is the package installer/build.py made,
installed with its install.sh into a temporary HOME. N+1 is the same build with one
module of our code and BUILD-INFO changed (tests/support/next_build.py), signed by
installer/make_release.py with a throwaway key and published on the real server with
``danvan-server releases publish``. The installed N trusts that key through
``DANVAN_RELEASE_KEYS_FILE`` (updates/keys.py reads it at run time, so the frozen
bundle needs no rebuild; it is never set on a leader's laptop). N enrolls, syncs until
done (it stages N+1, fetching only what changed), the leader agrees to install at the
next start (the window's call, ``Session.install_release``: the commands have no verb
for it; the test does what that call does), and the next ``danvan`` start switches to N+1.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from linux_package import built_package, data_home, run_script, user_env

from danvan_desktop.updates.keys import parse_keys
from danvan_desktop.updates.plan import Installation
from danvan_desktop.updates.stage import find_staged
from support.next_build import (
    NEXT_COMMIT,
    build_version,
    changed_code_path,
    next_build,
    next_version,
)
from support.server_process import (
    PHU_XUAN,
    ServerProcess,
    add_village,
    make_enrollment_code,
    sqlite_url,
    start_server,
)

ROOT = Path(__file__).resolve().parents[2]
PLATFORM = "linux-x86_64"
KEY_ID = "e2e-test-1"
MOVED_SHARE = 0.05  # the update's budget: at most 5 % of the package crosses the link

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("DANVAN_TEST_BUNDLE") != "1",
        reason="builds the PyInstaller bundle: set DANVAN_TEST_BUNDLE=1 to run",
    ),
]


@dataclass
class Laptop:
    """The installed N: its home, data folder, environment, and the versions N and N+1."""

    home: Path
    data_dir: Path
    keys_file: Path
    old: str
    new: str
    package_bytes: int

    def run(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        """Run the installed ``danvan`` (~/.local/bin/danvan) on the team's data folder."""
        runtime = self.home / ".runtime"
        runtime.mkdir(mode=0o700, exist_ok=True)
        env = user_env(
            self.home, XDG_RUNTIME_DIR=str(runtime), DANVAN_RELEASE_KEYS_FILE=str(self.keys_file)
        )
        command = [str(self.home / ".local" / "bin" / "danvan"), "--data-dir", str(self.data_dir)]
        return subprocess.run(
            [*command, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
        )

    @property
    def app(self) -> Path:
        """~/.local/share/danvan-desktop-app: versions/ and ``current``."""
        return data_home(self.home) / "danvan-desktop-app"


def _ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _python(*args: str) -> None:
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tar.gz of version N (built once per session, or DANVAN_BUNDLE_PACKAGE)."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is missing: .venv/bin/pip install -e '.[build]'")
    return built_package(tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("work"))


@pytest.fixture(scope="module")
def unpacked(package: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package unpacked, as a team leader would."""
    folder = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(package) as tar:
        tar.extractall(folder, filter="tar")
    (top,) = folder.iterdir()
    return top


@pytest.fixture(scope="module")
def key(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A throwaway release key made by make_release.py keygen (never the real one)."""
    private = tmp_path_factory.mktemp("keys") / f"{KEY_ID}.key"
    _python(str(ROOT / "installer" / "make_release.py"), "keygen", "--out", str(private),
            "--key-id", KEY_ID)  # fmt: skip
    return private


@pytest.fixture(scope="module")
def release(unpacked: Path, key: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """N+1 made from N and signed with make_release.py: its release folder."""
    work = tmp_path_factory.mktemp("next")
    next_build(unpacked / "app", work / "danvan-desktop")
    (work / "vi.md").write_text("Sửa lỗi lưu biên bản cuộc họp.\n", encoding="utf-8")
    (work / "en.md").write_text("Fixes saving meeting minutes.\n", encoding="utf-8")
    _python(
        str(ROOT / "installer" / "make_release.py"), "make", str(work / "danvan-desktop"),
        "--out", str(work / "releases"), "--min-from", build_version(unpacked / "app"),
        "--notes-vi", str(work / "vi.md"), "--notes-en", str(work / "en.md"), "--key", str(key),
    )  # fmt: skip
    (folder,) = (work / "releases").iterdir()
    return folder


@pytest.fixture(scope="module")
def server(
    release: Path, key: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[ServerProcess, str]]:
    """The real server with N+1 published by ``danvan-server releases publish``; and a code."""
    folder = tmp_path_factory.mktemp("server")
    url = sqlite_url(folder)
    with start_server(url, log_dir=folder) as process:
        village = add_village(url, commune_code=PHU_XUAN, name="Tổ dân phố 5")
        _python("-m", "danvan_server.cli", "--database", url, "releases", "publish",
                str(release), "--trust-key", f"{key}.pub")  # fmt: skip
        yield process, make_enrollment_code(url, village.id, "team")


@pytest.fixture(scope="module")
def laptop(
    unpacked: Path, package: Path, key: Path, tmp_path_factory: pytest.TempPathFactory
) -> Laptop:
    """N installed with install.sh into a fresh HOME, trusting the test key, a team set up."""
    home = tmp_path_factory.mktemp("home")
    result = run_script(unpacked / "install.sh", user_env(home))
    assert result.returncode == 0, result.stderr
    public = json.loads(Path(f"{key}.pub").read_text(encoding="utf-8"))
    keys_file = home / "release-keys.json"
    keys_file.write_text(json.dumps({"keys": [public]}), encoding="utf-8")
    old = build_version(unpacked / "app")
    made = Laptop(home, home / "team data", keys_file, old, "", package.stat().st_size)
    _ok(made.run("init", "--commune", str(PHU_XUAN), "--village", "Tổ dân phố 5",
                 "--team", "Tổ dân vận tổ dân phố 5", "--leader", "Nguyễn Văn An"))  # fmt: skip
    return made


@pytest.fixture(scope="module")
def synced(laptop: Laptop, server: tuple[ServerProcess, str], release: Path) -> dict[str, str]:
    """Enrolled and synced until done: what ``sync`` printed, and the release found staged."""
    process, code = server
    seen: dict[str, str] = {}
    _ok(laptop.run("enroll", "--server", process.url, code))
    seen["sync"] = _ok(laptop.run("sync", "--until-done"))
    laptop.new = json.loads((release / "manifest.json").read_text(encoding="utf-8"))["version"]
    staged = find_staged(laptop.data_dir, _installation(laptop), "vi")
    seen["staged"] = staged.version if staged is not None else ""
    return seen


@pytest.fixture(scope="module")
def updated(laptop: Laptop, synced: dict[str, str]) -> dict[str, str]:
    """The leader agreed to install at the next start (``danvan upgrade install``, what
    «Cài khi mở lại» does), then ran ``danvan check``: that start switched to N+1 (and
    restarted into it). What it printed, and the members after."""
    before = _ok(laptop.run("list", "member", "--json"))
    seen = {"members_before": before, "upgrade": _ok(laptop.run("upgrade", "install"))}
    start = laptop.run("check")
    seen.update(start_out=_ok(start), start_err=start.stderr)
    seen["members_after"] = _ok(laptop.run("list", "member", "--json"))
    return {**synced, **seen}


def _installation(laptop: Laptop) -> Installation:
    """The installed N as the release code sees it, trusting the test key."""
    keys = parse_keys(json.loads(laptop.keys_file.read_text(encoding="utf-8")))
    bundle = (laptop.app / "current").resolve()
    return Installation(bundle, laptop.old, PLATFORM, None, keys)


def test_sync_stages_the_next_version(laptop: Laptop, synced: dict[str, str]) -> None:
    """``danvan sync --until-done`` leaves N+1 staged complete and verified."""
    assert synced["staged"] == laptop.new == next_version(laptop.old)


def test_sync_moves_only_what_changed(laptop: Laptop, synced: dict[str, str]) -> None:
    """The round received at most 5 % of the package: only our changed code and BUILD-INFO."""
    found = re.search(r"(\d+) byte về", synced["sync"])
    assert found is not None, synced["sync"]
    assert int(found.group(1)) <= MOVED_SHARE * laptop.package_bytes


def test_next_start_runs_the_new_version(laptop: Laptop, updated: dict[str, str]) -> None:
    """After the start that switched, ``danvan --version`` prints N+1 and its commit."""
    printed = _ok(laptop.run("--version"))
    assert printed.startswith(f"danvan {laptop.new} ({NEXT_COMMIT}, ")


def test_the_start_that_switched_ran_the_command_in_the_new_version(
    updated: dict[str, str],
) -> None:
    """The start's own command (``check``) ran after the restart, on a sound store."""
    assert updated["start_out"] == "Dữ liệu tốt (quick_check).\n"


def test_the_leader_is_told_of_the_update(laptop: Laptop, updated: dict[str, str]) -> None:
    """That start says once that the update was installed and the data backed up."""
    assert (
        f"Đã cập nhật Dân vận khéo lên bản {laptop.new}. Dữ liệu của tổ đã được sao lưu trước khi "
        "cập nhật." in updated["start_err"]
    )


def test_the_new_version_passes_its_self_test(laptop: Laptop, updated: dict[str, str]) -> None:
    """N+1's ``danvan --self-test`` passes, run from the installed link."""
    done = laptop.run("--self-test", timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_store_is_intact(updated: dict[str, str]) -> None:
    """The team's members read the same before and after the update."""
    assert updated["members_after"] == updated["members_before"]
    assert "Nguyễn Văn An" in updated["members_after"]


def test_the_store_was_backed_up_before_the_update(laptop: Laptop, updated: dict[str, str]) -> None:
    """A copy of the store from before the switch is in the backups."""
    names = [p.name for p in (laptop.data_dir / "backups").glob("before-update-*.sqlite3")]
    assert [name.startswith(f"before-update-{laptop.old}-to-{laptop.new}-") for name in names] == [
        True
    ]


def test_current_names_the_new_version_and_keeps_the_old(
    laptop: Laptop, updated: dict[str, str]
) -> None:
    """``current`` links to versions/N+1; N stays beside it (for a roll-back)."""
    assert os.readlink(laptop.app / "current") == f"versions/{laptop.new}"
    assert sorted(p.name for p in (laptop.app / "versions").iterdir()) == [laptop.old, laptop.new]


def test_the_new_version_holds_the_changed_code(
    laptop: Laptop, release: Path, updated: dict[str, str]
) -> None:
    """The module that changed is N+1's, byte for byte, in the installed folder."""
    installed = laptop.app / "versions" / laptop.new / changed_code_path()
    assert installed.read_bytes() == (release / "files" / changed_code_path()).read_bytes()


def test_nothing_of_the_switch_is_left_waiting(laptop: Laptop, updated: dict[str, str]) -> None:
    """The staged copy, the request and the journal are gone; the outcome stays for the pages."""
    left = sorted(p.name for p in (laptop.data_dir / "updates").iterdir())
    assert "switch-outcome.json" in left
    assert [n for n in left if n.endswith(PLATFORM) or n.startswith(("install-", "switch-j"))] == []


def test_the_updated_laptop_keeps_syncing(laptop: Laptop, updated: dict[str, str]) -> None:
    """N+1 syncs with the server again; it is offered nothing more and refuses nothing."""
    printed = _ok(laptop.run("sync", "--until-done"))
    assert printed.startswith("Đồng bộ xong: gửi 0, máy chủ đã có sẵn 0, nhận 0,")
    assert [p.name for p in (laptop.data_dir / "updates").glob(f"*-{PLATFORM}")] == []


def test_upgrade_install_named_the_new_version(laptop: Laptop, updated: dict[str, str]) -> None:
    """``danvan upgrade install`` on N said N+1 would be installed at the next start."""
    assert laptop.new in updated["upgrade"]
