#!/usr/bin/env bash
# A sharded sweep under a real, single-host Slurm (see shared SLURM.md): installs slurm-wlm and
# munge when missing, starts munged, slurmctld and slurmd on localhost with a scratch
# configuration, submits a job array of 3 shards of the tiny test sweep and a dependent merge
# (cli/slurm/submit-sweep.sh), runs the same sweep in one process, and checks that the merged
# Parquet files are byte for byte the one-process files. The daemons it started are stopped on
# exit, whatever happens. Every wait has a time limit.
#
#   bash test/slurm/slurm.sh          # needs root (to install and start the daemons)
#   METABOLIS_SKIP_SLURM=1 ...        # prints "skipped" and succeeds (e.g. on a developer machine)
#
# METABOLIS is the metabolis command the jobs run (default: the sweep commands from source, via tsx).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [[ -n "${METABOLIS_SKIP_SLURM:-}" ]]; then
  echo "slurm test: skipped (METABOLIS_SKIP_SLURM is set)"
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "slurm test: skipped (it needs root to install and start munge and Slurm)"
  exit 0
fi
if ! command -v slurmctld > /dev/null || ! command -v munged > /dev/null; then
  echo "slurm test: installing slurm-wlm and munge"
  timeout 600 apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq slurm-wlm munge > /dev/null
fi

tsx=$(cd "$repo" && node -p 'require("url").pathToFileURL(require.resolve("tsx")).href')
export METABOLIS=${METABOLIS:-"node --import $tsx $repo/test/fixtures/sweeps/sweepCli.ts"}
scratch=$(mktemp -d /tmp/metabolis-slurm.XXXXXX)
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2> /dev/null || true
  done
  if [[ $status -ne 0 ]]; then
    for log in "$scratch"/log/*.log "$scratch"/work/*.log; do [[ -f $log ]] && { echo "--- $log"; tail -n 30 "$log"; }; done
  fi
  rm -rf "$scratch"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# wait_for <seconds> <description> <command…>: polls the command every 0.2 s until it succeeds.
wait_for() {
  local limit=$1 what=$2
  shift 2
  local deadline=$((SECONDS + limit))
  until "$@" > /dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      echo "slurm test: timed out after ${limit}s waiting for $what" >&2
      return 1
    fi
    sleep 0.2
  done
}

# munge: started here only if none answers already (a munged we did not start is left alone).
if ! munge -n > /dev/null 2>&1; then
  install -d -o munge -g munge -m 0755 /run/munge
  install -d -o munge -g munge -m 0700 /etc/munge
  if [[ ! -f /etc/munge/munge.key ]]; then mungekey -c > /dev/null; fi
  chown munge:munge /etc/munge/munge.key
  chmod 400 /etc/munge/munge.key
  setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged -F > "$scratch/munged.log" 2>&1 &
  pids+=($!)
  wait_for 20 "munged" munge -n
fi

host=$(hostname -s)
mkdir -p "$scratch"/{state,spool,log,run,work}
export SLURM_CONF="$scratch/slurm.conf"
cat > "$SLURM_CONF" << CONF
ClusterName=metabolis-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
StateSaveLocation=$scratch/state
SlurmdSpoolDir=$scratch/spool
SlurmctldLogFile=$scratch/log/slurmctld.log
SlurmdLogFile=$scratch/log/slurmd.log
SlurmctldPidFile=$scratch/run/slurmctld.pid
SlurmdPidFile=$scratch/run/slurmd.pid
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=1000
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -D -i > "$scratch/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D > "$scratch/log/slurmd.out" 2>&1 &
pids+=($!)
node_idle() { [[ $(sinfo -h -o %T 2> /dev/null) == idle ]]; }
wait_for 60 "the Slurm node to be idle" node_idle

sweep="$repo/test/fixtures/sweeps/tiny/sweep.yaml"
cd "$scratch/work"
read -r array merge < <("$repo/cli/slurm/submit-sweep.sh" "$sweep" "$scratch/sharded" 3 --n 16)
echo "slurm test: submitted array job $array (3 shards) and merge job $merge"
jobs_gone() { [[ -z $(squeue -h -j "$array,$merge" 2> /dev/null) ]]; }
wait_for 300 "the array and merge jobs to finish" jobs_gone

read -r -a metabolis <<< "$METABOLIS"
timeout 300 "${metabolis[@]}" sweep "$sweep" --n 16 --threads 2 --quiet --out "$scratch/single" > /dev/null

failed=0
check() {
  if "$@"; then echo "ok: ${*: -1}"; else echo "FAILED: $*" >&2; failed=1; fi
}
check test -f "$scratch/sharded/manifest.json"
for file in $(cd "$scratch/single" && find samples results summary.parquet -type f | sort); do
  check cmp -s "$scratch/single/$file" "$scratch/sharded/$file"
done
same_manifest() {
  node -e '
    const [a, b] = process.argv.slice(1).map((f) => JSON.parse(require("fs").readFileSync(f, "utf8")));
    const { mergedFrom, ...merged } = b;
    process.exit(JSON.stringify(a) === JSON.stringify(merged) && mergedFrom.length === 3 && merged.complete ? 0 : 1);
  ' "$1" "$2"
}
check same_manifest "$scratch/single/manifest.json" "$scratch/sharded/manifest.json"

if ((failed)); then
  echo "slurm: 0 passed, 1 failed"
  exit 1
fi
echo "slurm: 1 passed, 0 failed"
