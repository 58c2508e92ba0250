package org.guichet.cli;

/**
 * A command that reads only the files it is given ({@code guichet export verify}): it runs
 * without starting Guichet, so an auditor runs it on a machine with no database and no home.
 */
interface FilesOnly {
}
