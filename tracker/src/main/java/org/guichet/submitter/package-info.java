/**
 * The applications that submit mail to Guichet with SMTP AUTH, as operators manage them from
 * the pages or the command line: a port, which the mail plane implements over its accounts.
 */
package org.guichet.submitter;
