package org.strata.it;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same health checks against the server on a throwaway PostgreSQL cluster (Maven's {@code on-postgresql}
 * execution starts the {@code strata-postgresql} container with {@code strata.db.kind=PostgreSQL}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PostgreSqlIT extends HealthIT {
}
