"""Prints the text pydicom decodes from every character-set-dependent element of the given files.

One line per value: file TAB path TAB value-index TAB base64(UTF-8 value), where path is
"gggg,eeee" or, inside sequences, "gggg,eeee/item/gggg,eeee...". Run with /usr/bin/python3 (has pydicom).
"""
import base64
import sys
import warnings

import pydicom

TEXT_VRS = {"SH", "LO", "ST", "LT", "UC", "UT", "PN"}


def walk(ds, prefix, out):
    for elem in ds:
        key = prefix + "%04X,%04X" % (elem.tag.group, elem.tag.element)
        if elem.VR == "SQ":
            for i, item in enumerate(elem.value):
                walk(item, key + "/%d/" % i, out)
        elif elem.VR in TEXT_VRS and elem.value is not None and elem.value != "":
            values = elem.value if elem.VM > 1 else [elem.value]
            out[key] = [str(v) for v in values]


def main():
    warnings.simplefilter("ignore")
    for path in sys.argv[1:]:
        ds = pydicom.dcmread(path)
        ds.decode()
        out = {}
        walk(ds, "", out)
        for key, values in out.items():
            for i, v in enumerate(values):
                sys.stdout.write("%s\t%s\t%d\t%s\n" % (path, key, i, base64.b64encode(v.encode("utf-8")).decode("ascii")))


main()
