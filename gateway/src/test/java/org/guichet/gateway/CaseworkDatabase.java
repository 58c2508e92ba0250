package org.guichet.gateway;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.guichet.casework.CaseReferences;
import org.guichet.casework.CaseThreading;
import org.guichet.casework.Casework;
import org.guichet.casework.CaseworkProperties;
import org.guichet.casework.EventLog;
import org.guichet.storage.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A migrated database of its own and the casework over it, with the clock stopped at a given instant. */
public final class CaseworkDatabase {

    public final DataSource database = TestPostgres.newMigratedDatabase();
    public final JdbcClient jdbc = JdbcClient.create(database);
    public final DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
    public final Clock clock;
    public final EventLog events = new EventLog(jdbc, transactions);
    public final CaseReferences references = new CaseReferences(jdbc, CaseworkProperties.defaults());
    public final Casework casework;

    public CaseworkDatabase(Instant now) {
        clock = Clock.fixed(now, ZoneOffset.UTC);
        casework = new Casework(jdbc, transactions, events, new CaseThreading(jdbc, transactions, references),
                references, clock);
    }
}
