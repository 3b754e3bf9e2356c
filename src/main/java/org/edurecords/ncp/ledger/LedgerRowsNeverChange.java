package org.edurecords.ncp.ledger;

import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 8: the database itself refuses to change a ledger row, so that neither a bug nor someone with the
 * application's database account can rewrite what was disclosed to whom. Rows may still be inserted, and deleted
 * (retention, removal of a learner). A Java migration because the trigger is written differently per database:
 * a PL/pgSQL function on PostgreSQL (which also refuses TRUNCATE), a Java trigger class on H2.
 */
public class LedgerRowsNeverChange implements JavaMigration {

    static final String MESSAGE = "disclosure_event rows are never changed: the disclosure ledger is append-only";

    private static final List<String> POSTGRESQL = List.of(
            "create function disclosure_event_refuse_change() returns trigger language plpgsql as $$ begin raise exception '"
                    + MESSAGE + "'; end $$",
            "create trigger disclosure_event_never_updated before update on disclosure_event"
                    + " for each row execute function disclosure_event_refuse_change()",
            "create trigger disclosure_event_never_truncated before truncate on disclosure_event"
                    + " for each statement execute function disclosure_event_refuse_change()");

    private static final List<String> H2 = List.of(
            "create trigger disclosure_event_never_updated before update on disclosure_event for each row call '"
                    + LedgerRowGuard.class.getName() + "'");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("8");
    }

    @Override
    public String getDescription() {
        return "ledger rows never change";
    }

    @Override
    public Integer getChecksum() {
        // Flyway's validation then notices if the statements of an applied migration are edited.
        return (POSTGRESQL.toString() + H2).hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        List<String> statements;
        if (product.contains("postgres")) {
            statements = POSTGRESQL;
        } else if (product.contains("h2")) {
            statements = H2;
        } else {
            throw new IllegalStateException("No append-only guard for the ledger on " + product);
        }
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
