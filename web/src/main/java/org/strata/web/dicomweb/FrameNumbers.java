package org.strata.web.dicomweb;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A DICOMweb frame list (PS3.18 8.3.2): comma-separated, distinct, 1-based frame numbers of one instance. */
public final class FrameNumbers {

    private FrameNumbers() {
    }

    /** The frame numbers in the order given; 400 for a malformed, repeated or out-of-range number. */
    public static List<Integer> parse(String list, int numberOfFrames) {
        Set<Integer> frames = new LinkedHashSet<>();
        for (String item : list.split(",", -1)) {
            int frame;
            try {
                frame = Integer.parseInt(item.strip());
            } catch (NumberFormatException e) {
                throw DicomWebException.badRequest("frame number '" + item.strip() + "' is not a number");
            }
            if (frame < 1 || frame > numberOfFrames) {
                throw DicomWebException.badRequest("frame " + frame + " is out of range 1.." + numberOfFrames);
            }
            if (!frames.add(frame)) {
                throw DicomWebException.badRequest("frame " + frame + " is listed twice");
            }
        }
        return new ArrayList<>(frames);
    }
}
