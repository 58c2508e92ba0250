package org.guichet.gateway.pipeline;

import org.apache.mailet.MailetContext;
import org.apache.mailet.MatcherConfig;

/** A matcher's name and condition ({@code match="Name=condition"}), placeholders resolved. */
record MatcherSettings(String matcherName, String condition, MailetContext context) implements MatcherConfig {

    @Override
    public String getCondition() {
        return condition;
    }

    @Override
    public MailetContext getMailetContext() {
        return context;
    }

    @Override
    public String getMatcherName() {
        return matcherName;
    }
}
