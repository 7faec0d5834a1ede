#!/usr/bin/env bash
# run.sh — the memrules benchmark in one command (issue 6): cost, scaling, robustness.
#
#   bench/run.sh                      # everything, about 50 minutes on 2 cores
#   bench/run.sh --quick              # a small subset of each piece, under 2 minutes
#   bench/run.sh --repeat 3           # plain and plugin compiles 3 times, minimum kept
#   bench/run.sh --only corpus        # one piece: corpus, synth or robust (comma list)
#
# Pieces (bench/README.md):
#   corpus  fetch zlib, lua5.4, sqlite3 (+ amalgamation), curl, jq with apt-get source,
#           record their compile commands once (realcode.sh --prepare-only), compile
#           every C TU plain -O2 / with the plugin / with -fanalyzer (measure.py)
#   synth   synthetic worst cases at growing sizes, and the budget (synth.py run)
#   robust  torture files, csmith programs, random allocation programs (robust.py)
# then report.py writes bench/results/report.md and report.json.
#
# Options: --plugin SO (default: build/memrules.so, built first if missing),
#   --src DIR (the source tree of that plugin, for the probe build; default: this one),
#   --projects "LIST", --jobs N, --no-analyzer, --csmith N (default 1000),
#   --random N (default 500), --results DIR.
# Exit status: 1 when the plugin ICEd, failed, changed an object or gave unstable
# diagnostics anywhere; the cost targets never fail the run (it is a benchmark).
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH/.." && pwd)
RESULTS=${MEMRULES_RESULTS:-$BENCH/results}
PLUGIN="" QUICK=0 REPEAT=1 JOBS=$(nproc) ONLY="corpus,synth,robust" ANALYZER=1
PROJECTS="zlib lua5.4 sqlite3 curl jq" CSMITH=1000 RANDOM_N=500
CMDLINE="bench/run.sh $*"
SRC=$REPO

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --plugin) PLUGIN=$(realpath "$2"); shift 2 ;;
    --src) SRC=$(realpath "$2"); shift 2 ;;
    --quick) QUICK=1; shift ;;
    --repeat) REPEAT=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --projects) PROJECTS=$2; shift 2 ;;
    --jobs) JOBS=$2; shift 2 ;;
    --no-analyzer) ANALYZER=0; shift ;;
    --csmith) CSMITH=$2; shift 2 ;;
    --random) RANDOM_N=$2; shift 2 ;;
    --results) RESULTS=$(realpath -m "$2"); shift 2 ;;
    *) usage ;;
  esac
done
want() { case ",$ONLY," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
log() { echo "[run] $*" >&2; }

# ---- what it needs ---------------------------------------------------------
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
need=()
for p in gcc g++ make python3 util-linux csmith libcsmith-dev; do
  have_pkg "$p" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ -z "$PLUGIN" ]; then
  PLUGIN=$REPO/build/memrules.so
  [ -f "$PLUGIN" ] || { log "building the plugin (quickstart.sh)"; "$REPO/quickstart.sh"; }
fi

# A private copy (the build tree may be rebuilt meanwhile), named memrules.so so that
# -fplugin-arg-memrules-* reach it; the probe build from the same source tree.
WORK=$(mktemp -d /tmp/memrules-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/plugin" "$WORK/probe" "$RESULTS"
cp "$PLUGIN" "$WORK/plugin/memrules.so"
P=$WORK/plugin/memrules.so
log "plugin: $PLUGIN (copied to $P)"
if want corpus || want synth; then
  log "building the probe plugin from $SRC (bench/probe/build.sh)"
  "$BENCH/probe/build.sh" --src "$SRC" "$WORK/probe/memrules.so" >/dev/null
  echo 'int f (void) { return 0; }' >"$WORK/probe/t.c"
  gcc -c "$WORK/probe/t.c" -o "$WORK/probe/t.o" -fplugin="$WORK/probe/memrules.so" ||
    { log "error: the probe plugin does not load (is --src the plugin's source tree?)"; exit 1; }
fi
PR=$WORK/probe/memrules.so
status=0
t0=$SECONDS

# ---- corpus ----------------------------------------------------------------
if want corpus; then
  projects=$PROJECTS
  [ $QUICK = 1 ] && projects="zlib jq"
  log "corpus: fetching and recording $projects (once; bench/realcode.sh --prepare-only)"
  "$BENCH/realcode.sh" --prepare-only --projects "$projects"
  args=(--plugin "$P" --probe "$PR" --stability --projects "$projects"
        --repeat "$REPEAT" --jobs "$JOBS" --out "$RESULTS/corpus")
  [ $QUICK = 1 ] && args+=(--quick)
  [ $ANALYZER = 0 ] && args+=(--no-analyzer)
  log "corpus: measuring"
  python3 "$BENCH/measure.py" "${args[@]}" || status=1
fi

# ---- scaling ---------------------------------------------------------------
if want synth; then
  args=(--plugin "$P" --probe "$PR" --repeat "$REPEAT" --out "$RESULTS")
  [ $QUICK = 1 ] && args+=(--quick)
  log "synth: synthetic worst cases"
  python3 "$BENCH/synth.py" run "${args[@]}" || status=1
fi

# ---- robustness ------------------------------------------------------------
if want robust; then
  if [ $QUICK = 1 ]; then CSMITH=20 RANDOM_N=20; fi
  log "robust: torture, $CSMITH csmith programs, $RANDOM_N random programs"
  rm -rf "$RESULTS/robust/work-"*
  python3 "$BENCH/robust.py" torture csmith random --plugin "$P" --jobs "$JOBS" \
    --csmith-count "$CSMITH" --random-count "$RANDOM_N" --out "$RESULTS/robust" \
    $([ $QUICK = 1 ] && echo --quick) || status=1
fi

python3 "$BENCH/report.py" --results "$RESULTS" --command "$CMDLINE" >/dev/null
log "done in $((SECONDS - t0)) s: $RESULTS/report.md, $RESULTS/report.json"
sed -n '/^## Targets/,/^## Corpus/p' "$RESULTS/report.md" | sed '$d'
exit $status
