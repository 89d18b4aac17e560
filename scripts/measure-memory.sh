#!/usr/bin/env bash
# Peak resident memory of the trainer on its home screen and in a Foundation paper, with the
# bundled banks and a history of 10,000 attempts. Needs python3 and tmux (measurement only).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/itil-trainer
data=$(mktemp -d)
trap 'tmux kill-session -t itil-rss 2>/dev/null || true; rm -rf "$data"' EXIT
"$bin" --data-dir "$data" history >/dev/null   # creates and migrates the database
python3 - "$data/history.sqlite3" <<'PY'
import sqlite3, sys, random
db = sqlite3.connect(sys.argv[1]); random.seed(1)
with db:
    for n in range(10_000):
        cur = db.execute("INSERT INTO attempt (exam, exam_name, mode, seed, started_at, finished_at, time_limit_s,"
                         " time_used_s, ended, questions, pass_mark) VALUES ('foundation', 'ITIL 4 Foundation', 'mock',"
                         " ?, ?, ?, 3600, 3000, 'submitted', 40, 26)", (n, 1_790_000_000 + n, 1_790_003_000 + n))
        a = cur.lastrowid
        rows = [(a, p, f"FND-{p % 218 + 1:04d}", f"{p % 18}", "area", 2, 2, "0123", p % 4, random.randrange(4)) for p in range(40)]
        db.executemany("INSERT INTO response (attempt_id, position, question_id, area, area_title, area_bloom, bloom,"
                       " option_order, answer, chosen) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    db.execute("UPDATE response SET correct = (chosen = answer)")
    db.execute("UPDATE attempt SET score = (SELECT sum(correct) FROM response WHERE attempt_id = attempt.id),"
               " passed = (SELECT sum(correct) FROM response WHERE attempt_id = attempt.id) >= 26")
    db.execute("INSERT INTO tally SELECT a.exam, r.area, r.bloom, max(r.area_title), max(r.area_bloom), sum(r.correct),"
               " count(*) FROM response r JOIN attempt a ON a.id = r.attempt_id GROUP BY a.exam, r.area, r.bloom")
PY
tmux new-session -d -s itil-rss -x 80 -y 24 "$bin --data-dir $data"
sleep 1
pid=$(pgrep -n -f "$bin --data-dir $data")
echo "home screen:        $(grep VmHWM /proc/$pid/status)"
tmux send-keys -t itil-rss Enter; sleep 0.5
echo "in a paper:         $(grep VmHWM /proc/$pid/status)"
tmux send-keys -t itil-rss q; sleep 0.3; tmux send-keys -t itil-rss y; sleep 0.3
tmux send-keys -t itil-rss h; sleep 1
echo "history (10,000):   $(grep VmHWM /proc/$pid/status)"
