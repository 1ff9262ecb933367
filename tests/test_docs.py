"""The README and the CLI help cannot drift: every command is documented, every command in the README runs."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import click
import pytest

from kg.cli import cli, load_commands
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
load_commands()


def _commands(group: click.Group, prefix: str = "kg") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        out.append((f"{prefix} {name}", cmd))
        if isinstance(cmd, click.Group):
            out += _commands(cmd, f"{prefix} {name}")
    return out


@pytest.mark.parametrize(("name", "command"), _commands(cli), ids=[n for n, _ in _commands(cli)])
def test_docs_every_command_is_in_the_readme_and_has_help(name: str, command: click.Command) -> None:
    assert f"`{name}" in README or f"{name} " in README, f"{name} is not documented in README.md"
    assert (command.help or "").strip(), f"{name} has no help text"
    for param in command.params:
        if isinstance(param, click.Option):
            assert (param.help or "").strip(), f"{name} {param.opts[0]} has no help text"


def test_docs_readme_seed_output_is_current(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "--out", str(tmp_path), "-q"],
                   check=True)
    out = subprocess.run([sys.executable, "-m", "kg", "query", str(tmp_path / "graph.ttl"), "contacts"],
                         check=True, capture_output=True, text=True).stdout.rstrip("\n")
    block = re.search(r"<!-- seed-contacts:start -->\n```\n\$ kg query out/graph.ttl contacts\n(.*?)\n```", README,
                      re.S)
    assert block is not None and block.group(1) == out, "README's seed output is stale: regenerate it"


def _shell_lines() -> list[str]:
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.S):
        lines += [ln.strip() for ln in block.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    return lines


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _virtuoso_env() -> dict[str, str] | None:
    script = ROOT / "tests" / "servers" / "virtuoso.sh"
    res = subprocess.run(["bash", str(script), "env"], capture_output=True, text=True, check=False)
    if res.returncode != 0:
        return None
    return dict(line.split("=", 1) for line in res.stdout.splitlines() if "=" in line)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder where the README's relative paths (seeds/, tests/data/...) exist."""
    work = tmp_path_factory.mktemp("readme")
    for name in ("seeds", "tests"):
        (work / name).symlink_to(ROOT / name)
    return work


@pytest.mark.slow
@pytest.mark.parametrize("line", _shell_lines())
def test_docs_readme_command_runs(line: str, workdir: Path) -> None:
    kg = shutil.which("kg") or f"{sys.executable} -m kg"
    parts = [p.strip() for p in line.split("&&")]
    parts = [p for p in parts if not p.startswith("pip install")]  # installing is the test run's own job
    for part in parts:
        if part == "pytest":
            continue  # the suite is already running
        argv = shlex.split(part)
        assert argv[0] == "kg", f"unexpected command in README: {part}"
        cmd = shlex.split(kg) + argv[1:]
        if argv[1] in ("serve", "push"):
            _prerequisites(["kg", "query", "out/graph.ttl"], kg, workdir)
            (_run_server if argv[1] == "serve" else _run_push)(cmd, workdir)
        else:
            _prerequisites(argv, kg, workdir)
            res = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, timeout=600, check=False)
            ok = res.returncode == 0 or (argv[1:3] == ["leaders", "resolve"] and res.returncode in (0, 1))
            assert ok, f"{part}: exit {res.returncode}\n{res.stdout[-1000:]}\n{res.stderr[-2000:]}"


def _prerequisites(argv: list[str], kg: str, workdir: Path) -> None:
    """Lines may be run alone (-k): make the graph or store they read if it is not there yet."""
    def run(*args: str) -> None:
        subprocess.run([*shlex.split(kg), *args, "-q"], cwd=workdir, check=True)

    if argv[1] in ("query", "view", "export") and argv[2].startswith("out") and not (workdir / "out").exists():
        run("build", "seeds/", "tests/data/corpus/en/texts", "--out", "out/")
    if argv[1] == "query" and argv[2].startswith("store") and not (workdir / "store").exists():
        run("build", "tests/data/corpus/fr/texts", "--store", "store/")


def _run_server(cmd: list[str], workdir: Path) -> None:
    port = _free_port()
    cmd = [port_arg if port_arg != "8000" else str(port) for port_arg in cmd]
    proc = subprocess.Popen(cmd, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", timeout=5) as r:
                    assert r.status == 200
                    break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    raise AssertionError(f"kg serve did not answer: {proc.stderr.read().decode()[-1000:]}") from None
                time.sleep(0.5)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(10)


def _run_push(cmd: list[str], workdir: Path) -> None:
    env = _virtuoso_env()
    if env is None or "KG_VIRTUOSO_GSP" not in env:
        if os.environ.get("KG_REQUIRE_VIRTUOSO") == "1":
            raise AssertionError("Virtuoso is not running (tests/servers/virtuoso.sh start)")
        pytest.skip("no Virtuoso running for the README's kg push")
    endpoint = cmd.index("--endpoint") + 1
    cmd[endpoint] = env["KG_VIRTUOSO_GSP"]
    if "--user" in cmd:
        cmd[cmd.index("--user") + 1] = env.get("KG_VIRTUOSO_USER", "kgpush")
    run_env = dict(os.environ, KG_PUSH_PASSWORD=env.get("KG_VIRTUOSO_PASSWORD", ""))
    res = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, timeout=600, env=run_env, check=False)
    assert res.returncode == 0, res.stderr[-2000:]
