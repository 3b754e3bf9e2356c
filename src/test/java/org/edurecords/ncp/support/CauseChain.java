package org.edurecords.ncp.support;

/** The messages of an exception and its causes: a database's own message sits a few levels down. */
public final class CauseChain {

    private CauseChain() {
    }

    public static String messages(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
