package org.guichet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Guichet: every role and every command in one jar. Without arguments (or with {@code run})
 * it starts the roles of {@code guichet.roles}; otherwise the first argument names a
 * command ({@code queue}, {@code submitter}, {@code account}).
 */
@SpringBootApplication
public class Guichet {

    public static void main(String[] args) {
        SpringApplication.run(Guichet.class, args);
    }
}
