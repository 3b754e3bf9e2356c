package org.edurecords.ncp.results.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.edurecords.ncp.results.Institution;
import org.edurecords.ncp.results.LangText;
import org.edurecords.ncp.results.LocalizedText;

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
    public String url;

    /** Stores the names of this institution, one row per language. */
    public void storeNames(LocalizedText names) {
        for (LangText name : names.all()) {
            getEntityManager().createNativeQuery("insert into institution_name (institution_id, lang, name) values (?1, ?2, ?3)")
                    .setParameter(1, id).setParameter(2, name.language()).setParameter(3, name.text()).executeUpdate();
        }
    }

    /** The institution with its names in every language the directory has. */
    public Institution toRecord() {
        return new Institution(id, schac, erasmusCode, country, ResultDetails.institutionName(getEntityManager(), id),
                url, pic);
    }
}
