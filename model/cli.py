"""The `langsniff` command: `data ...` (from langsniff.datasets), `train`, `eval`, `tune`, `gate`, `detect`.

Expected failures (bad data, a broken artifact, a bad file or setting) print
`langsniff: error: <message>` and exit with status 2, never a traceback. Heavy imports
(torch) happen inside the handlers, so `langsniff --help` stays fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from langsniff.datasets import cli as data_cli
from langsniff.datasets.errors import DataError
from langsniff.model.prediction import ArtifactError
from langsniff.model.shipped import MODEL_HELP, artifact_path

EXPECTED_ERRORS = (DataError, ArtifactError, ValueError, OSError)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="langsniff", description="Detect the programming language of code.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    data_cli.register(commands)
    _add_train(commands)
    _add_eval(commands)
    _add_tune(commands)
    _add_average(commands)
    _add_gate(commands)
    _add_detect(commands)
    return parser


def _add_cache_and_corpus(parser: argparse.ArgumentParser) -> None:
    data_cli.add_cache_argument(parser)
    parser.add_argument(
        "--corpus", type=Path, default=None, metavar="DIR", help="corpus folder (default: <cache>/corpus)"
    )


def _add_train(commands) -> None:
    train = commands.add_parser(
        "train",
        help="train a preset on the corpus and write an artifact folder",
        description="Train a preset on <corpus>/train.jsonl, validate on its validation "
        "windows, keep the best model, calibrate it, write an artifact folder.",
    )
    train.add_argument("--preset", default="langsniff", help="v1..v5 (the reference's versions) or langsniff")
    train.add_argument("--out", type=Path, required=True, metavar="DIR", help="artifact folder to write")
    _add_cache_and_corpus(train)
    budget = train.add_mutually_exclusive_group(required=True)
    budget.add_argument("--minutes", type=float, help="training time budget (schedule follows elapsed time)")
    budget.add_argument("--epochs", type=positive, help="epochs of steps_per_epoch steps (reproducible)")
    train.add_argument("--resume", action="store_true", help="continue from <out>/checkpoint if present")
    train.add_argument(
        "--init",
        type=Path,
        default=None,
        metavar="ARTIFACT",
        help="start from a trained artifact's weights and tokenizer (its labels keep their rows; new labels start fresh)",
    )
    train.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        dest="overrides",
        help="override a model or training setting, e.g. d_model=256 or steps_per_epoch=100",
    )
    _add_half(train)
    train.add_argument("--threads", type=positive, default=2, help="torch threads (default: 2)")
    train.add_argument("--no-progress", action="store_true", help="no progress bar")
    train.set_defaults(func=run_train)


def _add_eval(commands) -> None:
    evaluate = commands.add_parser(
        "eval",
        help="score an artifact by snippet length; write metrics.json and plots",
        description="Accuracy, per-label scores, confusion matrix, accuracy and coverage "
        "at 97% precision by snippet length, calibration error.",
    )
    evaluate.add_argument("artifact", type=artifact_path, metavar="MODEL", help=MODEL_HELP)
    evaluate.add_argument(
        "--data",
        type=Path,
        default=None,
        metavar="FILE|DIR",
        help="JSONL/CSV/folder to score, as given and cut to 1/3/5/10/20 lines (default: the corpus's test windows)",
    )
    _add_cache_and_corpus(evaluate)
    evaluate.add_argument(
        "--split", default="test", choices=("validation", "test"), help="corpus split (default: test)"
    )
    evaluate.add_argument("--limit", type=count, default=0, metavar="N", help="score at most N texts per set (0: all)")
    evaluate.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="where metrics.json and the plots go (default: runs/eval/<artifact>/<data>)",
    )
    evaluate.set_defaults(func=run_eval)


def _add_half(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--half", action="store_true", help="store weights as float16 (half the size)")


def _add_tuning_windows(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--per-set", type=positive, default=1000, metavar="N", help="validation windows per length")


def _add_tune(commands) -> None:
    tune = commands.add_parser(
        "tune",
        help="refit an artifact's temperature and per-length thresholds on validation windows",
        description="Refit the temperature and the 97%-precision threshold of each snippet length "
        "on the corpus's validation windows (of the labels the artifact knows, and of its hard "
        "negatives counted as plaintext), in place.",
    )
    tune.add_argument("artifact", type=Path, metavar="ARTIFACT", help="artifact folder (rewritten in place)")
    _add_cache_and_corpus(tune)
    _add_tuning_windows(tune)
    tune.set_defaults(func=run_tune)


def _add_average(commands) -> None:
    average = commands.add_parser(
        "average",
        help="average the weights of a fine-tuned artifact and the one it started from",
        description="Write an artifact whose weights are the mean of the given artifacts' (the same "
        "labels, model shape and tokenizer: a run and the artifact it was --init from), with the "
        "first one's config, then refit its temperature and thresholds on validation windows.",
    )
    average.add_argument("artifacts", type=Path, nargs="+", metavar="ARTIFACT", help="artifact folders")
    average.add_argument("--out", type=Path, required=True, metavar="DIR", help="artifact folder to write")
    _add_cache_and_corpus(average)
    _add_tuning_windows(average)
    _add_half(average)
    average.set_defaults(func=run_average)


def _add_gate(commands) -> None:
    gate = commands.add_parser(
        "gate",
        help="make an artifact defer to a base artifact with fewer labels, and fit when it does",
        description="Make ARTIFACT answer only where it names a label BASE does not know and is sure "
        "enough, and BASE everything else; the gates are the loosest that cost BASE's labels at most "
        "half a point of accuracy at any snippet length on validation windows (rewritten in place).",
    )
    gate.add_argument("artifact", type=Path, metavar="ARTIFACT", help="artifact folder (rewritten in place)")
    gate.add_argument(
        "--base", required=True, metavar="BASE", help="a shipped model's name, or a folder relative to ARTIFACT"
    )
    _add_cache_and_corpus(gate)
    gate.add_argument(
        "--per-label", type=positive, default=100, metavar="N", help="validation windows per label and length"
    )
    gate.set_defaults(func=run_gate)


def _add_detect(commands) -> None:
    detect = commands.add_parser(
        "detect",
        help="print the language of a file or of standard input",
        description="Print the most likely language and the top probabilities.",
    )
    detect.add_argument("file", metavar="FILE|-", help="a text file, or - for standard input")
    detect.add_argument(
        "--model", type=artifact_path, default=None, metavar="MODEL", help=f"{MODEL_HELP} (default: default)"
    )
    detect.add_argument("--json", action="store_true", help="print JSON for scripts")
    detect.add_argument("--top", type=positive, default=3, help="how many probabilities to show (default: 3)")
    detect.set_defaults(func=run_detect)


def run_train(args: argparse.Namespace) -> int:
    import torch

    from langsniff.model.training import TrainRequest, train

    torch.set_num_threads(args.threads)
    overrides = dict(_key_value(item) for item in args.overrides)
    request = TrainRequest(
        preset=args.preset,
        out=args.out,
        corpus=_corpus(args),
        minutes=args.minutes,
        epochs=args.epochs,
        resume=args.resume,
        init=args.init,
        overrides=overrides,
        half=args.half,
        progress=not args.no_progress,
    )
    metrics = train(request)
    calibration = metrics["calibration"]
    print(
        f"wrote {args.out}: best validation mean accuracy {metrics['best_validation_mean_accuracy']:.4f}, "
        f"temperature {calibration['temperature']:.3f}, threshold {calibration['threshold']:.3f}"
    )
    return 0


def run_tune(args: argparse.Namespace) -> int:
    return _retune(args.artifact, args)


def _retune(folder: Path, args: argparse.Namespace) -> int:
    from langsniff.model.artifact import describe_thresholds
    from langsniff.model.training import retune

    tuned = retune(folder, _corpus(args), args.per_set)
    print(
        f"wrote {folder}: temperature {tuned['temperature']:.3f}, "
        f"thresholds {describe_thresholds(tuned['thresholds_by_lines'], tuned['threshold'])}; "
        f"coverage at 97% {tuned['coverage_at_97']:.3f}, prose triggers {tuned['prose_trigger_rate']:.3f}"
    )
    return 0


def run_average(args: argparse.Namespace) -> int:
    from langsniff.model.averaging import average_artifacts

    average_artifacts(args.artifacts, args.out, half=args.half)
    return _retune(args.out, args)


def run_gate(args: argparse.Namespace) -> int:
    from langsniff.model.training import gate_on_base

    fit = gate_on_base(args.artifact, args.base, _corpus(args), args.per_label)
    losses = ", ".join(f"{name} {-100 * loss:+.1f}" for name, loss in fit["base_loss"].items())
    found = ", ".join(f"{name} {100 * accuracy:.1f}%" for name, accuracy in fit["new_accuracy"].items())
    print(
        f"wrote {args.artifact}: defers to {args.base}; answers its new labels from {fit['gate']:.2f} "
        f"confidence ({fit['plaintext_gate']:.2f} where the base says plain text)\n"
        f"  base labels, change in accuracy (points): {losses}\n  new labels right: {found}"
    )
    return 0


def run_eval(args: argparse.Namespace) -> int:
    from langsniff.model.evaluate_artifact import run_evaluation

    run_evaluation(
        args.artifact, data=args.data, corpus=_corpus(args), split=args.split, limit=args.limit, out=args.out
    )
    return 0


def run_detect(args: argparse.Namespace) -> int:
    text = _read_text(args.file)
    from langsniff.model.classifier import Classifier

    classifier = Classifier.load(args.model, threads=1) if args.model else Classifier.default(threads=1)
    prediction = classifier.predict(text)
    if args.json:
        print(
            json.dumps(
                {
                    "label": prediction.label,
                    "confidence": prediction.confidence,
                    "above_threshold": prediction.sure,
                    "threshold": prediction.threshold,
                    "probabilities": prediction.probabilities,
                    "tokens": prediction.tokens,
                    "windows": prediction.windows,
                    "truncated": prediction.truncated,
                }
            )
        )
        return 0
    names = classifier.display_names
    sure = "" if prediction.sure else f" (below the detection threshold, {prediction.threshold:.0%} for this length)"
    print(f"{prediction.label}{sure}")
    for label, probability in prediction.top(args.top):
        print(f"  {names[label]:<12} {probability:7.2%}")
    return 0


def _read_text(name: str) -> str:
    """The input as text; ValueError for empty, binary or non-UTF-8 input."""
    where = "standard input" if name == "-" else name
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as error:
        raise ValueError(f"{where}: cannot be read ({error.strerror or error})") from error
    if b"\x00" in data:
        raise ValueError(f"{where}: looks like a binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"{where}: not UTF-8 text ({error.reason} at byte {error.start})") from error
    if not text.strip():
        raise ValueError(f"{where}: is empty, nothing to detect")
    return text


def count(text: str) -> int:
    """An argparse type: a whole number, 0 or more."""
    return _at_least(text, 0)


def positive(text: str) -> int:
    """An argparse type: a whole number, 1 or more."""
    return _at_least(text, 1)


def _at_least(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < least:
        raise argparse.ArgumentTypeError(f"expected {least} or more, got {value}")
    return value


def _key_value(item: str) -> tuple[str, str]:
    key, sep, value = item.partition("=")
    if not sep or not key:
        raise ValueError(f"--set expects KEY=VALUE, got {item!r}")
    return key.strip(), value.strip()


def _corpus(args: argparse.Namespace) -> Path:
    from langsniff.datasets.corpus import corpus_dir

    return args.corpus or corpus_dir(args.cache)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status = args.func(args)
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        # Whoever read our output has stopped (`langsniff detect - | head -1`): nothing to report.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except EXPECTED_ERRORS as error:
        print(f"langsniff: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("langsniff: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
