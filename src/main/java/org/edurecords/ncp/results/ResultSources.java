package org.edurecords.ncp.results;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.edurecords.ncp.results.http.HttpElmoSources;

/** Every configured source: the CDI beans (the embedded store) and one live endpoint per configured institution. */
@ApplicationScoped
public class ResultSources {

    @Inject
    Instance<ResultSource> beans;

    @Inject
    HttpElmoSources http;

    public List<ResultSource> all() {
        List<ResultSource> all = new ArrayList<>();
        beans.forEach(all::add);
        all.addAll(http.sources());
        return all;
    }
}
