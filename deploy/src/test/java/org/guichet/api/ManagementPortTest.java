package org.guichet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.guichet.FreePort;
import org.guichet.Guichet;
import org.guichet.TestNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Metrics on a management port of their own: open there for the scraper (the port is the
 * operator's to firewall), and gone from the web port, where they would need an operator.
 */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagementPortTest {

    static final int MANAGEMENT = FreePort.next();
    static final TestNode NODE = TestNode.running("management-port", "web")
            .set("management.server.port", MANAGEMENT);

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(int on, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theScraperReadsMetricsOnTheManagementPortWithoutCredentials() throws Exception {
        HttpResponse<String> metrics = get(MANAGEMENT, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("guichet_queue_depth");
        assertThat(get(MANAGEMENT, "/actuator/health").body()).contains("UP");

        assertThat(get(port, "/actuator/prometheus").statusCode()).as("not on the web port")
                .isIn(401, 404);
        assertThat(get(MANAGEMENT, "/api/queue").statusCode()).as("the management port serves no API")
                .isEqualTo(404);
    }
}
