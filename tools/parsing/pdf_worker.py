"""The PDF extraction child process: PDF bytes on stdin, text lines with coordinates on stdout.

Run as `python -m tools.parsing.pdf_worker MAX_PAGES MEMORY_MB`. It bounds its own address
space before touching the file and the parent bounds its wall-clock time, so a decompression
bomb or a pathological file costs this process, never the caller. Characters come from
pdfminer.six (the engine under pdfplumber) through a lean device, `tools.parsing.pdf_chars`
(pdfplumber's per-character objects took 6.5 s on a 160-page script, over the 5 s budget),
are grouped here into lines of words, and are classified by the parent
(`tools.parsing.pdf_layout`).

Output: one JSON object. Success: `{"pages": [{"width", "height", "images", "lines": [[top,
bottom, size, [[x0, x1, text], ...]], ...]}, ...]}`. A known failure: `{"error": CODE,
"detail": TEXT}` with exit status 2 (codes: encrypted, not_pdf, no_pages, too_many_pages,
bomb, dense, damaged). Out of memory: exit status 3.
"""

from __future__ import annotations

import io
import json
import resource
import sys
import zlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tools.parsing.pdf_chars import Char

__all__ = ["MAX_CHARS_PER_PAGE", "MAX_STREAM_BYTES", "extract", "main"]

#: A screenplay page draws about 3,500 characters; far more means it is not one.
MAX_CHARS_PER_PAGE = 20_000
#: A page's content stream is a few kilobytes; past this it is a decompression bomb.
MAX_STREAM_BYTES = 16 * 1024 * 1024


class WorkerError(Exception):
    """A failure with a code the parent turns into a user-facing message."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code)
        self.code, self.detail = code, detail


def main(argv: list[str] | None = None) -> int:
    """Bound the process, read stdin, print the extraction as JSON; see the module docstring."""
    args = sys.argv[1:] if argv is None else argv
    max_pages, memory_mb = int(args[0]), int(args[1])
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        pages = extract(sys.stdin.buffer.read(), max_pages=max_pages)
        sys.stdout.write(json.dumps({"pages": pages}, separators=(",", ":")))
        return 0
    except WorkerError as exc:
        sys.stdout.write(json.dumps({"error": exc.code, "detail": exc.detail}))
        return 2
    except MemoryError:
        return 3


def extract(data: bytes, *, max_pages: int) -> list[dict[str, Any]]:
    """Every page's size, image count and text lines (words with x extents), top to bottom."""
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager

    from tools.parsing.pdf_chars import CharDevice

    pages = _open_pages(data, max_pages=max_pages)
    manager = PDFResourceManager(caching=True)
    device = CharDevice(manager)
    interpreter = PDFPageInterpreter(manager, device)
    out = []
    for number, page in enumerate(pages, start=1):
        _check_streams(page, number)
        try:
            interpreter.process_page(page)
        except (MemoryError, WorkerError):
            raise
        except Exception as exc:  # pdfminer raises many types on damaged pages
            raise WorkerError("damaged", f"page {number}: {type(exc).__name__}") from exc
        if len(device.chars) > MAX_CHARS_PER_PAGE:
            raise WorkerError("dense", f"page {number}")
        lines = _lines(device.chars)
        size = {"width": device.width, "height": device.height, "images": device.images}
        out.append({**size, "lines": lines})
    return out


def _open_pages(data: bytes, *, max_pages: int) -> list[Any]:
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
    except PDFEncryptionError as exc:
        raise WorkerError("encrypted", type(exc).__name__) from exc
    except MemoryError:
        raise
    except Exception as exc:  # a file that is not a PDF fails in many ways inside pdfminer
        raise WorkerError("not_pdf", type(exc).__name__) from exc
    pages: list[Any] = []
    try:
        for page in PDFPage.create_pages(document):
            pages.append(page)
            if len(pages) > max_pages:
                raise WorkerError("too_many_pages", str(max_pages))
    except (MemoryError, WorkerError):
        raise
    except Exception as exc:
        raise WorkerError("damaged", type(exc).__name__) from exc
    if not pages:
        raise WorkerError("no_pages")
    return pages


def _check_streams(page: Any, number: int) -> None:
    """Refuse a content stream that inflates past MAX_STREAM_BYTES, before pdfminer inflates it."""
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1

    for stream in page.contents:
        stream = resolve1(stream)
        if not isinstance(stream, PDFStream) or stream.rawdata is None or stream.decipher:
            continue
        filters = stream.get_filters()
        flate = bool(filters) and filters[0][0] in LITERALS_FLATE_DECODE
        if flate and _inflated_size(stream.rawdata, MAX_STREAM_BYTES) > MAX_STREAM_BYTES:
            raise WorkerError("bomb", f"page {number}")


def _inflated_size(raw: bytes, limit: int) -> int:
    """Inflate in bounded chunks, counting bytes without keeping them; stop past `limit`."""
    inflater = zlib.decompressobj()
    total, pending = 0, raw
    try:
        while pending and total <= limit:
            total += len(inflater.decompress(pending, 1 << 20))
            pending = inflater.unconsumed_tail
    except zlib.error:
        return total
    return total


def _lines(chars: list[Char]) -> list[list[Any]]:
    """Group characters into lines (close tops) and words (a space or a gap between them)."""
    chars.sort()
    rows: list[list[Char]] = []
    for char in chars:
        if rows and abs(char[0] - rows[-1][0][0]) <= 0.3 * max(char[4], 1.0):
            rows[-1].append(char)
        else:
            rows.append([char])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c[1])
        words: list[list[Any]] = []
        previous_x1 = None
        for _top, x0, x1, _bottom, size, text in row:
            if text.isspace():
                previous_x1 = None
                continue
            if words and previous_x1 is not None and x0 - previous_x1 <= 0.2 * size:
                words[-1][1], words[-1][2] = x1, words[-1][2] + text
            else:
                words.append([round(x0, 2), x1, text])
            previous_x1 = x1
        if words:
            for word in words:
                word[1] = round(word[1], 2)
            top = min(c[0] for c in row)
            bottom = max(c[3] for c in row)
            size = max(c[4] for c in row)
            lines.append([round(top, 2), round(bottom, 2), round(size, 2), words])
    return lines


if __name__ == "__main__":
    sys.exit(main())
