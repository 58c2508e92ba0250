package org.guichet.administration;

/**
 * What the mail plane needs to know of a service, held in memory.
 *
 * @param id         database id
 * @param code       configuration code
 * @param name       name shown to citizens
 * @param commitment answer-time commitment shown to citizens, or null
 */
public record ServiceIdentity(long id, String code, String name, String commitment) {
}
