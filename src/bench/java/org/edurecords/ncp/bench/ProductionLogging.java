package org.edurecords.ncp.bench;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logging as the packaged service has it (root at INFO), set before any library class loads.
 *
 * <p>Without a configuration the JVM's root logger here lets everything through, and libraries decide once, at
 * class loading, whether to run their debug paths: Santuario's digest stream then copies every signed byte into
 * a string, PDFBox builds debug messages. The service never runs that way, so neither may its benchmark.
 */
final class ProductionLogging {

    private ProductionLogging() {
    }

    static void apply() {
        Logger.getLogger("").setLevel(Level.INFO);
    }
}
