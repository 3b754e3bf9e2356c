package org.edurecords.ncp.receiving.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A condition's truth in three values; {@code all} and {@code any} combine them by Kleene's rules. */
public enum Verdict {
    @JsonProperty("met")
    MET,
    @JsonProperty("not_met")
    NOT_MET,
    @JsonProperty("undecided")
    UNDECIDED;

    public static Verdict of(boolean met) {
        return met ? MET : NOT_MET;
    }

    /** Kleene's and: false wins, then unknown. */
    public Verdict and(Verdict other) {
        if (this == NOT_MET || other == NOT_MET) {
            return NOT_MET;
        }
        return this == UNDECIDED || other == UNDECIDED ? UNDECIDED : MET;
    }

    /** Kleene's or: true wins, then unknown. */
    public Verdict or(Verdict other) {
        if (this == MET || other == MET) {
            return MET;
        }
        return this == UNDECIDED || other == UNDECIDED ? UNDECIDED : NOT_MET;
    }
}
