"""Bytes -> text, surviving bad encodings."""

from __future__ import annotations

from charset_normalizer import from_bytes


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode as UTF-8, else the best guess, else UTF-8 with replacement.

    Returns the text and a warning when it was not clean UTF-8.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if b"\x00" not in data[:4096]:
        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding not in ("utf_8",):
            try:
                return data.decode(best.encoding), f"not UTF-8; decoded as {best.encoding}"
            except (UnicodeDecodeError, LookupError):
                pass
    return data.decode("utf-8", errors="replace"), "not UTF-8; decoded with replacement characters"
