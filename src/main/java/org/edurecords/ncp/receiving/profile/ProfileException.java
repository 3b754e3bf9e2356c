package org.edurecords.ncp.receiving.profile;

import java.util.List;

/** A profile file that cannot be used: every problem found, each naming the file, the JSON path and what is wrong. */
public class ProfileException extends RuntimeException {

    private final List<String> problems;

    public ProfileException(List<String> problems) {
        super("Requirement profiles: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
