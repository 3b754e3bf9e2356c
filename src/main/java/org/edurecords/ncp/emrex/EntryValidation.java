package org.edurecords.ncp.emrex;

import java.util.List;

/**
 * Outcome of validating an EMREX entry request: either a request or the problems found, each a
 * message key of the "entry" messages so the page can say in the user's language what is wrong.
 */
public record EntryValidation(EntryRequest request, List<String> problems) {

    public static EntryValidation valid(EntryRequest request) {
        return new EntryValidation(request, List.of());
    }

    public static EntryValidation invalid(List<String> problems) {
        return new EntryValidation(null, List.copyOf(problems));
    }

    public boolean isValid() {
        return request != null;
    }
}
