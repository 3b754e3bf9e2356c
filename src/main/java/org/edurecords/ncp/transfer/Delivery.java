package org.edurecords.ncp.transfer;

import java.util.List;

/**
 * How the browser carries the end of a flow to the receiver: a form it posts (EMREX 1.0) or an address it is
 * sent to (EMREX 2.0's redirect with a code or an error).
 */
public sealed interface Delivery {

    /** The address the answer goes to; its origin is what the page's CSP allows as a form target. */
    String target();

    /** One hidden field of the posted form. */
    record Field(String name, String value) {
    }

    /** A form the answer page posts itself (and offers as a button). */
    record FormPost(String target, List<Field> fields) implements Delivery {

        public FormPost {
            fields = List.copyOf(fields);
        }
    }

    /** An address the browser is sent to; on the no-results page, a link the student follows. */
    record Redirect(String target) implements Delivery {
    }
}
