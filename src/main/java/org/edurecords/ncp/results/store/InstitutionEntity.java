package org.edurecords.ncp.results.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.edurecords.ncp.results.Institution;

@Entity
@Table(name = "institution")
public class InstitutionEntity extends PanacheEntityBase {

    @Id
    public Long id;
    public String schac;
    @Column(name = "erasmus_code")
    public String erasmusCode;
    public String pic;
    public String country;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "name_nb")
    public String nameNb;
    public String url;

    public Institution toRecord() {
        return new Institution(id, schac, erasmusCode, country, nameEn, nameNb, url);
    }
}
