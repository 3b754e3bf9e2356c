package org.edurecords.ncp.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * The log records written while it is open, from every logger (the application's and the framework's),
 * as the service's log would show them.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** Records at WARN (WARNING) or above, of the application's loggers and the framework's. */
    public List<LogRecord> warningsAndAbove() {
        synchronized (records) {
            return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        }
    }

    /** Every record, in the order written. */
    public List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** Every record's message as formatted in the log, with its parameters filled in. */
    public List<String> lines() {
        synchronized (records) {
            return records.stream().map(LogCapture::formatted).toList();
        }
    }

    public static String formatted(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            return ext.getFormattedMessage();
        }
        return record.getMessage();
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }
}
