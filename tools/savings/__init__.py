"""Savings analyses, each measured against the same baseline (script order packed into days).

- `cluster_days` / `clustering_report`: scenes grouped by location (set-ups and moves saved).
- `scale_crew`: crew per department per day sized by need, a small MIP over the rate card.
- `stunt_candidates` / `relocate`: public-place stunts a stage could host, never applied
  silently.
- `waterfall`: the total saving attributed to each analysis without double counting.
"""

from __future__ import annotations

from tools.savings.attribution import Saving, Step, waterfall
from tools.savings.clustering import ClusteringReport, cluster_days, clustering_report, pack_days
from tools.savings.scaling import scale_crew
from tools.savings.stunts import (
    StuntCandidate,
    relocate,
    stunt_candidates,
    stunt_scenes_at_public_places,
)

__all__ = [
    "ClusteringReport",
    "Saving",
    "Step",
    "StuntCandidate",
    "cluster_days",
    "clustering_report",
    "pack_days",
    "relocate",
    "scale_crew",
    "stunt_candidates",
    "stunt_scenes_at_public_places",
    "waterfall",
]
