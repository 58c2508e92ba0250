package org.guichet.administration;

/**
 * One template of the letters Guichet writes in a service's name (acknowledgements of receipt).
 *
 * @param service  the service whose own file it is, or empty for the template every service uses
 * @param file     its file name, e.g. {@code fr.txt}, {@code en-rejection.txt}
 * @param replaced whether a file of the template folder replaces the shipped text
 * @param text     the text, with its {@code ${placeholders}}
 */
public record LetterTemplate(String service, String file, boolean replaced, String text) {
}
