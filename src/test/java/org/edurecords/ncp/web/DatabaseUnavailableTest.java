package org.edurecords.ncp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainAreTheDatabaseBeingAway() {
        RuntimeException refused = new RuntimeException("could not commit",
                new IllegalStateException(new SQLException("Connection to localhost:5432 refused", "08001")));
        assertEquals(Optional.of("SQL state 08001"), DatabaseUnavailable.reason(refused));
        assertEquals(Optional.of("SQL state 57P01"), DatabaseUnavailable.reason(
                new SQLException("terminating connection due to administrator command", "57P01")));
        assertEquals(Optional.of("SQL state 57P03"), DatabaseUnavailable.reason(
                new SQLException("the database system is starting up", "57P03")));
        assertEquals(Optional.of("SQL state null"), DatabaseUnavailable.reason(
                new SQLNonTransientConnectionException("closed")));
        assertEquals(Optional.of("no connection within the pool's acquisition timeout"), DatabaseUnavailable.reason(
                new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection"))));
    }

    @Test
    void wrongStatementsAndOtherFailuresAreNot() {
        assertTrue(DatabaseUnavailable.reason(new SQLException("syntax error at or near", "42601")).isEmpty());
        assertTrue(DatabaseUnavailable.reason(new SQLIntegrityConstraintViolationException("duplicate", "23505"))
                .isEmpty());
        assertTrue(DatabaseUnavailable.reason(new SQLException("no state")).isEmpty());
        assertTrue(DatabaseUnavailable.reason(new IllegalStateException("not a database failure")).isEmpty());
        assertTrue(DatabaseUnavailable.reason(null).isEmpty());
    }
}
