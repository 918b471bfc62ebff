"""Writing a generated file, shared by the data/ generators.

A generated header is rewritten only when its text changes, so that an
unchanged table does not rebuild the code that includes it, and through a
temporary file, so that an interrupted run never leaves half a table.
"""
import os


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
