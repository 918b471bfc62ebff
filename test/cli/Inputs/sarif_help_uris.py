"""sarif_help_uris.py ROOT LOG: prints each rule of the SARIF LOG as
"ID -> PAGE (exists|missing)", PAGE being its helpUri relative to the folder
ROOT (when it is a file URI below ROOT), or "ID -> none" without one."""
import json
import os
import sys
import urllib.parse

root = os.path.realpath(sys.argv[1])
with open(sys.argv[2]) as f:
    log = json.load(f)
for rule in log["runs"][0]["tool"]["driver"]["rules"]:
    uri = rule.get("helpUri")
    if uri is None:
        print("%s -> none" % rule["id"])
        continue
    parsed = urllib.parse.urlparse(uri)
    path = os.path.realpath(urllib.parse.unquote(parsed.path))
    shown = os.path.relpath(path, root) if parsed.scheme == "file" else uri
    print("%s -> %s (%s)" % (rule["id"], shown,
                             "exists" if os.path.isfile(path) else "missing"))
