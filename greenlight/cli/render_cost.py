"""`greenlight render-cost`: the AI-shot cost estimator, its budget check and its audit trail."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from greenlight.cli.common import print_json
from greenlight.settings import Settings

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add the `render-cost` subcommand."""
    parser = subparsers.add_parser(
        "render-cost",
        help="estimate the cost of an AI-generated shot",
        description="Estimate an AI-generated (VFX/previs) shot, check a budget, keep an audit.",
    )
    parser.add_argument("--duration", type=float, help="seconds of generated video")
    parser.add_argument("--complexity", default="moderate", help="simple|moderate|complex|hero")
    parser.add_argument("--quantization", default="FP16", help="Q4|Q8|FP16|FP32")
    parser.add_argument("--gpu", default="A10G", help="T4|L4|A10G|L40S|A100|H100")
    parser.add_argument("--batch", type=int, default=1, help="batch size: 1|2|4|8|16|32")
    parser.add_argument("--gpus", type=int, default=1, help="number of GPUs")
    parser.add_argument("--framework", default="native", help="native|tgi|tensorrt-llm|vllm")
    parser.add_argument("--spot", action="store_true", help="spot instances")
    parser.add_argument("--budget", type=float, help="budget for this job")
    parser.add_argument("--job", default="job", help="job name for the audit trail")
    parser.add_argument("--rates", type=Path, help="multipliers JSON (default: data/)")
    parser.add_argument("--audit", action="store_true", help="list the job's audit trail")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=handle)


def _print_check(check: Any) -> None:
    est = check.estimate
    print(f"{'Step':<28}{'Factor':>10}{'Running':>14}")
    for step in est.steps:
        print(f"{step.name:<28}{float(step.factor):>10.4g}{float(step.running):>14.2f}")
    if est.limit:
        print(f"per-job {est.limit} applies: {est.currency} {est.cost}")
    for attempt in check.attempts[:-1]:
        print(f"{attempt.spec.quantization}: {attempt.currency} {attempt.cost} (over budget)")
    print(check.message)
    if check.backend_detail:
        print(f"recommended: {check.backend_detail}")


def handle(args: argparse.Namespace) -> int:
    """Estimate (or list the audit trail) and print."""
    from tools.render_cost import AuditLog, ShotSpec, load_render_rates, plan_shot

    log = AuditLog(Settings().data_dir / "audit")
    if args.audit:
        entries = log.entries(args.job)
        if args.json:
            print_json([entry.model_dump(mode="json") for entry in entries])
        for entry in [] if args.json else entries:
            print(f"{entry.time}  {entry.job}  {entry.decision:<22}{entry.rationale}")
        return 0
    if args.duration is None:
        raise ValueError("--duration is required to estimate a shot")
    spec = ShotSpec(
        duration_s=args.duration,
        complexity=args.complexity,
        quantization=args.quantization,
        gpu=args.gpu,
        batch_size=args.batch,
        gpus=args.gpus,
        framework=args.framework,
        spot=args.spot,
    )
    check = plan_shot(
        spec, rates=load_render_rates(args.rates), budget=args.budget, job=args.job, audit=log
    )
    if args.json:
        print_json(check.model_dump(mode="json"))
    else:
        _print_check(check)
    return 0 if check.within_budget else 3
