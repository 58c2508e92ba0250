/**
 * The mail domains Guichet answers for (the reply domain, the domains it signs with DKIM) and
 * the DNS records each needs published, compared with what DNS answers: a port, which the mail
 * plane implements with its resolver and keys. Records only; no DNS library here.
 */
package org.guichet.dns;
