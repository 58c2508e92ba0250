package org.guichet.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;

import org.guichet.Guichet;
import org.guichet.TestNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An administration that has not opted in publishes nothing: every transparency route is 404. */
@SpringBootTest(classes = Guichet.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TransparencyDisabledTest {

    static final TestNode NODE = TestNode.running("transparency-off", "web");

    @LocalServerPort
    int port;

    @Test
    void everyRouteIsNotFoundUntilTheAdministrationPublishes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String month = YearMonth.now().toString();
        for (String path : new String[] {"/transparence", "/transparency", "/transparence/" + month + ".csv",
                "/transparency/" + month + ".json", "/transparence/point-de-controle.txt", "/transparency/key.txt"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
        }
    }
}
