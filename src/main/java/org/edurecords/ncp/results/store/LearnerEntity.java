package org.edurecords.ncp.results.store;

import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.edurecords.ncp.results.Learner;

@Entity
@Table(name = "learner")
public class LearnerEntity extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "given_names")
    public String givenNames;
    @Column(name = "family_name")
    public String familyName;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Column(name = "national_identifier")
    public String nationalIdentifier;
    public String citizenship;
    public String esi;

    public Learner toRecord() {
        return new Learner(id, givenNames, familyName, birthDate, nationalIdentifier, citizenship, esi);
    }
}
