"""Bytes -> text, surviving bad encodings."""

from __future__ import annotations

from charset_normalizer import from_bytes

# Leading bytes of common binary formats (PDF, ZIP/DOCX, gzip, PNG, JPEG, GIF, DuckDB, SQLite, ELF).
MAGIC = (b"%PDF-", b"PK\x03\x04", b"\x1f\x8b", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"SQLite format",
         b"\x7fELF")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def looks_binary(data: bytes) -> bool:
    """True for content that is not text in any encoding: a known binary format; UTF-8 made
    mostly of control bytes; or, not UTF-8, more than 5% of control bytes or of bytes that
    are no legacy encoding's letters in the first 8 KB. A stray NUL or control byte in a
    text file (one bad JSON line) is not enough."""
    head = data[:8192]
    if not head:
        return False
    if head.startswith(MAGIC) or head[8:12] == b"DUCK":
        return True
    if head.startswith(UTF16_BOMS):
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13)) + head.count(b"\x7f")
    try:
        head.decode("utf-8")
        utf8 = True
    except UnicodeDecodeError as err:
        utf8 = err.start >= len(head) - 4  # a character cut at the 8 KB boundary
    if utf8:  # text, perhaps with a bad line or two; only a flood of control bytes is not
        return controls > 0.3 * len(head)
    if controls > 0.05 * len(head):
        return True
    # Not UTF-8: real text in a legacy encoding decodes to mostly letters; random bytes do not.
    text = head.decode("latin-1")
    odd = sum(1 for c in text if 0x80 <= ord(c) < 0xA0)
    return odd > 0.05 * len(text)


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode as UTF-8, else the best guess, else UTF-8 with replacement.

    Returns the text and a warning when it was not clean UTF-8.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16"), "UTF-16 text; decoded"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if b"\x00" not in data[:4096]:
        best = from_bytes(data[:200_000]).best()
        # UTF-16/32 without a byte-order mark is what random bytes look like, not a text file
        if best is not None and best.encoding != "utf_8" and not best.encoding.startswith(("utf_16", "utf_32")):
            try:
                return data.decode(best.encoding), f"not UTF-8; decoded as {best.encoding}"
            except (UnicodeDecodeError, LookupError):
                pass
    return data.decode("utf-8", errors="replace"), "not UTF-8; decoded with replacement characters"


def garbled(text: str) -> bool:
    """True for a decoded text with more than 5% of replacement characters, control codes,
    private-use or half-width katakana characters: bytes that were not text after all (a short
    random file passes ``looks_binary``, then decodes as Shift-JIS or with replacements)."""
    if not text:
        return False
    bad = sum(1 for c in text if c == "\ufffd" or (ord(c) < 32 and c not in "\t\n\r\f")
              or "\uff61" <= c <= "\uff9f" or "\ue000" <= c <= "\uf8ff")
    return bad > 0.05 * len(text)
