#!/usr/bin/env python3
"""Line endings for the CRLF safety test (crlf.test).

  line_endings.py crlf SOURCE COPY     writes COPY: SOURCE (LF endings) with
                                       every line ending in CRLF
  line_endings.py check-crlf FILE...   every line break in each FILE is CRLF:
                                       no bare LF, no bare CR
  line_endings.py same-text LF CRLF    CRLF is LF's text with CRLF endings

Files are read and written as bytes: no newline translation.
"""
import re
import sys


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main(argv):
    command, paths = argv[0], argv[1:]
    if command == "crlf":
        source, copy = paths
        with open(copy, "wb") as f:
            f.write(read(source).replace(b"\n", b"\r\n"))
        return 0
    if command == "check-crlf":
        status = 0
        for path in paths:
            data = read(path)
            for match in re.finditer(rb"(?<!\r)\n|\r(?!\n)", data):
                line = data.count(b"\n", 0, match.start()) + 1
                kind = "LF" if match.group() == b"\n" else "CR"
                print(f"{path}:{line}: the line ends in a bare {kind}")
                status = 1
        return status
    if command == "same-text":
        lf, crlf = paths
        if read(lf).replace(b"\n", b"\r\n") != read(crlf):
            print(f"{crlf} is not {lf} with CRLF line endings")
            return 1
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
