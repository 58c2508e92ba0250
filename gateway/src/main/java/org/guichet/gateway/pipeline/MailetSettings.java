package org.guichet.gateway.pipeline;

import java.util.Iterator;
import java.util.Map;

import org.apache.mailet.MailetConfig;
import org.apache.mailet.MailetContext;

/** A mailet's init parameters from {@code pipeline.xml}, placeholders resolved. */
record MailetSettings(String mailetName, Map<String, String> parameters, MailetContext context)
        implements MailetConfig {

    MailetSettings {
        parameters = Map.copyOf(parameters);
    }

    @Override
    public String getInitParameter(String name) {
        return parameters.get(name);
    }

    @Override
    public Iterator<String> getInitParameterNames() {
        return parameters.keySet().iterator();
    }

    @Override
    public MailetContext getMailetContext() {
        return context;
    }

    @Override
    public String getMailetName() {
        return mailetName;
    }
}
