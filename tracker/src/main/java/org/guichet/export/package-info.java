/**
 * The complete export of a period for auditors: every case, message metadata and event of
 * the period as JSON lines, with the chain hashes ({@link org.guichet.export.PeriodExport});
 * its verification from the file alone ({@link org.guichet.export.ExportVerification}); and
 * the monthly report recomputed from it without the database
 * ({@link org.guichet.export.ExportedReport}). Format: docs/auditor-guide.md.
 */
package org.guichet.export;
