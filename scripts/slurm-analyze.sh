#!/usr/bin/env bash
# A cohort on a Slurm cluster: one clip per task of a job array, each writing its own result
# JSON; merge them once every task has finished. From the repository root (npm ci done there,
# on a file system the compute nodes share):
#
#   ls /data/cohort/*.mp4 > clips.txt
#   mkdir -p logs
#   sbatch --array=1-$(wc -l < clips.txt)%100 scripts/slurm-analyze.sh clips.txt results [--baseline B.mp4 ...]
#   npm run analyze -- --merge results/ --out results/summary.csv      # after the array is done
#
# %100 caps how many tasks run at once. Options after the two arguments go to every clip's
# `npm run analyze`. A task that fails (an unreadable clip) exits 1, so `sacct` lists it, and
# its clip is missing from the merge. Without Slurm, one task runs with SLURM_ARRAY_TASK_ID=N.
#SBATCH --job-name=twitchscope
#SBATCH --cpus-per-task=1
#SBATCH --mem=2G
#SBATCH --time=00:30:00
#SBATCH --output=logs/%x-%A_%a.out
set -euo pipefail
list=${1:?usage: sbatch --array=1-N scripts/slurm-analyze.sh CLIPS.txt RESULTS/ [analyze options]}
results=${2:?usage: sbatch --array=1-N scripts/slurm-analyze.sh CLIPS.txt RESULTS/ [analyze options]}
shift 2
task=${SLURM_ARRAY_TASK_ID:?run this with sbatch --array=1-N (or set SLURM_ARRAY_TASK_ID=N)}
# sbatch runs a copy of this script from its spool directory: paths are taken from where the
# job was submitted, the repository root.
cd "${SLURM_SUBMIT_DIR:-$PWD}"
clip=$(sed -n "${task}p" "$list")
if [ -z "$clip" ]; then
  echo "task $task: $list has no line $task" >&2
  exit 1
fi
name=$(basename "$clip")
mkdir -p "$results"
exec npm run -s analyze -- "$clip" --out "$results/${name%.*}.json" "$@"
