package org.guichet.storage;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.guichet.node.HomeFolder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: without {@code spring.datasource.url}, Guichet starts its own
 * PostgreSQL under {@code guichet.node.home}. With it, Spring Boot's usual data source is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDataSourceCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(HomeFolder home, EmbeddedDatabaseProperties properties) {
        return EmbeddedPostgresServer.start(home.path(), properties);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername(EmbeddedPostgresServer.USER);
        config.setPoolName("guichet");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }
}
