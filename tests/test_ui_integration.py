"""`healthwork ui` for real: webserver + daemon on a free port with their own DAGSTER_HOME; the folder
sensor (on by default) notices a new file and the run it requests publishes the new article.

Watched through the webserver's GraphQL API. Every process started here is stopped by its process
group id in a ``finally``: the `healthwork ui` process (own session) and the `dagster dev` group it
starts (also its own session), SIGKILL if they outlive a grace period.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import duckdb
import pytest

from healthwork.config import ENV_SEEDS_DIR, ENV_WAREHOUSE
from healthwork.ingest import article_id_for, sha256_hex
from healthwork.config import get_settings
from pipelines.run import run_job
from tests.conftest import SEEDS

ROOT = Path(__file__).resolve().parents[1]

NEW_NAME = "950_wales_fit_note_pilot.txt"
NEW_ARTICLE = """Menu
Employee Benefits Today
Home | News | Features | Podcasts
Wales tests work and health conversations in place of fit notes
By Gareth Pryce
4 February 2026
GP practices in Swansea and Neath Port Talbot will trial a structured work and health conversation for patients who would otherwise be signed off sick, in a pilot backed by £3.5 million from the Welsh Government's share of the Keep Britain Working fund.
Instead of a standard fit note, patients will be offered a session with a trained adviser who can agree adjustments with their employer, such as shorter hours or lighter duties, during the first weeks of an absence.
The pilot will run for eighteen months and is expected to reach about 2,000 patients, most of them with musculoskeletal problems or common mental health conditions.
Doctors' leaders said the change could free up appointments, but warned that advisers would need clear routes to physiotherapy and talking therapies if the conversations were to make a difference.
Employers taking part will be asked to report whether staff returned to work sooner than colleagues who received a fit note in the usual way.
Share on social media
Newsletter | Contact us | Accessibility
"""

QUERY_RUNS = """query($sensor: String!) { runsOrError(filter: {tags: [{key: "dagster/sensor_name", value: $sensor}]}) {
  __typename ... on Runs { results { runId status tags { key value } } } ... on PythonError { message } } }"""
QUERY_ALL_RUNS = """query { runsOrError { __typename ... on Runs { results { runId status } } } }"""
QUERY_WORKSPACE = """query { workspaceOrError { __typename ... on Workspace { locationEntries { name
  locationOrLoadError { __typename ... on RepositoryLocation { repositories { name
    sensors { name sensorState { status ticks(limit: 1) { status skipReason } } }
    schedules { name cronSchedule scheduleState { status } } } }
  ... on PythonError { message } } } } } }"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _graphql(port: int, query: str, variables: dict | None = None) -> dict:
    req = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", method="POST",
                                 data=json.dumps({"query": query, "variables": variables or {}}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        body = json.loads(resp.read())
    assert "errors" not in body, body
    return body["data"]


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _stop_group(pgid: int, sig: int, grace_s: float) -> None:
    if not _group_alive(pgid):
        return
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace_s
    while time.monotonic() < deadline and _group_alive(pgid):
        time.sleep(0.2)
    if _group_alive(pgid):
        os.killpg(pgid, signal.SIGKILL)


@pytest.mark.slow
def test_ui_daemon_sensor_picks_up_a_new_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(f, seeds / f.name)
    warehouse = tmp_path / "wh" / "healthwork.duckdb"
    home = tmp_path / "dagster_home"
    home.mkdir()
    # the corpus as it was before the new file, built the way `healthwork run` builds it: on the same
    # Dagster home, so the UI must show this run, its materialisations and its checks
    monkeypatch.setenv(ENV_SEEDS_DIR, str(seeds))
    monkeypatch.setenv(ENV_WAREHOUSE, str(warehouse))
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    cli_run = run_job(get_settings())
    assert cli_run.success

    port, docs_port = _free_port(), _free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home), ENV_SEEDS_DIR: str(seeds), ENV_WAREHOUSE: str(warehouse),
           "HEALTHWORK_SENSOR_INTERVAL_S": "3", "HEALTHWORK_AUTOMATION_INTERVAL_S": "5",
           "HEALTHWORK_DOCS_PORT": str(docs_port)}
    log_path = tmp_path / "ui.log"
    log = open(log_path, "wb")
    ui = subprocess.Popen([sys.executable, "-m", "healthwork.cli", "ui", "--port", str(port)], cwd=ROOT, env=env,
                          stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    dev_groups: set[int] = set()

    def tail() -> str:
        return log_path.read_text(errors="replace")[-4000:]

    try:
        # up: GraphQL answers, the code location loaded, sensors and schedule on by default
        deadline = time.monotonic() + 150
        sensors = schedules = None
        while time.monotonic() < deadline:
            assert ui.poll() is None, f"healthwork ui exited with {ui.returncode}:\n{tail()}"
            dev_groups.update(os.getpgid(c) for c in _children(ui.pid) if _safe_pgid(c))
            try:
                ws = _graphql(port, QUERY_WORKSPACE)["workspaceOrError"]
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                time.sleep(1)
                continue
            entries = ws.get("locationEntries") or []
            locs = [e["locationOrLoadError"] for e in entries if e.get("locationOrLoadError")]
            assert not any(loc["__typename"] == "PythonError" for loc in locs), locs
            repos = [r for loc in locs for r in loc.get("repositories", [])]
            if repos:
                sensors = {s["name"]: s for r in repos for s in r["sensors"]}
                schedules = {s["name"]: s for r in repos for s in r["schedules"]}
                if sensors["seeds_folder_sensor"]["sensorState"]["ticks"]:
                    break  # the daemon has evaluated the folder sensor at least once
            time.sleep(1)
        else:
            pytest.fail(f"UI/daemon not ready within 150 s:\n{tail()}")
        assert sensors and schedules
        assert sensors["seeds_folder_sensor"]["sensorState"]["status"] == "RUNNING"
        assert sensors["corpus_automation_sensor"]["sensorState"]["status"] == "RUNNING"
        assert schedules["healthwork_daily"]["scheduleState"]["status"] == "RUNNING"
        first_tick = sensors["seeds_folder_sensor"]["sensorState"]["ticks"][0]
        assert first_tick["status"] == "SKIPPED", first_tick  # the warehouse already matches the folder
        assert _graphql(port, QUERY_RUNS, {"sensor": "seeds_folder_sensor"})["runsOrError"]["results"] == []
        assert [e["name"] for e in ws["locationEntries"]] == ["healthwork"]

        # the run made before the UI started is in its history (one Dagster home for CLI and UI)
        all_runs = _graphql(port, QUERY_ALL_RUNS)["runsOrError"]["results"]
        assert [(r["runId"], r["status"]) for r in all_runs] == [(cli_run.run_id, "SUCCESS")]

        # its Data Docs are served over http and the index lists the run's ten validations
        with urllib.request.urlopen(f"http://127.0.0.1:{docs_port}/index.html", timeout=10) as resp:
            index = resp.read().decode()
        assert index.count(f'<tr><td title="{cli_run.run_id}">') == 10

        # a second UI on the same home stops at once, in one line, naming the first
        second = subprocess.run([sys.executable, "-m", "healthwork.cli", "ui", "--port", str(_free_port())], cwd=ROOT,
                                env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 1, second.stdout + second.stderr
        assert second.stderr.startswith("error: a healthwork ui is already running on Dagster home")
        assert f"pid {ui.pid}" in second.stderr and len(second.stderr.strip().splitlines()) == 1

        # a user drops a new article into the folder
        (seeds / NEW_NAME).write_text(NEW_ARTICLE, encoding="utf-8")
        deadline = time.monotonic() + 240
        runs: list[dict] = []
        while time.monotonic() < deadline:
            runs = _graphql(port, QUERY_RUNS, {"sensor": "seeds_folder_sensor"})["runsOrError"]["results"]
            if runs and runs[0]["status"] in ("SUCCESS", "FAILURE", "CANCELED"):
                break
            time.sleep(2)
        assert len(runs) == 1, f"{runs}\n{tail()}"
        run = runs[0]
        assert run["status"] == "SUCCESS", f"{run}\n{tail()}"
        tags = {t["key"]: t["value"] for t in run["tags"]}
        assert tags["healthwork/new"] == "1" and NEW_NAME in tags["healthwork/files"]
        assert tags["dagster/run_key"].startswith("folder-")

        # the new article is in the published warehouse, metrics included
        new_id = article_id_for(sha256_hex(NEW_ARTICLE.encode()))
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            assert con.execute("SELECT count(*) FROM clean.articles").fetchone()[0] == 6
            assert con.execute("SELECT source_file FROM clean.articles WHERE article_id = ?",
                               [new_id]).fetchall() == [(NEW_NAME,)]
            assert con.execute("SELECT programme, amount FROM metrics.programme_funding "
                               "WHERE list_contains(article_ids, ?)", [new_id]).fetchall() == [
                ("Keep Britain Working", 3_500_000.0)]
            assert con.execute("SELECT count(*) FROM entities.place_mentions WHERE article_id = ?",
                               [new_id]).fetchone()[0] >= 1
        finally:
            con.close()

        # and the sensor does not ask again for the same state
        time.sleep(5)
        assert len(_graphql(port, QUERY_RUNS, {"sensor": "seeds_folder_sensor"})["runsOrError"]["results"]) == 1
    finally:
        dev_groups.update(os.getpgid(c) for c in _children(ui.pid) if _safe_pgid(c))
        _stop_group(ui.pid, signal.SIGTERM, 30)  # `healthwork ui` forwards the stop to `dagster dev`
        for pgid in dev_groups:
            _stop_group(pgid, signal.SIGTERM, 15)
        ui.wait(timeout=10)
        log.close()
    assert not _group_alive(ui.pid) and not any(_group_alive(g) for g in dev_groups)
    assert dev_groups, "never saw the dagster dev process group"


def _safe_pgid(pid: int) -> bool:
    try:
        os.getpgid(pid)
    except ProcessLookupError:
        return False
    return True
