/**
 * {@code multipart/related} (RFC 2046 5.1, RFC 2387) for DICOMweb bodies: {@link
 * org.strata.web.dicomweb.multipart.MultipartReader} streams parts from a request with one bounded buffer,
 * {@link org.strata.web.dicomweb.multipart.MultipartWriter} writes parts onto a response stream. Malformed input
 * raises the checked {@link org.strata.web.dicomweb.multipart.MalformedMultipartException}.
 */
package org.strata.web.dicomweb.multipart;
