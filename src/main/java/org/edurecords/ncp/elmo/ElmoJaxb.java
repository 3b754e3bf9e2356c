package org.edurecords.ncp.elmo;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

import org.edurecords.ncp.elmo.model.Elmo;

/** The one JAXB context of the ELMO model: expensive to create, thread-safe to share (marshallers are not). */
public final class ElmoJaxb {

    private static final JAXBContext CONTEXT;

    static {
        try {
            CONTEXT = JAXBContext.newInstance(Elmo.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ElmoJaxb() {
    }

    public static JAXBContext context() {
        return CONTEXT;
    }
}
