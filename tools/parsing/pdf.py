"""Read a screenplay PDF: extraction in a bounded child process, layout classification here.

Text comes from word coordinates, not plain text extraction (which glues margin scene numbers
onto headings). The child (`tools.parsing.pdf_worker`) runs under an address-space limit
and a wall-clock timeout from `ReadLimits`, so a hostile file cannot take this process's
memory or time; every failure becomes one `ScriptError` sentence saying what to do.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tools.parsing.blocks import ParsedDocument
from tools.parsing.limits import ReadLimits
from tools.parsing.pdf_layout import classify
from tools.script import ScriptError

__all__ = ["extract_pages", "read_pdf"]

_ROOT = str(Path(__file__).resolve().parents[2])
_ERRORS = {
    "encrypted": "this PDF is encrypted (password protected); export an unprotected PDF "
    "from your screenwriting app, or send the Fountain or FDX file",
    "not_pdf": "this file is not a readable PDF (it may be damaged or truncated); export "
    "the PDF again, or send the Fountain or FDX file",
    "damaged": "this PDF is damaged ({detail}); export the PDF again, or send the Fountain "
    "or FDX file",
    "no_pages": "this PDF has no pages; export the PDF again, or send the Fountain or FDX file",
    "too_many_pages": "this PDF has more than {detail} pages, far more than a screenplay; "
    "send the screenplay on its own",
    "bomb": "this PDF has a content stream that inflates to a huge size ({detail}), which "
    "looks like a decompression bomb; export the PDF again from your screenwriting app",
    "dense": "this PDF holds far more text on one page ({detail}) than a screenplay page; "
    "send a screenplay PDF, or the Fountain or FDX file",
}


def read_pdf(data: bytes, *, limits: ReadLimits) -> ParsedDocument:
    """Read a screenplay PDF into blocks; raise `ScriptError` with a clear message if it cannot."""
    if b"%%EOF" not in data[-2048:]:
        raise ScriptError(
            "this PDF is truncated (it does not end with %%EOF, so part of it is missing); "
            "export or download the PDF again"
        )
    pages = extract_pages(data, limits=limits)
    if not any(page["lines"] for page in pages):
        raise ScriptError(
            "this PDF has no text to read, so it looks like a scan; export a text PDF from "
            "your screenwriting app, or send the Fountain or FDX file"
        )
    doc = classify(pages)
    if not any(block.kind == "heading" for block in doc.blocks):
        raise ScriptError(
            "this PDF has text but no scene headings (INT. / EXT.), so it does not look like a "
            "screenplay; send the screenplay as PDF, Fountain or FDX"
        )
    return doc


def extract_pages(data: bytes, *, limits: ReadLimits) -> list[dict[str, Any]]:
    """Run the worker on `data` under the time and memory bounds; return its pages."""
    command = [
        sys.executable,
        "-m",
        "tools.parsing.pdf_worker",
        str(limits.pdf_max_pages),
        str(limits.pdf_memory_mb),
    ]
    try:
        done = subprocess.run(
            command,
            input=data,
            capture_output=True,
            timeout=limits.pdf_timeout_s,
            cwd=_ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ScriptError(
            f"reading this PDF took longer than {limits.pdf_timeout_s:g} s, the time bound, so "
            "it was stopped; export the PDF again, or send the Fountain or FDX file"
        ) from exc
    return _result(done, limits)


def _result(done: subprocess.CompletedProcess[bytes], limits: ReadLimits) -> list[dict[str, Any]]:
    if done.returncode == 3 or done.returncode < 0 or b"MemoryError" in done.stderr:
        raise ScriptError(
            f"reading this PDF needed more than {limits.pdf_memory_mb} MB of memory, the "
            "memory bound, so it was stopped; export the PDF again, or send the Fountain or "
            "FDX file"
        )
    if done.returncode not in (0, 2):
        raise ScriptError(_ERRORS["not_pdf"])
    try:
        result = json.loads(done.stdout)
    except ValueError as exc:
        raise ScriptError(_ERRORS["not_pdf"]) from exc
    if "error" in result:
        template = _ERRORS.get(result["error"], _ERRORS["not_pdf"])
        raise ScriptError(template.format(detail=result.get("detail", "")))
    pages: list[dict[str, Any]] = result["pages"]
    return pages
