"""The ``dateline`` command: a thin layer of argument parsing and printing."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from dateline import __version__
from dateline.ingest import DEFAULT_MAX_BYTES, InputError, Problem, read_inputs
from dateline.output import WRITERS

log = logging.getLogger("dateline")


def _readable_metavars() -> None:
    """Help that reads like a Unix tool's: a value's metavar (N, FILE, DATE) or its choices
    after an option, nothing after a flag, and argument names without type labels."""
    import typer.core as tc

    def option_type(self, ctx):
        if self.is_flag or self.count:
            return None
        if self.metavar is not None:
            return self.metavar
        desc = self.type_descriptor
        if desc.is_choice and desc.choices:
            return "[" + "|".join(str(getattr(c, "value", c)) for c in desc.choices) + "]"
        return self.name.upper()

    def argument_usage(self):
        name = self.metavar or self.name.upper()
        name = name + ("..." if self.nargs != 1 and not name.endswith("...") else "")
        return name if self.required else f"[{name}]"

    tc.TyperOption.display_type_rich = option_type
    tc.TyperArgument.display_type_rich = lambda self, ctx: None
    tc.TyperArgument._usage_display_name = argument_usage


_readable_metavars()

app = typer.Typer(
    help="Turn news articles and press releases into verifiable records of political and "
         "humanitarian-diplomacy events (PLOVER types, with status, mode, date, place and evidence).",
    no_args_is_help=True, add_completion=True, pretty_exceptions_enable=False,
    epilog="Example: dateline extract article.txt   (then: dateline ingest ./articles/ ; dateline serve)",
)


class LogLevel(str, Enum):
    debug = "DEBUG"
    info = "INFO"
    warning = "WARNING"
    error = "ERROR"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"dateline {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_show_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log each step to stderr (--log-level INFO).")] = False,
    log_level: Annotated[LogLevel | None, typer.Option("--log-level", case_sensitive=False,
                                                       help="How much to log to stderr. Default: WARNING.")] = None,
) -> None:
    """Turn news articles and press releases into verifiable records of political and
    humanitarian-diplomacy events (PLOVER types, with status, mode, date, place and evidence)."""
    level = log_level.value if log_level else ("INFO" if verbose else "WARNING")
    logging.basicConfig(level=level, stream=sys.stderr, format="dateline: %(levelname)s %(name)s: %(message)s",
                        force=True)


class OutputFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"
    csv = "csv"


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"dateline: {message}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    typer.echo(f"dateline: warning: {message}", err=True)


def _parse_published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    from dateline.ingest.dates import EARLIEST, in_range, latest

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        fail(f"--published must be a date like 2021-12-06, not '{value}'")
        return None
    if not in_range(day):
        fail(f"--published must lie between {EARLIEST.isoformat()} and {latest().isoformat()}, not '{value}'")
    return day


def run_extract(inputs: list[str], fmt: OutputFormat, output: Path | None, input_format: InputFormat,
                published: dt.date | None, max_bytes: int, quiet: bool, processes: int) -> int:
    from dateline.link import link_results
    from dateline.nlp import ModelMissing, build
    from dateline.pipeline import extract_documents

    problems: list[Problem] = []
    documents = []
    log.info("reading %s", ", ".join(inputs))
    try:
        for item in read_inputs(inputs, input_format.value, max_bytes, published):
            if isinstance(item, Problem):
                problems.append(item)
                warn(str(item))
            else:
                documents.append(item)
    except InputError as err:
        fail(str(err))
    if not documents:
        fail("no documents to extract from", code=1)
    log.info("%d documents read, %d inputs skipped; loading the spaCy pipeline", len(documents),
             sum(p.skipped for p in problems))
    try:
        nlp = build()
    except ModelMissing as err:
        fail(str(err))
    progress = None
    if not quiet and len(documents) > 5:
        from tqdm import tqdm

        progress = tqdm(total=len(documents), unit="doc", desc="extracting", file=sys.stderr, disable=None)
    results = []
    from dateline.pipeline import default_processes

    for result in extract_documents(documents, nlp, n_process=processes or default_processes()):
        results.append(result)
        if progress:
            progress.update(1)
    if progress:
        progress.close()
    results = link_results(results)
    writer = WRITERS[fmt.value]
    if output is None or str(output) == "-":
        writer(results, sys.stdout)
    else:
        try:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                writer(results, fh)
        except OSError as err:
            fail(f"cannot write '{output}': {err.strerror or err}")
    if not quiet:
        n_events = sum(len(r.events) for r in results)
        typer.echo(f"dateline: {len(results)} documents, {n_events} events"
                   + (f", {sum(p.skipped for p in problems)} skipped" if problems else ""), err=True)
    return 1 if any(p.skipped for p in problems) else 0


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT...",
                                                help="Files or directories (text, HTML, JSONL, CSV); '-' reads stdin.")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", metavar="FILE",
                                                help="Write here instead of stdout ('-' is stdout).")] = None,
    input_format: Annotated[InputFormat, typer.Option("--input-format", help="Override format sniffing.")] = InputFormat.auto,
    published: Annotated[str | None, typer.Option("--published", metavar="DATE",
                                                  help="Publication date (YYYY-MM-DD) for inputs that carry none.")] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", metavar="BYTES", help="Skip documents larger than this.",
                                           min=1)] = DEFAULT_MAX_BYTES,
    processes: Annotated[int | None, typer.Option("--processes", "-p", metavar="N",
                                                  help="spaCy worker processes (default: the cores available, at most 8).",
                                                  min=1, max=64)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Extract events from articles.

    The publication date is the text's own dateline when it has one ("Moscow/Geneva,
    6 December 2021 –"): it wins over the input's metadata, which wins over --published.
    Relative dates are never resolved against today. Exits 1 when some input had to be
    skipped, 2 on unusable arguments.

    Example: dateline extract article.txt ; dateline extract feed.jsonl -f jsonl -o events.jsonl
    """
    code = run_extract(inputs, format, output, input_format, _parse_published(published), max_bytes, quiet, processes)
    raise typer.Exit(code)


