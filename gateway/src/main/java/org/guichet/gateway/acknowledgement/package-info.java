/**
 * Acknowledgements of receipt (accusé de réception, CRPA L112-11, R112-11-1): the
 * {@link org.guichet.gateway.acknowledgement.Acknowledge} mailet, after threading, sends the
 * person who wrote to a case the date of receipt, the case reference, the service's contacts
 * and, for services whose silence decides, the implicit decision date and what follows from it.
 * It never answers automatic mail (RFC 3834 §2), goes out with the null envelope sender and
 * {@code Auto-Submitted: auto-replied}, and is recorded once per message
 * ({@link org.guichet.casework.Acknowledgements}). See docs/acknowledgement.md.
 */
package org.guichet.gateway.acknowledgement;
