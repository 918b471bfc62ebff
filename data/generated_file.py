"""Reading a data table and writing a generated file, shared by the data/
generators.

A generated header is rewritten only when its text changes, so that an
unchanged table does not rebuild the code that includes it, and through a
temporary file, so that an interrupted run never leaves half a table.
"""
import csv
import os
import sys


def tsv_rows(path, columns):
    """Yields (line, row) for each row of the tab-separated table at path,
    after checking that its header is columns and that every row has as
    many fields; exits with file and line otherwise."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        if next(reader, None) != columns:
            sys.exit(f"{path}:1: error: the header must be {' '.join(columns)}")
        for row in reader:
            if len(row) != len(columns):
                sys.exit(f"{path}:{reader.line_num}: error: expected "
                         f"{len(columns)} columns, got {len(row)}")
            yield reader.line_num, row


def write_if_changed(path, text):
    """Writes text to path unless path already holds exactly that text."""
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    directory = os.path.dirname(path)
    if directory:
        os.makedirs(directory, exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)
