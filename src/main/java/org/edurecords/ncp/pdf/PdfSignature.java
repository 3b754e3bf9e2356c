package org.edurecords.ncp.pdf;

import java.io.IOException;

import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A signature made while a document is saved for the first time, so that the saved file never has to be
 * parsed again: {@link #reserve} adds the signature dictionary with room for the signature before the save,
 * {@link #sign} fills that room in the saved bytes.
 */
public interface PdfSignature {

    /** Adds the signature dictionary, with placeholders for its byte range and contents, to the finished document. */
    void reserve(PDDocument document) throws IOException;

    /**
     * Writes the byte range and the signature into the placeholders of the saved document (in place) and
     * returns it. The document was saved without object streams, so the placeholders are plain bytes.
     */
    byte[] sign(byte[] saved) throws IOException;
}
