package org.edurecords.ncp.results.store;

import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A name an institution carried for a period (before a merger or a renaming), as the national registries show it. */
@Entity
@Table(name = "institution_name_history")
public class InstitutionNameEntity extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "institution_id")
    public Long institutionId;
    /** First day the name was used. */
    @Column(name = "valid_from")
    public LocalDate validFrom;
    /** First day the name was no longer used; null while it is current. */
    @Column(name = "valid_until")
    public LocalDate validUntil;

    /** The name in every language the registry gives. */
    public org.edurecords.ncp.results.LocalizedText name() {
        return ResultDetails.formerName(getEntityManager(), id);
    }
}
