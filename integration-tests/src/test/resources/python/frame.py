"""Prints one frame of a DICOM file as pydicom sees it, Base64: the native pixels (pixel_array, little endian,
samples interleaved) or, with --stored, the frame's compressed bytes as pydicom.encaps splits them.

Usage: /usr/bin/python3 frame.py FILE FRAME [--stored]   (FRAME is 1-based)
"""
import base64
import sys

import pydicom
from pydicom.encaps import generate_pixel_data_frame


def main():
    path, frame = sys.argv[1], int(sys.argv[2])
    ds = pydicom.dcmread(path)
    count = int(getattr(ds, "NumberOfFrames", 1) or 1)
    if "--stored" in sys.argv:
        data = list(generate_pixel_data_frame(ds.PixelData, count))[frame - 1]
    else:
        pixels = ds.pixel_array
        if count > 1:
            pixels = pixels[frame - 1]
        data = pixels.astype(pixels.dtype.newbyteorder("<")).tobytes()
    sys.stdout.write(base64.b64encode(data).decode("ascii"))


if __name__ == "__main__":
    main()
