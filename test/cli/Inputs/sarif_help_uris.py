"""sarif_help_uris.py ROOT LOG [BASE]: prints each rule of the SARIF LOG as
"ID -> PAGE (exists|missing)", PAGE being its helpUri relative to the web
address BASE (the docs' root, as PYCAPI_DOCS_URL gives it) and looked up
under the folder ROOT (the source tree, which has the same layout); "ID ->
none" for a rule without helpUri; "ID -> not under BASE: URI" otherwise (a
file:// URI, say). Then the driver's informationUri the same way, as
"informationUri -> ...". The schema validation does not check that a URI is
one (python3-jsonschema checks the "uri" format only with a module Debian 12
does not install), so this does."""
import json
import os
import sys
import urllib.parse

root = os.path.realpath(sys.argv[1])
base = sys.argv[3] if len(sys.argv) > 3 else None
with open(sys.argv[2]) as f:
    log = json.load(f)


def shown(uri):
    if uri is None:
        return "none"
    parsed = urllib.parse.urlparse(uri)
    if base is None or not uri.startswith(base) or parsed.scheme not in (
            "http", "https") or not parsed.netloc:
        return "not under BASE: %s" % uri
    page = urllib.parse.unquote(uri[len(base):])
    exists = os.path.isfile(os.path.join(root, page))
    return "%s (%s)" % (page, "exists" if exists else "missing")


driver = log["runs"][0]["tool"]["driver"]
for rule in driver["rules"]:
    print("%s -> %s" % (rule["id"], shown(rule.get("helpUri"))))
print("informationUri -> %s" % shown(driver.get("informationUri")))