@app.command()
def demo(
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
) -> None:
    """Extract the bundled example articles (written for this project) and print the events.

    Example: dateline demo -f jsonl
    """
    examples = resources.files("dateline.examples")
    paths = sorted(str(p) for p in examples.iterdir() if p.name.endswith(".jsonl"))
    code = run_extract(paths, format, None, InputFormat.auto, None, DEFAULT_MAX_BYTES, True, 1)
    raise typer.Exit(code)


class Cause(str, Enum):
    missed = "missed"
    spurious = "spurious"
    participants = "participants"
    status = "status"
    date = "date"
    location = "location"


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(metavar="GOLD", help="Gold JSONL (one document per line with 'text' and 'events').")],
    scorer: Annotated[Path | None, typer.Option("--scorer", metavar="FILE", help="The gold set's scorer; default: score.py beside GOLD.")] = None,
    predictions: Annotated[Path | None, typer.Option("--predictions", metavar="FILE", help="Grade this JSONL instead of extracting now.")] = None,
    cause: Annotated[list[Cause] | None, typer.Option("--cause", "-c", help="Only show these causes (repeatable).")] = None,
    limit: Annotated[int, typer.Option("--limit", metavar="N", help="At most this many examples per type and cause (0: all).", min=0)] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Figures and findings as JSON.")] = False,
) -> None:
    """Grade extraction against a gold file and list every error by cause.

    Prints the scorer's figures, then missed and spurious events and wrong fields
    (participants, status, date, location) grouped by event type, each with its
    evidence sentence and both readings. This is the tool for deciding what to fix next.

    Example: dateline eval ../shared/eval/dev2.jsonl -c missed --limit 5
    """
    from dateline.evaluate import (
        CAUSES,
        ScorerMissing,
        analyse,
        format_report,
        load_scorer,
        report_json,
    )

    if not gold.is_file():
        fail(f"no such gold file: '{gold}'")
    try:
        grader = load_scorer(scorer or gold.parent / "score.py")
        gold_docs = grader.load_gold(str(gold))
    except ScorerMissing as err:
        fail(str(err))
    except (OSError, ValueError, KeyError) as err:
        fail(f"cannot read gold file '{gold}': {err}")
    if predictions is not None:
        if not predictions.is_file():
            fail(f"no such predictions file: '{predictions}'")
        pred_events = grader.load_pred(str(predictions))
    else:
        from dateline.link import link_results
        from dateline.nlp import ModelMissing, build
        from dateline.pipeline import extract_documents

        documents = [d for d in read_inputs([str(gold)], "jsonl", DEFAULT_MAX_BYTES, None)
                     if not isinstance(d, Problem)]
        try:
            nlp = build()
        except ModelMissing as err:
            fail(str(err))
        pred_events = {r.document.doc_id: r.to_dict()["events"]
                       for r in link_results(list(extract_documents(documents, nlp)))}
    report = analyse(grader, gold_docs, pred_events)
    if as_json:
        typer.echo(report_json(report))
    else:
        typer.echo(format_report(report, [c.value for c in cause] if cause else CAUSES, limit))


def main() -> None:
    app()


if __name__ == "__main__":
    main()


# The store's commands register themselves on ``app``.
from dateline import store_cli  # noqa: E402,F401
