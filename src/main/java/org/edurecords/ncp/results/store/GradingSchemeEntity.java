package org.edurecords.ncp.results.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.edurecords.ncp.results.GradingScheme;

@Entity
@Table(name = "grading_scheme")
public class GradingSchemeEntity extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "institution_id")
    public Long institutionId;
    @Column(name = "local_id")
    public String localId;
    @Column(name = "description_en")
    public String descriptionEn;
    @Column(name = "description_nb")
    public String descriptionNb;

    public GradingScheme toRecord() {
        return new GradingScheme(localId, descriptionEn, descriptionNb);
    }
}
