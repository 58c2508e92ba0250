/**
 * The message queue as operators see it: entries, their delivery attempts, and the commands
 * they give (retry, bounce, delete). A port: the mail plane implements it over its spool.
 */
package org.guichet.queue;
