"""fixes_by_file.py FORMAT FILE: one line per fix in a report, so that a test
can compare what each output says --fix does, file by file.

  json   "FINDING-FILE: FIX-FILE applicable|not applicable", per fix
  sarif  "RESULT-URI: N replacements", per result (0 without fixes)
  yaml   "FILE: N replacements", per file named by a replacement of an
         --export-fixes file
Paths are printed by their last two components (folder/name)."""
import json
import re
import sys
from collections import Counter


def short(path):
    return "/".join(path.rstrip("/").split("/")[-2:])


fmt, path = sys.argv[1], sys.argv[2]
text = open(path).read()
if fmt == "json":
    for finding in json.loads(text)["findings"]:
        for fix in finding["fixes"]:
            state = "applicable" if fix["applicable"] else "not applicable"
            print(f"{short(finding['file'])}: {short(fix['file'])} {state}")
elif fmt == "sarif":
    for result in json.loads(text)["runs"][0]["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        count = sum(len(change["replacements"])
                    for fix in result.get("fixes", [])
                    for change in fix["artifactChanges"])
        print(f"{short(uri)}: {count} replacements")
elif fmt == "yaml":
    # Replacements are the list items; a diagnostic's own FilePath is not.
    counts = Counter(short(m.group(1)) for m in
                     re.finditer(r"^\s*- FilePath:\s*'([^']*)'", text, re.M))
    for name in sorted(counts):
        print(f"{name}: {counts[name]} replacements")
else:
    sys.exit("fixes_by_file.py: unknown format " + fmt)
