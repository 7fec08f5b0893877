/** WADO-URI (PS3.18 9) at {@code /dicom-web/wado}: the stored object or a rendered image by query parameters. */
package org.strata.web.dicomweb.wadouri;
