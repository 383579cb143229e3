"""Soak test of the answer store: kill and concurrency attacks for a few minutes, then counts.

Not part of ``make test`` (it runs for minutes). Run it with

    .venv/bin/python benchmarks/soak.py --minuten 3

It repeats, until the time is up:

- **kill**: a writer process saves answers in a loop and is killed with SIGKILL at a random moment;
  afterwards the file must still be readable and hold every answer the writer reported as saved;
- **concurrency**: 2 to 4 processes save interleaved answers to the same notebook file at once,
  one of them sometimes holding the lock for a while; afterwards every answer must be there;
- **damaged**: three processes open the same damaged file at once; none may crash and exactly one
  backup may appear.

It prints the counts (rounds, saves, kills, damaged files, lost answers, crashes, leftover
temporary files and emergency copies) as a Markdown table for docs/betrouwbaarheid.md.
"""

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}

WRITER = """
import sys
from lexicon_tools import AnswerStore
store = AnswerStore("soak", delay=0)
name, count = sys.argv[1], int(sys.argv[2])
print("klaar", flush=True)
for i in range(count):
    store.set(f"{name}-{i}", f"antwoord {i} van {name} " + "x" * (i % 50))
    if store.last_error is None and not store.has_unsaved:
        print(i, flush=True)
"""

OPENER = """
import sys, time
from lexicon_tools import AnswerStore
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
AnswerStore("soak")
"""


def writer(folder: Path, name: str, count: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", WRITER, name, str(count)], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**ENV, "NABIJHEID_DATA": str(folder)})
    proc.stdout.readline()  # imported and ready
    return proc


def saved_answers(folder: Path) -> dict | None:
    try:
        return json.loads((folder / "soak.json").read_text(encoding="utf-8"))["antwoorden"]
    except (OSError, ValueError, KeyError):
        return None


def kill_round(folder: Path, counts: dict) -> None:
    proc = writer(folder, f"k{counts['kills']}", 400)
    time.sleep(random.uniform(0.01, 0.4))
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate()
    confirmed = [int(line) for line in out.split() if line.isdigit()]
    counts["kills"] += 1
    counts["saves"] += len(confirmed)
    answers = saved_answers(folder)
    if answers is None and (folder / "soak.json").exists():
        counts["damaged"] += 1
        return
    name = f"k{counts['kills'] - 1}"
    counts["lost"] += sum(1 for i in confirmed if f"{name}-{i}" not in (answers or {}))


def concurrency_round(folder: Path, counts: dict) -> None:
    names = [f"c{counts['rounds']}-{n}" for n in range(random.randint(2, 4))]
    procs = [writer(folder, name, 60) for name in names]
    for name, proc in zip(names, procs):
        out, err = proc.communicate(timeout=300)
        counts["crashes"] += proc.returncode != 0
        confirmed = [int(line) for line in out.split() if line.isdigit()]
        counts["saves"] += len(confirmed)
        answers = saved_answers(folder) or {}
        counts["lost"] += sum(1 for i in confirmed if f"{name}-{i}" not in answers)


def damaged_round(folder: Path, counts: dict) -> None:
    target = folder / "soak.json"
    before = set(folder.glob("soak.kapot-*.json"))
    keep = target.read_bytes() if target.exists() else None
    target.write_text("{kapot", encoding="utf-8")
    start = str(time.time() + 3)
    procs = [subprocess.Popen([sys.executable, "-c", OPENER, start], stderr=subprocess.PIPE,
                              text=True, env={**ENV, "NABIJHEID_DATA": str(folder)})
             for _ in range(3)]
    for proc in procs:
        proc.communicate(timeout=120)
        counts["crashes"] += proc.returncode != 0
    new = set(folder.glob("soak.kapot-*.json")) - before
    counts["damaged_opened"] += 1
    counts["wrong_backups"] += len(new) != 1
    if keep is not None:  # put the good answers back for the next rounds
        target.write_bytes(keep)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minuten", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    random.seed(args.seed)
    counts = dict(rounds=0, saves=0, kills=0, damaged=0, lost=0, crashes=0, damaged_opened=0,
                  wrong_backups=0)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        deadline = time.monotonic() + args.minuten * 60
        while time.monotonic() < deadline:
            kill_round(folder, counts)
            if counts["rounds"] % 3 == 0:
                concurrency_round(folder, counts)
            if counts["rounds"] % 10 == 0:
                damaged_round(folder, counts)
            counts["rounds"] += 1
        # the next time a student opens the notebook and types, leftovers are cleaned up
        subprocess.run([sys.executable, "-c", "from lexicon_tools import AnswerStore\n"
                        "AnswerStore('soak', delay=0).set('afsluiting', 'klaar')"],
                       env={**ENV, "NABIJHEID_DATA": str(folder)}, check=True, timeout=120)
        leftovers = len(list(folder.glob(".soak.*.tmp")))
        journals = len(list(folder.glob(".soak.wacht-*")))
    print(f"Soak-test van het antwoordbestand, {args.minuten:g} minuten, "
          f"{time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores\n")
    print("| wat | aantal |\n|---|---:|")
    rows = [("rondes", counts["rounds"]), ("bevestigde opslagen", counts["saves"]),
            ("processen gedood (SIGKILL) tijdens het opslaan", counts["kills"]),
            ("beschadigde antwoordbestanden", counts["damaged"]),
            ("verloren antwoorden", counts["lost"]),
            ("processen die vastliepen of crashten", counts["crashes"]),
            ("beschadigd bestand door 3 processen tegelijk geopend", counts["damaged_opened"]),
            ("daarbij niet precies één reservekopie", counts["wrong_backups"]),
            ("achtergebleven tijdelijke bestanden", leftovers),
            ("achtergebleven noodkopieën", journals)]
    for label, value in rows:
        print(f"| {label} | {value} |")
    bad = counts["damaged"] + counts["lost"] + counts["crashes"] + counts["wrong_backups"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
