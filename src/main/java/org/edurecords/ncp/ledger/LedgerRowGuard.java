package org.edurecords.ncp.ledger;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** The H2 trigger of {@link LedgerRowsNeverChange}: every update of a ledger row fails. */
public class LedgerRowGuard implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException(LedgerRowsNeverChange.MESSAGE, "45000");
    }
}
