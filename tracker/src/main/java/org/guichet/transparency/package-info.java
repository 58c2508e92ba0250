/**
 * The public face of the evidence: per service and month, whether the administration answers
 * its citizens and how fast, from the same monthly reports auditors receive, with small
 * counts withheld so that nobody can be singled out. Opt-in per administration.
 */
package org.guichet.transparency;
