package org.edurecords.ncp.democlient;

import java.util.List;

/** One institution's report as received. */
public record ReceivedReport(String issuer, String schac, List<ReceivedResult> results, String totalCredits) {
}
