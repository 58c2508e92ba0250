/**
 * Authentication of inbound mail: SPF (RFC 7208), DKIM (RFC 6376) and DMARC (RFC 7489)
 * evaluated for every citizen message, kept with it and written into an
 * {@code Authentication-Results} header (RFC 8601). A failure flags the message; it never
 * drops or bounces it, since a citizen's reply must reach a person even from a badly
 * configured mail domain.
 */
package org.guichet.gateway.authentication;
