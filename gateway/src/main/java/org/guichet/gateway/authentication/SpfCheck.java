package org.guichet.gateway.authentication;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.james.jspf.core.DNSRequest;
import org.apache.james.jspf.core.DNSService;
import org.apache.james.jspf.core.exceptions.TimeoutException;
import org.apache.james.jspf.executor.SPFResult;
import org.apache.james.jspf.executor.SynchronousSPFExecutor;
import org.apache.james.jspf.impl.SPF;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SPF (RFC 7208) with Apache jSPF: is the SMTP client allowed to send for the MAIL FROM
 * domain, or for the HELO name when the sender is null (§2.4)? jSPF asks its questions
 * through the message's {@link DnsBudget}, so a DNS failure or an exhausted budget gives
 * {@code temperror}, and its own limit of 10 DNS-querying terms (§4.6.4) gives
 * {@code permerror}.
 */
final class SpfCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SpfCheck.class);

    private final String receivingHost;

    /** @param receivingHost this host's name, for the {@code %{r}} macro (RFC 7208 §7.3) */
    SpfCheck(String receivingHost) {
        this.receivingHost = receivingHost;
    }

    SpfResult check(String clientIp, String helo, String mailFrom, DnsBudget dns) {
        String ip = clientIp == null ? "" : clientIp.strip();
        String heloName = helo == null ? "" : helo.strip();
        boolean nullSender = mailFrom == null || mailFrom.isBlank() || mailFrom.strip().equals("<>");
        SpfResult.Identity identity = nullSender ? SpfResult.Identity.HELO : SpfResult.Identity.MAILFROM;
        // RFC 7208 §2.4: for the null sender, the identity checked is postmaster@<HELO name>
        String sender = nullSender ? "postmaster@" + heloName : mailFrom.strip();
        String domain = domainOf(sender);
        if (ip.isEmpty() || domain.isEmpty()) {
            return new SpfResult(SpfResult.Verdict.NONE, domain, identity, ip);
        }
        SPFResult result;
        try {
            // one evaluation per message: the DNS service it asks is bound to this message's budget
            BudgetDnsService service = new BudgetDnsService(dns, receivingHost);
            SPF spf = new SPF(service, new SynchronousSPFExecutor(service));
            result = spf.checkSPF(ip, sender, heloName.isEmpty() ? domain : heloName);
        } catch (RuntimeException e) {
            // jSPF ends an evaluation it cannot finish with a RuntimeException (JSPF-110)
            LOG.warn("SPF evaluation for {} from {} failed: {}", domain, ip, e.toString());
            return new SpfResult(SpfResult.Verdict.TEMPERROR, domain, identity, ip);
        }
        return new SpfResult(verdict(result.getResult()), domain, identity, ip);
    }

    private static SpfResult.Verdict verdict(String result) {
        try {
            return SpfResult.Verdict.of(result);
        } catch (IllegalArgumentException | NullPointerException e) {
            return SpfResult.Verdict.PERMERROR;
        }
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? address : address.substring(at + 1);
        domain = domain.strip().toLowerCase(Locale.ROOT);
        return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    }

    /** jSPF's view of DNS: answers as jSPF expects them, null for "no records". */
    private static final class BudgetDnsService implements DNSService {

        private final DnsBudget dns;
        private final String receivingHost;
        private int recordLimit = 10;

        BudgetDnsService(DnsBudget dns, String receivingHost) {
            this.dns = dns;
            this.receivingHost = receivingHost;
        }

        @Override
        public List<String> getRecords(DNSRequest request) throws TimeoutException {
            DnsRecords.Type type = switch (request.getRecordType()) {
                case DNSRequest.A -> DnsRecords.Type.A;
                case DNSRequest.AAAA -> DnsRecords.Type.AAAA;
                case DNSRequest.MX -> DnsRecords.Type.MX;
                case DNSRequest.PTR -> DnsRecords.Type.PTR;
                case DNSRequest.TXT -> DnsRecords.Type.TXT;
                // type 99 (SPF) was withdrawn by RFC 7208 §3.1: never published, never asked
                default -> null;
            };
            if (type == null) {
                return null;
            }
            try {
                List<String> records = dns.lookup(request.getHostname(), type);
                return records.isEmpty() ? null : new ArrayList<>(records);
            } catch (DnsFailure e) {
                throw new TimeoutException(e.getMessage());
            }
        }

        @Override
        public CompletionStage<List<String>> getRecordsAsync(DNSRequest request) {
            try {
                return CompletableFuture.completedFuture(getRecords(request));
            } catch (TimeoutException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public List<String> getLocalDomainNames() {
            return List.of(receivingHost);
        }

        @Override
        public void setTimeOut(int timeOut) {
            // the message's DnsBudget bounds every query
        }

        @Override
        public int getRecordLimit() {
            return recordLimit;
        }

        @Override
        public void setRecordLimit(int recordLimit) {
            this.recordLimit = recordLimit;
        }
    }
}
