package org.edurecords.ncp.results;

import java.util.List;

/** How many students of the same course got each grade, failed ones included. */
public record ResultDistribution(List<Category> categories, LocalizedText description) {

    public ResultDistribution {
        categories = List.copyOf(categories);
    }

    public record Category(String label, long count) {
    }
}
