"""check_options.py < DUMP: prints the CheckOptions of a --dump-config
output as sorted KEY=VALUE lines. clang-tidy writes CheckOptions as a list
of key/value pairs up to LLVM 16 and as a mapping since; this reads both."""
import sys

import yaml

config = yaml.safe_load(sys.stdin.read())
options = config.get("CheckOptions") or {}
if isinstance(options, list):
    options = {item["key"]: item["value"] for item in options}
for key in sorted(options):
    print("%s=%s" % (key, options[key]))
