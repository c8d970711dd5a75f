"""Errors raised for bad input.

Every error carries one clear sentence in Simplified Chinese (``message``),
which the CLI prints before exiting with status 2. Callers catch
``BaogaoError`` to handle any of them.
"""

from __future__ import annotations


class BaogaoError(Exception):
    """Base class: bad input, explained in one Chinese sentence."""

    def __init__(self, message: str, *, path: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:  # the sentence, nothing else
        return self.message


class MissingFileError(BaogaoError):
    """The path does not exist."""


class NotAFileError(BaogaoError):
    """The path is a directory or another non-regular file."""


class EmptyFileError(BaogaoError):
    """The file (or string) holds no text."""


class BinaryFileError(BaogaoError):
    """The bytes are not text (an image, an archive, ...)."""


class DecodeError(BaogaoError):
    """The bytes are text in no encoding we can recognise."""


class FileTooLargeError(BaogaoError):
    """The file is larger than the configured limit."""


class UnsupportedFormatError(BaogaoError):
    """A format we do not read (.doc, .pdf, ...)."""


class DocxError(BaogaoError):
    """A .docx file that cannot be read (corrupt, encrypted, not a Word file)."""


class UsageError(BaogaoError):
    """A bad argument to a function or the CLI."""


class TraditionalChineseWarning(UserWarning):
    """The text looks like traditional Chinese; the kit expects simplified."""
