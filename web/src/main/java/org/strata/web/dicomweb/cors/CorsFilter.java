package org.strata.web.dicomweb.cors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * CORS for browser viewers on {@code /dicom-web/*}: answers preflight OPTIONS requests itself (web.xml leaves OPTIONS
 * out of the auth constraints, since browsers send no token with a preflight), 204 for a listed origin and 403 for
 * any other, and adds the CORS headers to actual responses to listed origins only.
 */
@WebFilter(urlPatterns = "/dicom-web/*", asyncSupported = true)
public class CorsFilter extends HttpFilter {
    static final String SETTING = "strata.web.cors.allowed-origins";

    private CorsPolicy policy;

    /** For the container: the policy comes from the setting in {@link #init()}. */
    public CorsFilter() {
    }

    CorsFilter(CorsPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void init() {
        policy = CorsPolicy.parse(ConfigProvider.getConfig().getOptionalValue(SETTING, String.class).orElse(null));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        boolean preflight = "OPTIONS".equals(request.getMethod()) && origin != null
                && request.getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            if (policy.allows(origin)) {
                policy.preflightHeaders(origin).forEach(response::setHeader);
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().println("origin " + origin + " is not in " + SETTING);
            }
            return;
        }
        if (policy.allows(origin)) {
            policy.responseHeaders(origin).forEach(response::setHeader);
        }
        chain.doFilter(request, response);
    }
}
