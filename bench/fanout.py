"""Live fan-out benchmark: N websocket phones following one event, side by side with a reference.

Method
------
Every server runs in its own subprocess; this process only drives it and measures. The clients
(N plain `websockets` asyncio clients on uvloop, answering nothing) live in `--client-procs`
forked processes, so client CPU is never charged to a server and can be spread when one client
process would saturate a core. Each client records, for every message, its arrival time on
`time.monotonic()` — CLOCK_MONOTONIC, one clock shared by every process on this machine — and
the state `version` it carries.

Tablehop and the reference are measured in the same run, side by side:

1. start each server (Tablehop: one uvicorn worker, `--ws-per-message-deflate false`, a fresh
   SQLite file migrated with alembic, an event of 50 people checked in and planned; reference:
   `bench/reference_server.py`, a bare `websockets.broadcast()` server) and warm it with one
   websocket connection;
2. for each server in turn, read its VmRSS, connect its own N clients (each gets its snapshot),
   wait a second, read VmRSS again: (after − before) / N is the memory per connection;
3. drive `start` then `--rounds` × `next?version=v` through HTTP, alternating between the
   servers command by command (the order swapped every round), so both meet the same moments
   of a shared, noisy machine; the clock starts just before each request is sent, and every
   client's arrival of that version is one delivery sample (p50 / p99 / max over all of a
   server's clients and commands; a client that never saw a version is a miss);
4. one server after the other, kill it (`--restart-signal`, SIGKILL by default: a power cut),
   start it again on the same port, and time until every client has reconnected (jittered
   50–250 ms backoff) and received a snapshot with the current version — from the kill and
   from the moment the new process first answered its health check.

Then Tablehop again with two uvicorn workers on Redis (`REDIS_URL`, one SQLite file), half the
clients on each, commands sent to the first: delivery only. The table shows ours / reference
ratios and the issue's targets; the JSON lands in bench/results/fanout.json.

    .venv/bin/python bench/fanout.py [--clients 2000] [--client-procs 2] [--rounds 10]

Everything is bounded: a watchdog ends the run after `--time-limit` seconds, every wait has a
timeout, and every subprocess is killed on the way out. Only 127.0.0.1 is used.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import multiprocessing
import os
import platform
import random
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import httpx
import websockets
from websockets.asyncio.client import connect
from websockets.exceptions import WebSocketException

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "fanout.json"
ADMIN_TOKEN = "fanout-bench-admin-token"
AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
REDIS_URL = "redis://127.0.0.1:6379/0"
PEOPLE = 50
BACKOFF = (0.05, 0.25)
TARGETS = {"p99_ms": 100.0, "p99_ratio": 1.5, "kb_per_connection": 40.0, "resync_s": 3.0}


# --------------------------------------------------------------------------- server processes


def free_port() -> int:
    """Ask the kernel for a free TCP port on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class ServerProcess:
    """One server subprocess: started, health-checked, measured, killed."""

    command: list[str]
    env: dict[str, str]
    health_url: str
    log: Path
    process: subprocess.Popen | None = None

    def start(self, timeout: float = 30.0) -> float:
        """Start the process; return the monotonic time it first answered its health check."""
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                self.command, cwd=ROOT, env={**os.environ, **self.env}, stdout=out, stderr=out
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if httpx.get(self.health_url, timeout=0.5).status_code == 200:
                    return time.monotonic()
            except httpx.TransportError:
                time.sleep(0.01)
        self.kill(signal.SIGKILL)
        raise RuntimeError(f"{self.command[:4]} did not start; see {self.log}")

    def rss_kb(self) -> int:
        """Read the resident set size of the process, in KB."""
        assert self.process is not None
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise RuntimeError("no VmRSS")

    def cpu_s(self) -> float:
        """Read the CPU time (user + system) the process has used so far, in seconds."""
        assert self.process is not None
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def kill(self, sig: signal.Signals = signal.SIGTERM) -> None:
        """Signal the process and wait for it; SIGKILL it if it lingers."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None


class Target:
    """A server under test, seen from the driver: its sockets, its trigger, its restart."""

    name: str
    servers: list[ServerProcess]

    def start(self) -> None:
        """Start the server(s) and set up what the clients will follow."""
        raise NotImplementedError

    def ws_urls(self, count: int) -> list[str]:
        """Give the websocket URL of each of `count` clients (spread over the servers)."""
        raise NotImplementedError

    def command(self, http: httpx.Client, first: bool, version: int) -> int:
        """Send one state change; return the new version."""
        raise NotImplementedError

    def restart(self, sig: signal.Signals, version: int, round_: int) -> tuple[float, float]:
        """Kill and start the (first) server again on its port; return (killed, ready) times."""
        server = self.servers[0]
        killed = time.monotonic()
        server.kill(sig)
        return killed, server.start()

    def stop(self) -> None:
        """Stop every server."""
        for server in self.servers:
            server.kill(signal.SIGKILL)


class Tablehop(Target):
    """Our app under uvicorn, one process per worker; several workers share Redis and SQLite."""

    def __init__(self, workdir: Path, workers: int = 1, redis_url: str = "") -> None:
        self.name = "tablehop" if workers == 1 else f"tablehop-{workers}-workers-redis"
        self.workdir = workdir
        env = {
            "DATABASE_URL": "",
            "TABLEHOP_DATA_DIR": str(workdir / "data"),
            "TABLEHOP_ADMIN_TOKEN": ADMIN_TOKEN,
            "REDIS_URL": redis_url,
        }
        migrate(env)
        self.servers = []
        for index in range(workers):
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            command = [
                sys.executable, "-m", "uvicorn", "--factory", "app.main:create_app",
                "--host", "127.0.0.1", "--port", str(port), "--no-access-log",
                "--ws-per-message-deflate", "false",
            ]  # fmt: skip
            log = workdir / f"server-{index}.log"
            server_env = {**env, "TABLEHOP_PUBLIC_URL": url}
            self.servers.append(ServerProcess(command, server_env, f"{url}/api/health", log))
        self.event_id = 0

    def url(self, index: int = 0, scheme: str = "http") -> str:
        """Give the base URL of one worker."""
        port = self.servers[index].command[self.servers[index].command.index("--port") + 1]
        return f"{scheme}://127.0.0.1:{port}"

    def start(self) -> None:
        """Start every worker, then create and plan the event through the first."""
        for server in self.servers:
            server.start()
        with httpx.Client(base_url=self.url(), headers=AUTH, timeout=30) as api:
            body = {"title": "Fan-out bench", "talk_seconds": 600, "switch_seconds": 600}
            response = api.post("/api/events", json=body)
            response.raise_for_status()
            self.event_id = response.json()["id"]
            for index in range(PEOPLE):
                person = {
                    "first_name": f"Prénom{index}",
                    "last_name": f"Nom{index}",
                    "company": f"Société {index}",
                    "email": f"bench{index}@example.fr",
                }
                added = api.post(f"/api/events/{self.event_id}/participants", json=person)
                added.raise_for_status()
                checkin = f"/api/events/{self.event_id}/participants/{added.json()['id']}/checkin"
                api.post(checkin).raise_for_status()
            api.post(f"/api/events/{self.event_id}/plan").raise_for_status()

    def ws_urls(self, count: int) -> list[str]:
        """Alternate the clients over the workers."""
        bases = [self.url(i, "ws") for i in range(len(self.servers))]
        return [f"{bases[i % len(bases)]}/ws/events/{self.event_id}" for i in range(count)]

    def command(self, http: httpx.Client, first: bool, version: int) -> int:
        """Start the clock, or move to the next phase against the version last seen."""
        base = f"{self.url()}/api/events/{self.event_id}/clock"
        if first:
            response = http.post(f"{base}/start", headers=AUTH)
        else:
            response = http.post(f"{base}/next", params={"version": version}, headers=AUTH)
        response.raise_for_status()
        return response.json()["version"]


class Reference(Target):
    """bench/reference_server.py: websockets.broadcast() and an in-memory countdown."""

    def __init__(self, workdir: Path) -> None:
        self.name = "reference"
        self.port, self.control_port = free_port(), free_port()
        self.log = workdir / "reference.log"
        self.servers = [self._process(1, 0)]

    def _process(self, version: int, round_: int) -> ServerProcess:
        command = [
            sys.executable, str(ROOT / "bench" / "reference_server.py"),
            "--port", str(self.port), "--control-port", str(self.control_port),
            "--version", str(version), "--round", str(round_),
        ]  # fmt: skip
        health = f"http://127.0.0.1:{self.control_port}/health"
        return ServerProcess(command, {}, health, self.log)

    def start(self) -> None:
        """Start the server (it has nothing to set up)."""
        self.servers[0].start()

    def ws_urls(self, count: int) -> list[str]:
        """Every client on the one server."""
        return [f"ws://127.0.0.1:{self.port}/"] * count

    def command(self, http: httpx.Client, first: bool, version: int) -> int:
        """Trigger the next broadcast."""
        response = http.post(f"http://127.0.0.1:{self.control_port}/next")
        response.raise_for_status()
        return response.json()["version"]

    def restart(self, sig: signal.Signals, version: int, round_: int) -> tuple[float, float]:
        """Kill, then resume from the same version (it keeps no state of its own)."""
        killed = time.monotonic()
        self.servers[0].kill(sig)
        self.servers[0] = self._process(version, round_)
        return killed, self.servers[0].start()


def migrate(env: dict[str, str]) -> None:
    """Create the schema of a fresh database with alembic, as `make run` does."""
    subprocess.run(
        [sys.executable, "-m", "alembic", "upgrade", "head"],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        capture_output=True,
        timeout=60,
    )


def warm_up(urls: list[str]) -> None:
    """Open and close one websocket per server, so lazy imports are not counted per client."""
    from websockets.sync.client import connect as sync_connect

    for url in dict.fromkeys(urls):
        with sync_connect(url, compression=None, open_timeout=10) as ws:
            ws.recv(timeout=10)


# --------------------------------------------------------------------------- client processes


class Client:
    """One phone: reconnects with a jittered backoff, records (connection, time, version)."""

    def __init__(self, index: int, url: str) -> None:
        self.index = index
        self.url = url
        self.connections = -1
        self.mark = -1
        self.last = (-1, -1)
        self.attempts = 0
        self.arrivals: list[tuple[int, float, int]] = []

    async def run(self) -> None:
        """Stay connected until cancelled, recording every message."""
        while True:
            self.attempts += 1
            try:
                async with connect(
                    self.url, compression=None, ping_interval=None, open_timeout=10,
                    close_timeout=2, max_queue=64,
                ) as ws:  # fmt: skip
                    self.connections += 1
                    current = self.connections
                    async for raw in ws:
                        arrived = time.monotonic()
                        version = json.loads(raw).get("version", -1)
                        self.arrivals.append((current, arrived, version))
                        self.last = (current, version)
            except (OSError, TimeoutError, WebSocketException):
                pass
            await asyncio.sleep(random.uniform(*BACKOFF))

    def has(self, version: int, reconnected: bool) -> bool:
        """Tell whether this client has seen `version` (on a connection after the mark)."""
        connection, seen = self.last
        return seen >= version and (connection > self.mark or not reconnected)


async def until(clients: list[Client], done: Callable[[Client], bool], timeout: float) -> int:
    """Poll until every client satisfies `done` or the time is up; return how many do."""
    deadline = time.monotonic() + timeout
    while True:
        count = sum(1 for client in clients if done(client))
        if count == len(clients) or time.monotonic() > deadline:
            return count
        await asyncio.sleep(0.01)


async def obey(pipe: Connection, clients: list[Client]) -> None:
    """Run this process's clients; answer the driver's commands until it says stop."""
    loop = asyncio.get_running_loop()
    inbox: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
    loop.add_reader(pipe.fileno(), lambda: inbox.put_nowait(pipe.recv()))
    os.set_blocking(pipe.fileno(), True)  # the loop made it non-blocking; big replies need it
    tasks: list[asyncio.Task] = []
    while True:
        command, argument = await inbox.get()
        reply: Any = None
        if command == "connect":
            tasks = [asyncio.create_task(client.run()) for client in clients]
            reply = await until(clients, lambda c: c.connections >= 0 and c.last[1] >= 0, argument)
        elif command == "wait":
            version, timeout = argument
            reply = await until(clients, lambda c, v=version: c.has(v, False), timeout)
        elif command == "mark":
            for client in clients:
                client.mark = client.connections
        elif command == "resync":
            version, timeout = argument
            reply = await until(clients, lambda c, v=version: c.has(v, True), timeout)
        elif command == "collect":
            reply = [(c.index, c.mark, c.attempts, c.arrivals) for c in clients]
        elif command == "stop":
            for task in tasks:
                task.cancel()
            if tasks:
                await asyncio.wait(tasks, timeout=10)
            pipe.send(None)
            return
        pipe.send(reply)


def client_process(pipe: Connection, share: list[tuple[int, str]]) -> None:
    """Entry point of one client process (uvloop when available)."""
    clients = [Client(index, url) for index, url in share]
    try:
        import uvloop
    except ImportError:
        asyncio.run(obey(pipe, clients))
    else:
        uvloop.run(obey(pipe, clients))


class ClientPool:
    """N clients spread round-robin over several processes, driven through pipes."""

    def __init__(self, urls: list[str], processes: int) -> None:
        context = multiprocessing.get_context("fork")
        self.pipes: list[Connection] = []
        self.processes: list[multiprocessing.process.BaseProcess] = []
        indexed = list(enumerate(urls))
        for number in range(processes):
            mine, theirs = context.Pipe()
            process = context.Process(
                target=client_process, args=(theirs, indexed[number::processes]), daemon=True
            )
            process.start()
            self.pipes.append(mine)
            self.processes.append(process)

    def ask(self, command: str, argument: Any = None, timeout: float = 60.0) -> list[Any]:
        """Send a command to every client process and gather their replies."""
        for pipe in self.pipes:
            pipe.send((command, argument))
        deadline = time.monotonic() + timeout + 10
        replies = []
        for pipe in self.pipes:
            if not pipe.poll(max(0.0, deadline - time.monotonic())):
                raise TimeoutError(f"client process did not answer {command!r}")
            replies.append(pipe.recv())
        return replies

    def close(self) -> None:
        """Stop the clients, then the processes."""
        with contextlib.suppress(TimeoutError, OSError, EOFError):
            self.ask("stop", timeout=15)
        for process in self.processes:
            process.join(5)
            if process.is_alive():
                process.kill()


# --------------------------------------------------------------------------- measuring


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100) of the values, None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def summary_ms(seconds: list[float]) -> dict[str, float | int | None]:
    """Summarise durations in seconds as p50 / p99 / max milliseconds."""
    ms = [s * 1000 for s in seconds]
    return {
        "samples": len(ms),
        "p50_ms": _round(percentile(ms, 50)),
        "p99_ms": _round(percentile(ms, 99)),
        "max_ms": _round(max(ms) if ms else None),
    }


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


@dataclass
class Run:
    """What one target measured."""

    target: str
    clients: int
    connected: int = 0
    connect_s: float | None = None
    rss_before_kb: int | None = None
    rss_after_kb: int | None = None
    kb_per_connection: float | None = None
    commands: list[dict[str, float]] = field(default_factory=list)
    delivery: dict[str, Any] = field(default_factory=dict)
    delivery_by_server: dict[str, Any] = field(default_factory=dict)
    command_ms: dict[str, Any] = field(default_factory=dict)
    missed: int = 0
    restart: dict[str, Any] = field(default_factory=dict)
    cpu_ms_connect_per_client: float | None = None
    cpu_us_per_delivery: float | None = None
    cpu_ms_resync_per_client: float | None = None


def measure(
    targets: list[Target],
    args: argparse.Namespace,
    *,
    memory: bool = True,
    restart: bool = True,
) -> list[Run]:
    """The whole method on several targets at once, their commands interleaved.

    Each target has its own clients. They connect one target after the other (so memory and
    connect CPU are each target's own), then the commands alternate between the targets, so
    every target sees the same moments of a shared, noisy machine; restarts go one at a time.
    """
    runs = [Run(target.name, args.clients) for target in targets]
    urls: list[list[str]] = []
    pools: list[ClientPool] = []
    try:
        for target, run in zip(targets, runs, strict=True):
            target.start()
            urls.append(target.ws_urls(args.clients))
            warm_up(urls[-1])
            time.sleep(0.5)
            pools.append(connect_clients(target, urls[-1], args, run, memory))
        cpu = [server_cpu(target) for target in targets]
        sent = drive(targets, pools, args, runs)
        for target, run, before in zip(targets, runs, cpu, strict=True):
            deliveries = args.clients * len(sent[run.target])
            run.cpu_us_per_delivery = round((server_cpu(target) - before) * 1e6 / deliveries, 1)
        arrivals = []
        for target, pool, run in zip(targets, pools, runs, strict=True):
            if restart:
                restart_and_resync(target, pool, args, run, max(sent[run.target]))
            arrivals.append([row for reply in pool.ask("collect") for row in reply])
    finally:
        for pool in pools:
            pool.close()
        for target in targets:
            target.stop()
    for run, got, target_urls in zip(runs, arrivals, urls, strict=True):
        analyse(run, sent[run.target], got, target_urls, restart)
    return runs


def connect_clients(
    target: Target, urls: list[str], args: argparse.Namespace, run: Run, memory: bool
) -> ClientPool:
    """Connect one target's N clients; note the connect time, its CPU and the memory it took."""
    if memory:
        run.rss_before_kb = sum(server.rss_kb() for server in target.servers)
    pool = ClientPool(urls, args.client_procs)
    began, cpu = time.monotonic(), server_cpu(target)
    run.connected = sum(pool.ask("connect", args.connect_timeout, args.connect_timeout))
    run.connect_s = round(time.monotonic() - began, 3)
    run.cpu_ms_connect_per_client = round((server_cpu(target) - cpu) * 1000 / args.clients, 3)
    if run.connected < args.clients:
        print(f"  {target.name}: only {run.connected}/{args.clients} connected", flush=True)
    if memory:
        time.sleep(1.0)
        run.rss_after_kb = sum(server.rss_kb() for server in target.servers)
        run.kb_per_connection = round((run.rss_after_kb - run.rss_before_kb) / args.clients, 1)
    return pool


def restart_and_resync(
    target: Target, pool: ClientPool, args: argparse.Namespace, run: Run, version: int
) -> None:
    """Kill and restart the target, then wait until its clients hold `version` again."""
    pool.ask("mark")
    killed, ready = target.restart(args.restart_signal, version, args.rounds // 2 + 1)
    resynced = sum(pool.ask("resync", (version, args.resync_timeout), args.resync_timeout))
    cpu = target.servers[0].cpu_s() / args.clients * 1000
    run.cpu_ms_resync_per_client = round(cpu, 3)  # start-up included
    run.restart = {"killed": killed, "ready": ready, "resynced": resynced}


def server_cpu(target: Target) -> float:
    """Add up the CPU seconds used by the target's servers."""
    return sum(server.cpu_s() for server in target.servers)


def drive(
    targets: list[Target], pools: list[ClientPool], args: argparse.Namespace, runs: list[Run]
) -> dict[str, dict[int, float]]:
    """Send `start` then `--rounds` × `next` to the targets in turn; give each version's send time.

    The targets take turns command by command, the order swapped every round.
    """
    sent: dict[str, dict[int, float]] = {run.target: {} for run in runs}
    versions = [0] * len(targets)
    with httpx.Client(timeout=30) as http:
        for number in range(args.rounds + 1):
            order = list(range(len(targets)))
            if number % 2:
                order.reverse()
            for i in order:
                target, pool, run = targets[i], pools[i], runs[i]
                began = time.monotonic()
                versions[i] = target.command(http, number == 0, versions[i])
                returned = time.monotonic()
                sent[run.target][versions[i]] = began
                run.commands.append({"version": versions[i], "sent": began, "returned": returned})
                wait = (versions[i], args.wait_timeout)
                reached = sum(pool.ask("wait", wait, args.wait_timeout))
                if reached < run.connected:
                    missing = f"v{versions[i]} reached {reached}/{run.connected}"
                    print(f"  {run.target}: {missing}", flush=True)
                time.sleep(args.gap)
    return sent


def analyse(
    run: Run, sent: dict[int, float], arrivals: list[tuple], urls: list[str], restart: bool
) -> None:
    """Turn raw arrivals into delivery, command and resynchronisation figures."""
    latencies: list[float] = []
    by_server: dict[str, list[float]] = {}
    resync: list[float] = []
    for index, mark, _attempts, seen in arrivals:
        got: dict[int, float] = {}
        for connection, arrived, version in seen:
            if restart and connection > mark:
                continue  # after the restart: counted as resynchronisation, not delivery
            if version in sent and version not in got:
                got[version] = arrived - sent[version]
        run.missed += len(sent) - len(got)
        latencies.extend(got.values())
        server = urls[index].split("/")[2]
        by_server.setdefault(server, []).extend(got.values())
        if restart:
            after = [t for c, t, v in seen if c > mark and v >= max(sent)]
            if after:
                resync.append(min(after))
    run.delivery = summary_ms(latencies)
    if len(by_server) > 1:
        run.delivery_by_server = {name: summary_ms(values) for name, values in by_server.items()}
    run.command_ms = summary_ms([c["returned"] - c["sent"] for c in run.commands])
    if restart and run.restart:
        killed, ready = run.restart["killed"], run.restart["ready"]
        complete = len(resync) == run.clients
        median = percentile([t - ready for t in resync], 50)
        run.restart.update(
            {
                "server_start_s": round(ready - killed, 3),
                "all_resynced_after_ready_s": round(max(resync) - ready, 3) if complete else None,
                "all_resynced_after_kill_s": round(max(resync) - killed, 3) if complete else None,
                "p50_resynced_after_ready_s": _round(median, 3),
            }
        )
        del run.restart["killed"], run.restart["ready"]


# --------------------------------------------------------------------------- report


def ratio(ours: float | None, theirs: float | None) -> float | None:
    """Divide, when both figures exist."""
    return round(ours / theirs, 2) if ours is not None and theirs else None


def rows(ours: Run, ref: Run) -> list[tuple[str, Any, Any, Any]]:
    """Line up the comparable figures of both targets."""
    pairs = [
        ("delivery p50 (ms)", ours.delivery["p50_ms"], ref.delivery["p50_ms"]),
        ("delivery p99 (ms)", ours.delivery["p99_ms"], ref.delivery["p99_ms"]),
        ("delivery max (ms)", ours.delivery["max_ms"], ref.delivery["max_ms"]),
        ("missed deliveries", ours.missed, ref.missed),
        ("command round trip p50 (ms)", ours.command_ms["p50_ms"], ref.command_ms["p50_ms"]),
        ("server memory / connection (KB)", ours.kb_per_connection, ref.kb_per_connection),
        ("connect all N (s)", ours.connect_s, ref.connect_s),
        ("server CPU per connect (ms)", *_both(ours, ref, "cpu_ms_connect_per_client")),
        ("server CPU per delivery (µs)", *_both(ours, ref, "cpu_us_per_delivery")),
        ("server CPU per resync incl. start (ms)", *_both(ours, ref, "cpu_ms_resync_per_client")),
        ("restart: server start (s)", *(r.restart.get("server_start_s") for r in (ours, ref))),
        ("restart: all resynced after ready (s)", *_resync(ours, ref, "after_ready")),
        ("restart: all resynced after kill (s)", *_resync(ours, ref, "after_kill")),
    ]
    return [(label, a, b, ratio(a, b)) for label, a, b in pairs]


def _both(ours: Run, ref: Run, name: str) -> tuple[Any, Any]:
    return getattr(ours, name), getattr(ref, name)


def _resync(ours: Run, ref: Run, which: str) -> tuple[Any, Any]:
    return tuple(r.restart.get(f"all_resynced_{which}_s") for r in (ours, ref))


def verdicts(ours: Run, ref: Run) -> list[tuple[str, bool]]:
    """Check the issue's targets."""
    p99, ref_p99 = ours.delivery["p99_ms"], ref.delivery["p99_ms"]
    resync = ours.restart.get("all_resynced_after_ready_s")
    return [
        (
            f"delivery p99 ≤ {TARGETS['p99_ms']:.0f} ms",
            p99 is not None and p99 <= TARGETS["p99_ms"],
        ),
        (
            f"delivery p99 ≤ {TARGETS['p99_ratio']} × reference",
            p99 is not None and bool(ref_p99) and p99 <= TARGETS["p99_ratio"] * ref_p99,
        ),
        (
            f"memory ≤ {TARGETS['kb_per_connection']:.0f} KB / connection",
            ours.kb_per_connection is not None
            and ours.kb_per_connection <= TARGETS["kb_per_connection"],
        ),
        (
            f"all resynced ≤ {TARGETS['resync_s']:.0f} s after the restarted server is ready",
            resync is not None and resync <= TARGETS["resync_s"],
        ),
        ("no missed delivery", ours.missed == 0),
    ]


def show(setup: str, ours: Run, ref: Run, duo: Run | None) -> None:
    """Print the readable table."""
    print(f"\nLive fan-out — {setup}\n")
    print(f"{'':40} {'tablehop':>10} {'reference':>10} {'ratio':>7}")
    for label, a, b, r in rows(ours, ref):
        print(f"{label:40} {_cell(a):>10} {_cell(b):>10} {_cell(r):>7}")
    if duo is not None:
        d = duo.delivery
        print(f"\nTwo workers on Redis ({duo.clients} clients split evenly, commands to worker 1):")
        print(f"  delivery p50 {d['p50_ms']} ms, p99 {d['p99_ms']} ms,", end="")
        print(f" max {d['max_ms']} ms, missed {duo.missed}")
        for name, figures in duo.delivery_by_server.items():
            print(f"  clients on {name}: p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms")
    print("\nTargets (N = 2,000 in the issue):")
    for label, ok in verdicts(ours, ref):
        print(f"  {'PASS' if ok else 'MISS'}  {label}")


def _cell(value: Any) -> str:
    return "—" if value is None else str(value)


# --------------------------------------------------------------------------- main


def raise_fd_limit() -> int:
    """Raise this process's open-file soft limit to the hard limit (children inherit it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


def parse() -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=2000, help="websocket clients (N)")
    parser.add_argument("--client-procs", type=int, default=2, help="client processes")
    parser.add_argument("--rounds", type=int, default=10, help="`next` commands after `start`")
    parser.add_argument("--gap", type=float, default=0.3, help="pause between commands (s)")
    parser.add_argument("--restart-signal", default="KILL", choices=["KILL", "TERM"])
    parser.add_argument("--no-redis", action="store_true", help="skip the two-worker case")
    parser.add_argument("--only", choices=["tablehop", "reference", "redis"], action="append")
    parser.add_argument("--connect-timeout", type=float, default=60.0)
    parser.add_argument("--wait-timeout", type=float, default=10.0)
    parser.add_argument("--resync-timeout", type=float, default=30.0)
    parser.add_argument("--time-limit", type=int, default=600, help="end the run after (s)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    args.restart_signal = signal.Signals[f"SIG{args.restart_signal}"]
    return args


def redis_reachable() -> bool:
    """Tell whether the local Redis answers."""
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping())
    except redis.RedisError:
        return False


def out_of_time(*_: object) -> None:
    """End the run when the watchdog fires; the `finally` blocks kill every subprocess."""
    raise TimeoutError("the benchmark ran out of time (--time-limit)")


def main() -> None:
    """Measure every target, print the table, write the JSON."""
    args = parse()
    limit = raise_fd_limit()
    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(args.time_limit)
    only = set(args.only or ["tablehop", "reference", "redis"])
    setup = (
        f"N={args.clients} clients in {args.client_procs} client process(es) "
        f"(websockets {websockets.__version__} asyncio client, uvloop), servers in their own "
        f"processes; 1 start + {args.rounds} next; restart by SIG{args.restart_signal.name[3:]}; "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, RLIMIT_NOFILE {limit}"
    )
    print(setup, flush=True)
    runs: dict[str, Run] = {}
    workdir = Path(tempfile.mkdtemp(prefix="tablehop-fanout-"))
    try:
        targets: list[Target] = []
        if "tablehop" in only:
            targets.append(Tablehop(workdir / "one"))
        if "reference" in only:
            targets.append(Reference(workdir))
        if targets:
            names = " and ".join(target.name for target in targets)
            print(f"measuring {names}, their commands interleaved…", flush=True)
            runs.update((run.target, run) for run in measure(targets, args))
        if "redis" in only and not args.no_redis:
            if redis_reachable():
                print("measuring tablehop (two workers on Redis)…", flush=True)
                duo = Tablehop(workdir / "two", workers=2, redis_url=REDIS_URL)
                runs["redis"] = measure([duo], args, memory=False, restart=False)[0]
            else:
                print(f"Redis at {REDIS_URL} is not reachable: two-worker case skipped")
    finally:
        signal.alarm(0)
        shutil.rmtree(workdir, ignore_errors=True)
    if "tablehop" in runs and "reference" in runs:
        show(setup, runs["tablehop"], runs["reference"], runs.get("redis"))
    else:
        for run in runs.values():
            print(json.dumps(asdict(run), indent=1))
    report = {
        "setup": setup,
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "targets": TARGETS,
        "runs": {name: asdict(run) for name, run in runs.items()},
    }
    if "tablehop" in runs and "reference" in runs:
        ours, ref = runs["tablehop"], runs["reference"]
        report["ratios"] = {label: r for label, _a, _b, r in rows(ours, ref)}
        report["verdicts"] = dict(verdicts(ours, ref))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=1))
    print(f"\nwritten to {args.output}")


if __name__ == "__main__":
    main()
