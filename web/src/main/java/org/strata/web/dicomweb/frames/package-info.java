/** WADO-RS Retrieve Frames: native or stored compressed frames as {@code multipart/related}. */
package org.strata.web.dicomweb.frames;
