"""Hostile and broken PDFs: each ends within seconds in one clear ScriptError, never a traceback.

Every row runs through `tools.parsing.read_script` and through the real CLI
(`greenlight breakdown FILE`: exit status 1, one `error: ...` line on stderr). The time and
memory rows lower the bounds (through `ReadLimits`, and through the CLI's settings variables).
"""

from __future__ import annotations

import io
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from fpdf import FPDF

from bench.scriptgen import GenOptions, generate
from bench.scriptpdf import render_pdf
from tools.parsing.limits import ReadLimits
from tools.script import ScriptError

DEFAULT = ReadLimits()
FONT = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Courier >> >> >>"


def hand_pdf(content: bytes, *, filtered: bool = True, pages: int = 1) -> bytes:
    """A minimal PDF written by hand: `pages` pages sharing one content stream."""
    stream = zlib.compress(content, 9) if filtered else content
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length %d%s >>\nstream\n"
        % (len(stream), b" /Filter /FlateDecode" if filtered else b"")
        + stream
        + b"\nendstream",
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources %s >>"
    objects += [page % FONT] * pages
    return _assemble(objects)


def _assemble(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def bomb_pdf(inflated_mb: int = 400) -> bytes:
    """A tiny PDF whose one content stream inflates to `inflated_mb` MB of spaces."""
    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(packer.compress(chunk) for _ in range(inflated_mb)) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>",
    ]
    return _assemble(objects)


def fpdf_doc(lines: list[str], *, pages: int = 1) -> FPDF:
    """An fpdf2 document with `lines` of Courier text on each of `pages` pages."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_font("Courier", size=12)
    for _ in range(pages):
        pdf.add_page()
        for index, line in enumerate(lines):
            pdf.text(108, 90 + 14 * index, line)
    return pdf


def encrypted_pdf() -> bytes:
    pdf = fpdf_doc(["INT. VAULT - NIGHT", "", "The door is locked."])
    pdf.set_encryption(owner_password="owner", user_password="secret")
    return bytes(pdf.output())


def scan_pdf() -> bytes:
    from PIL import Image

    pdf = FPDF(unit="pt", format="letter")
    for shade in (200, 120):
        pdf.add_page()
        pdf.image(Image.new("L", (170, 220), shade), x=36, y=36, w=540)
    return bytes(pdf.output())


def invoice_pdf() -> bytes:
    rows = ["ACME SUPPLY CO.", "INVOICE 2024-117", "Bill to: Greenlight Films"]
    rows += [f"{n:>3}  Gaffer tape, black, 2 in   {n * 7.5:>8.2f}" for n in range(1, 20)]
    return bytes(fpdf_doc([*rows, "TOTAL DUE 1425.00"]).output())


def small_script() -> bytes:
    script = generate(GenOptions(scenes=6, pages=3, speaking_parts=6, seed=3))
    return render_pdf(script.title_page, script.blocks())


def empty_tree_pdf() -> bytes:
    return _assemble(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    )


def garbage_pdf() -> bytes:
    noise = bytes((i * 7919 + 13) % 251 for i in range(4000))
    return b"%PDF-1.7\n" + noise + b"\n%%EOF\n"


def hang_pdf() -> bytes:
    """Fifteen megabytes of cheap operators (under the bomb bound): minutes of interpreting."""
    return hand_pdf(b"q 1 0 0 1 0 0 cm Q\n" * 800_000)


def memory_pdf() -> bytes:
    """Hundreds of thousands of drawn characters: each becomes an object in the reader."""
    line = b"BT /F1 1 Tf 10 10 Td (" + b"x" * 2000 + b") Tj ET\n"
    return hand_pdf(line * 2000)


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[], bytes]
    message: str
    limits: ReadLimits = DEFAULT
    env: tuple[tuple[str, str], ...] = ()


CASES = [
    Case("encrypted", encrypted_pdf, "encrypted"),
    Case("scan", scan_pdf, "looks like a scan"),
    Case("blank pages", lambda: bytes(fpdf_doc([], pages=3).output()), "looks like a scan"),
    Case("decompression bomb", bomb_pdf, "decompression bomb"),
    Case("truncated", lambda: small_script()[: len(small_script()) // 2], "truncated"),
    Case("only a header", lambda: b"%PDF-1.7\n", "truncated"),
    Case("garbage after %PDF-", garbage_pdf, "not a readable PDF"),
    Case("zero pages", empty_tree_pdf, "no pages"),
    Case("too many pages", lambda: bytes(fpdf_doc(["x"], pages=601).output()), "more than 600"),
    Case("invoice", invoice_pdf, "does not look like a screenplay"),
    Case(
        "hangs the parser",
        hang_pdf,
        "longer than 1 s",
        ReadLimits(pdf_timeout_s=1.0),
        (("GREENLIGHT_PDF_TIMEOUT_S", "1"),),
    ),
    Case(
        "exceeds the memory bound",
        memory_pdf,
        "more than 100 MB",
        ReadLimits(pdf_memory_mb=100),
        (("GREENLIGHT_PDF_MEMORY_MB", "100"),),
    ),
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each case's file on disk, built once."""
    folder = tmp_path_factory.mktemp("bad-pdf")
    paths = {}
    for case in CASES:
        path = folder / f"{case.name.replace(' ', '-')}.pdf"
        path.write_bytes(case.make())
        paths[case.name] = path
    return paths


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_read_script_refuses(case: Case, corpus: dict[str, Path]) -> None:
    from tools.parsing import read_script

    path = corpus[case.name]
    started = time.perf_counter()
    with pytest.raises(ScriptError) as caught:
        read_script(path.read_bytes(), filename=path.name, limits=case.limits)
    assert time.perf_counter() - started < 15
    assert case.message in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_cli_exits_1_with_one_line(
    case: Case,
    corpus: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from greenlight.cli import main

    for name, value in case.env:
        monkeypatch.setenv(name, value)
    assert main(["breakdown", str(corpus[case.name])]) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), captured.err
    assert case.message in lines[0]
    assert "Traceback" not in captured.err + captured.out


def test_a_pdf_named_file_that_is_fountain_text_is_read_as_fountain() -> None:
    from tools.parsing import read_script

    text = b"Title: Not Really A PDF\n\nINT. KITCHEN - DAY\n\nSam waits.\n\nSAM\nHello?\n"
    script = read_script(text, filename="script.pdf")
    assert script.format == "fountain"
    assert [scene.heading for scene in script.scenes] == ["INT. KITCHEN - DAY"]
    assert script.speakers == ["SAM"]


def test_the_bomb_is_tiny_on_disk_yet_inflates_past_the_bound(corpus: dict[str, Path]) -> None:
    data = corpus["decompression bomb"].read_bytes()
    assert len(data) < 1_000_000
    start = data.index(b"stream\n") + len(b"stream\n")
    inflater = zlib.decompressobj()
    assert len(inflater.decompress(data[start:], 64 << 20)) == 64 << 20


def test_a_small_valid_pdf_still_reads_under_the_same_bounds() -> None:
    from tools.parsing.pdf import read_pdf

    doc = read_pdf(small_script(), limits=ReadLimits(pdf_timeout_s=20, pdf_memory_mb=300))
    assert sum(block.kind == "heading" for block in doc.blocks) == 6
