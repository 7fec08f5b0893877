package org.strata.dicom.net;

/** SCP/SCU role selection sub-item (PS3.7 D.3.3.4) for one SOP class. */
public record RoleSelection(String sopClass, boolean scu, boolean scp) {
}
