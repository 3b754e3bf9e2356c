package org.edurecords.ncp.support;

import org.edurecords.ncp.results.LocalizedText;
import org.edurecords.ncp.results.store.InstitutionEntity;

/** Institutions that only tests know (simulated live endpoints), added to the directory when missing. */
public final class TestInstitutions {

    private TestInstitutions() {
    }

    /** Must run inside a transaction. */
    public static void ensure(long id, String schac, String nameEn, String nameNb) {
        if (InstitutionEntity.findById(id) == null) {
            InstitutionEntity entity = new InstitutionEntity();
            entity.id = id;
            entity.schac = schac;
            entity.country = "NO";
            entity.url = "https://" + schac + "/";
            entity.persist();
            entity.flush();
            entity.storeNames(LocalizedText.of("en", nameEn, "nb", nameNb));
        }
    }
}
