package org.strata.web.dicomweb;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import org.strata.web.dicomweb.multipart.MalformedMultipartException;
import org.strata.web.dicomweb.multipart.MediaTypeParameters;

/**
 * The {@code accept} query parameter of PS3.18 8.3.3.1, for hyperlinks that cannot set an Accept header: its media
 * types, where the Accept header (if any) allows them, replace the header before any resource negotiates, so every
 * resource honours it without knowing of it. Wildcards are refused (400); when the header allows none of them the
 * answer is 406.
 */
@Provider
@PreMatching
public class AcceptQueryParameter implements ContainerRequestFilter {
    static final String NAME = "accept";

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> values = request.getUriInfo().getQueryParameters().get(NAME);
        if (values == null || values.isEmpty()) {
            return;
        }
        request.getHeaders().putSingle(HttpHeaders.ACCEPT,
                acceptable(String.join(",", values), request.getHeaderString(HttpHeaders.ACCEPT)));
    }

    /**
     * The Accept header value a request with this {@code accept} parameter is answered by: the parameter's media
     * types that {@code header} (null when absent: anything) allows, in the parameter's order.
     */
    static String acceptable(String parameter, String header) {
        AcceptHeader allowed = AcceptHeader.parse(header);
        List<String> kept = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String item : AcceptHeader.splitOutsideQuotes(parameter)) {
            if (item.isBlank()) {
                continue;
            }
            MediaTypeParameters type;
            try {
                type = MediaTypeParameters.parse(item);
            } catch (MalformedMultipartException e) {
                throw DicomWebException.badRequest("accept parameter: " + e.getMessage());
            }
            if (type.baseType().contains("*")) {
                throw DicomWebException.badRequest("accept parameter: '" + type.baseType()
                        + "' is a wildcard; the parameter takes media types only (PS3.18 8.3.3.1)");
            }
            if (allowed.ranges().stream().anyMatch(range -> AcceptHeader.covers(range, type.baseType()))) {
                kept.add(item.strip());
            } else {
                refused.add(type.baseType());
            }
        }
        if (kept.isEmpty()) {
            throw DicomWebException.notAcceptable(refused.isEmpty() ? "accept parameter: no media type"
                    : "accept parameter: the Accept header allows none of " + String.join(", ", refused));
        }
        return String.join(", ", kept);
    }
}
