"""Reference output for JsonPydicomConformanceTest.

Usage: /usr/bin/python3 to_json_dicts.py OUT.json DIR...
Walks every file under each DIR; for each file pydicom reads (without force),
records Dataset.to_json_dict() with no bulk data handler, so every binary
value is InlineBinary. Files pydicom rejects are recorded with their error,
so the Java test can tell "pydicom cannot read it" from "missing".
"""
import json
import os
import sys
import warnings

import pydicom


def reference(path):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ds = pydicom.dcmread(path, force=False)
            return {"json": ds.to_json_dict(bulk_data_threshold=1 << 62)}
    except Exception as exc:  # any refusal by pydicom just marks the file
        return {"error": "%s: %s" % (type(exc).__name__, exc)}


def main():
    out_path, roots = sys.argv[1], sys.argv[2:]
    results = {}
    for root in roots:
        for folder, _, names in os.walk(root):
            for name in sorted(names):
                path = os.path.join(folder, name)
                results[path] = reference(path)
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump(results, out, ensure_ascii=False)


if __name__ == "__main__":
    main()
