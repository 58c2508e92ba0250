package org.guichet.casework;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.guichet.casework.CaseChangeRefused.Reason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which services web accounts belong to ({@code web_account_service}): an agent works on
 * the cases of their services, a supervisor manages them.
 */
@Component
public class Caseworkers {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public Caseworkers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** The ids of the services the account belongs to. */
    public Set<Long> serviceIds(String username) {
        return new LinkedHashSet<>(jdbc.sql("""
                        select m.service_id from web_account_service m join web_account a on a.id = m.account_id
                        where a.username = :username order by m.service_id""")
                .param("username", username).query(Long.class).list());
    }

    /** The codes of the services the account belongs to, in code order. */
    public List<String> serviceCodes(String username) {
        return jdbc.sql("""
                        select s.code from web_account_service m join web_account a on a.id = m.account_id
                        join service s on s.id = m.service_id where a.username = :username order by s.code""")
                .param("username", username).query(String.class).list();
    }

    /** The enabled accounts of a service, by name: who a case of it may be assigned to. */
    public List<String> members(long serviceId) {
        return jdbc.sql("""
                        select a.username from web_account_service m join web_account a on a.id = m.account_id
                        where m.service_id = :service and a.enabled order by a.username""")
                .param("service", serviceId).query(String.class).list();
    }

    /** Puts the account in the services named by code, replacing the services it had. */
    public void place(String username, List<String> serviceCodes) {
        transactions.executeWithoutResult(tx -> replace(username, serviceCodes));
    }

    private void replace(String username, List<String> serviceCodes) {
        long account = jdbc.sql("select id from web_account where username = :username").param("username", username)
                .query(Long.class).optional()
                .orElseThrow(() -> new CaseChangeRefused(Reason.NOT_FOUND, "no account '" + username + "'"));
        List<Long> services = serviceCodes.stream().map(code -> jdbc.sql("select id from service where code = :code")
                .param("code", code.strip()).query(Long.class).optional()
                .orElseThrow(() -> new CaseChangeRefused(Reason.NOT_FOUND, "no service '" + code.strip() + "'")))
                .toList();
        jdbc.sql("delete from web_account_service where account_id = :account").param("account", account).update();
        for (long service : services) {
            jdbc.sql("insert into web_account_service (account_id, service_id) values (:account, :service)"
                            + " on conflict do nothing")
                    .param("account", account).param("service", service).update();
        }
    }
}
