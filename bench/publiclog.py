"""The public log at size: publish N synthetic records five times (a few new records each time), then verify.

Reports the log's size (entries, bytes) after the fifth publication, the wall and CPU time of each
`trustpages publish` (a whole MkDocs build with the log), and of `trustpages verify --since`
against the first checkpoint, with the site served over HTTP on localhost.

    .venv/bin/python bench/publiclog.py --records 1000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from synth import synthesise  # type: ignore[import-not-found]

REPO = Path(__file__).resolve().parents[1]


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def timed(*args: str, cwd: Path, env: dict[str, str]) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "trustpages", *args], cwd=cwd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"trustpages {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--publishes", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        project, served = root / "project", root / "served"
        synthesise(project / "content", args.records, 0)
        shutil.copytree(REPO / "site_src", project / "site_src")
        shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
        served.mkdir()
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(served)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        env.update(TRUSTPAGES_LIVE_URL=url, NO_MKDOCS_2_WARNING="1")
        saved = root / "checkpoint.json"
        for number in range(args.publishes):
            if number:  # a few new records between publications
                for path in sorted((project / "content" / "mistakes").glob("[0-9]*.yml"))[:8]:
                    shutil.copy(path, project / "content" / "mistakes" / f"n{number}-{path.name}")
            extra = ["--first-publication"] if number == 0 else []
            wall, cpu, _ = timed("publish", "-d", str(served), *extra, cwd=project, env=env)
            entries = served / "log" / "entries.jsonl"
            print(f"publish {number + 1}: {wall:.1f} s wall, {cpu:.1f} s CPU; log {sum(1 for _ in entries.open('rb'))} entries, "
                  f"{entries.stat().st_size / 1e6:.2f} MB")  # fmt: skip
            if number == 0:
                timed("verify", url, "--save", str(saved), cwd=root, env=env)
        wall, cpu, out = timed("verify", url, "--since", str(saved), cwd=root, env=env)
        print(f"verify --since the first checkpoint: {wall:.2f} s wall, {cpu:.2f} s CPU")
        print(json.loads((served / "log" / "checkpoint.json").read_text()))
        server.shutdown()


if __name__ == "__main__":
    main()
