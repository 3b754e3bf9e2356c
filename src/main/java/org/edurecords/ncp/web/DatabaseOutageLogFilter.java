package org.edurecords.ncp.web;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Keeps the transaction manager's stack trace out of the log when a commit fails because the database is away
 * ({@link DatabaseUnavailable}): the request's own line says so once (ADR 0882), and during an outage the same
 * hundred lines would follow every request. Any other message of the transaction manager, and any other failure,
 * is logged as it comes.
 */
@LoggingFilter(name = "database-outage")
public final class DatabaseOutageLogFilter implements Filter {

    /** Narayana's loggers; its commit failures carry the JDBC failure as their cause. */
    static final String TRANSACTION_MANAGER = "com.arjuna.ats";

    @Override
    public boolean isLoggable(LogRecord record) {
        String logger = record.getLoggerName();
        return record.getThrown() == null || logger == null || !logger.startsWith(TRANSACTION_MANAGER)
                || DatabaseUnavailable.reason(record.getThrown()).isEmpty();
    }
}
