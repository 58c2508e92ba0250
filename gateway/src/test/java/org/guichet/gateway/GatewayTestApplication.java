package org.guichet.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The gateway and tracker beans, as the deployed jar assembles them, for tests of this module. */
@SpringBootApplication(scanBasePackages = "org.guichet")
public class GatewayTestApplication {

    /** The deployed jar gets its registry from Actuator, which this module does not have. */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
