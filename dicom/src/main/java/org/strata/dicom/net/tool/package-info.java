/**
 * Network commands of {@code strata-dicom}: echoscu, storescu, storescp, findscu, movescu, getscu, commitscu and
 * mppsscu, registered in {@link org.strata.dicom.tool.Main}; each also has its own {@code main}.
 */
package org.strata.dicom.net.tool;
