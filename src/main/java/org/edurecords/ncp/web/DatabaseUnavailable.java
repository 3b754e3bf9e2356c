package org.edurecords.ncp.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * A failure that says the database cannot be reached at the moment (a refused, broken or closed connection, a
 * server shutting down or still starting, a pool that found no connection in time), not that a statement was
 * wrong. Such a request is answered 503 with Retry-After and logged in one line: the outage is the operator's
 * to see in readiness, and a stack trace for every request during it would bury everything else.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait; a restart of the database takes about that long. */
    static final int RETRY_AFTER_SECONDS = 30;
    static final String MESSAGE_KEY = "error_unavailable";

    private DatabaseUnavailable() {
    }

    /** The reason for the log ("SQL state 08006"), when the failure is the database being away. */
    public static Optional<String> reason(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-57P03: the server is shutting down, crashed or starting up.
                if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                        || (state != null && (state.startsWith("08") || state.startsWith("57P")))) {
                    return Optional.of("SQL state " + state);
                }
                String message = sql.getMessage();
                // Agroal's own, without an SQL state: no connection could be had within the acquisition timeout.
                if (state == null && message != null && message.contains("cquisition timeout")) {
                    return Optional.of("no connection within the pool's acquisition timeout");
                }
            }
        }
        return Optional.empty();
    }
}
