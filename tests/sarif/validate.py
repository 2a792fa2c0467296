"""Checks SARIF files against the vendored official 2.1.0 schema; prints every violation.

usage: validate.py SCHEMA FILE...   (exit 1 if any file breaks the schema)
"""
import json
import sys

import jsonschema


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    failed = False
    for path in sys.argv[2:]:
        try:
            with open(path, encoding="utf-8") as f:
                document = json.load(f)
        except ValueError as error:
            print(f"{path}: not JSON: {error}", file=sys.stderr)
            failed = True
            continue
        for error in validator.iter_errors(document):
            where = "/".join(str(part) for part in error.absolute_path)
            print(f"{path}: schema: /{where}: {error.message[:300]}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
