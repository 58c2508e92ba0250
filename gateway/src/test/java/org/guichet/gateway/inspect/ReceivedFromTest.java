package org.guichet.gateway.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The SMTP client read from Received headers as common servers write them. */
class ReceivedFromTest {

    @Test
    void postfixAndSubethaFormsGiveHeloAndAddressLiteral() {
        assertThat(ReceivedFrom.parse("from mail.example.org (mail.example.org [192.0.2.25])\r\n"
                + "\tby mx.reponse.caf.fr (Postfix) with ESMTPS id 4F2A1 for <reply+k1-x@reponse.caf.fr>;"
                + " Tue, 3 Mar 2026 09:12:44 +0100"))
                .contains(new ReceivedFrom("mail.example.org", "192.0.2.25"));
        assertThat(ReceivedFrom.parse("from Laptop.Example.ORG ([2001:db8::25])\r\n        by guichet with SMTP id 7;"))
                .contains(new ReceivedFrom("laptop.example.org", "2001:db8::25"));
        assertThat(ReceivedFrom.parse("from smtp.example.net (unknown [IPv6:2001:DB8::1]) by mx; date"))
                .contains(new ReceivedFrom("smtp.example.net", "2001:db8::1"));
    }

    @Test
    void eximAndExchangeFormsAreRead() {
        assertThat(ReceivedFrom.parse("from [198.51.100.7] (helo=portable.local)\r\n\tby mx.example.org with esmtp"))
                .contains(new ReceivedFrom("portable.local", "198.51.100.7"));
        assertThat(ReceivedFrom.parse("from EX01.corp.example (10.1.2.3) by EX02.corp.example (10.1.2.4) with"
                + " Microsoft SMTP Server"))
                .contains(new ReceivedFrom("ex01.corp.example", "10.1.2.3"));
    }

    @Test
    void aNameInBracketsIsNoAddressAndHeadersWithoutFromGiveNothing() {
        assertThat(ReceivedFrom.parse("from relay.example.org ([relay.example.org]) by mx"))
                .contains(new ReceivedFrom("relay.example.org", null));
        assertThat(ReceivedFrom.parse("by mx.example.org with LMTP id 42; Tue, 3 Mar 2026")).isEmpty();
        assertThat(ReceivedFrom.parse("from [999.1.1.1] by mx")).isEmpty();
        assertThat(ReceivedFrom.parse(null)).isEmpty();
    }
}
