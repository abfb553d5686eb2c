#!/usr/bin/env bash
# Submits a sharded metabolis sweep: a job array of K shards and a merge that runs only when all of
# them succeeded. Prints the two job ids ("<array> <merge>"). Extra arguments go to every
# `metabolis sweep` (e.g. --sampler sobol --n 4096); sbatch options come from SBATCH_* variables
# or the #SBATCH lines of the two scripts (e.g. SBATCH_PARTITION=long).
#
#   cli/slurm/submit-sweep.sh models/x/sweep.yaml runs/x 8 --n 4096
set -euo pipefail

if [[ $# -lt 3 ]] || ! [[ $3 =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 <sweep-file> <out-dir> <shards> [metabolis sweep flags]" >&2
  exit 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
sweep=$1
out=$2
shards=$3
shift 3

array=$(sbatch --parsable --array="0-$((shards - 1))" "$here/sweep-array.sbatch" "$sweep" "$out" "$@")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes "$here/merge.sbatch" "$out")
echo "$array ${merge%%;*}"
