package org.edurecords.ncp.support;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Counts the SQL statements Hibernate prepares on the calling thread while {@link #during} runs, so that a test
 * can hold a reader to a fixed number of statements (no query per row). Other threads (scheduled jobs, other
 * requests) are not counted.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class StatementCounter implements StatementInspector {

    private static final ThreadLocal<AtomicInteger> COUNT = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        AtomicInteger count = COUNT.get();
        if (count != null) {
            count.incrementAndGet();
        }
        return sql;
    }

    /** The statements the action prepared on this thread. */
    public static int during(Runnable action) {
        AtomicInteger count = new AtomicInteger();
        COUNT.set(count);
        try {
            action.run();
        } finally {
            COUNT.remove();
        }
        return count.get();
    }
}
