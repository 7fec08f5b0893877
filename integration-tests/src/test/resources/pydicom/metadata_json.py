"""Reference output for MetadataIT.

Usage: /usr/bin/python3 metadata_json.py OUT.json FILE...
Records, for each file, pydicom's Dataset.to_json_dict() with binary values longer than 1024 bytes given to a
bulk data handler (so they come out as BulkDataURI "bulk"), as WADO-RS metadata answers them. pydicom's threshold
is on the Base64 text, 4 characters per 3 bytes: 1368 characters are 1024 bytes (a value of 1025 or 1026 bytes,
which the archive gives as a URI, would stay inline here). A file pydicom
cannot convert (an IS value "1A", say) is left out.
"""
import json
import sys
import warnings

import pydicom


def main():
    out_path, paths = sys.argv[1], sys.argv[2:]
    results = {}
    for path in paths:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                ds = pydicom.dcmread(path)
                results[path] = ds.to_json_dict(bulk_data_threshold=1368,
                                                bulk_data_element_handler=lambda element: "bulk")
            except Exception:  # pydicom's limits are not the archive's: the file is just not compared
                pass
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump(results, out, ensure_ascii=False)


if __name__ == "__main__":
    main()
