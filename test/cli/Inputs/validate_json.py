"""validate_json.py SCHEMA FILE: validates FILE against the JSON schema
SCHEMA (python3-jsonschema); prints every error and exits 1 if any."""
import json
import sys

import jsonschema

with open(sys.argv[1]) as f:
    schema = json.load(f)
with open(sys.argv[2]) as f:
    document = json.load(f)
validator_class = jsonschema.validators.validator_for(schema)
validator_class.check_schema(schema)
validator = validator_class(schema, format_checker=jsonschema.FormatChecker())
errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
for error in errors:
    print("%s: %s" % ("/".join(str(p) for p in error.path), error.message))
sys.exit(1 if errors else 0)
