package org.edurecords.ncp.results.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.edurecords.ncp.results.LangText;
import org.edurecords.ncp.results.LocalizedText;

@Entity
@Table(name = "grading_scheme")
public class GradingSchemeEntity extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "institution_id")
    public Long institutionId;
    @Column(name = "local_id")
    public String localId;
    /** Stores the descriptions of this scheme, one row per language. */
    public void storeDescriptions(LocalizedText descriptions) {
        for (LangText description : descriptions.all()) {
            getEntityManager().createNativeQuery("insert into grading_scheme_description (grading_scheme_id, lang,"
                    + " description) values (?1, ?2, ?3)").setParameter(1, id).setParameter(2, description.language())
                    .setParameter(3, description.text()).executeUpdate();
        }
    }
}
