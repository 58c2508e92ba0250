package org.guichet;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The web plane with the tracker and gateway beans, as the deployed jar assembles them, for
 * this module's tests. In {@code org.guichet}, as the deployed application is, so that
 * entities and repositories of every module are found.
 */
@SpringBootApplication
public class WebTestApplication {
}
