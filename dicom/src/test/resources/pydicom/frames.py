"""Reference frames for PixelFramesPydicomTest.

Usage: /usr/bin/python3 frames.py OUT.json FILE...
For each file: the compressed bytes of each frame (encapsulated pixel data, split by pydicom's
encaps module) and the decoded pixels of each frame (pixel_array, little endian, samples interleaved,
1-bit pixels one per byte), all Base64.
"""
import base64
import json
import sys

import numpy
import pydicom
from pydicom.encaps import generate_pixel_data_frame


def b64(data):
    return base64.b64encode(data).decode("ascii")


def frames_of(path):
    ds = pydicom.dcmread(path)
    count = int(getattr(ds, "NumberOfFrames", 1) or 1)
    result = {"frames": count}
    if ds.file_meta.TransferSyntaxUID.is_compressed:
        result["compressed"] = [b64(f) for f in generate_pixel_data_frame(ds.PixelData, count)]
    try:
        pixels = ds.pixel_array
    except Exception as exc:  # no decoder for this syntax: compressed frames only
        result["decode_error"] = str(exc)
        return result
    if count == 1:
        pixels = pixels[numpy.newaxis, ...]
    little = pixels.astype(pixels.dtype.newbyteorder("<"))
    result["decoded"] = [b64(frame.tobytes()) for frame in little]
    return result


def main():
    out_path, files = sys.argv[1], sys.argv[2:]
    with open(out_path, "w") as out:
        json.dump({f: frames_of(f) for f in files}, out)


if __name__ == "__main__":
    main()
