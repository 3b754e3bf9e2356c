package org.edurecords.ncp.elmo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.edurecords.ncp.elmo.model.Attachment;
import org.edurecords.ncp.elmo.model.TokenWithOptionalLang;

/**
 * What an ELMO attachment is, read from its first {@code data:} URI without keeping the bytes: the media type, the
 * size and whether the bytes really are a PDF. The verifier's summary and the receiver's normalised results both
 * describe attachments this one way.
 */
public final class ElmoAttachments {

    private static final String PDF_MAGIC = "%PDF-";

    /**
     * One attachment described.
     *
     * @param mediaType the data URI's media type; " (content is not valid base64)" appended when it does not decode
     * @param bytes     the decoded size (the length of the text for a data URI that is not base64)
     * @param pdf       the decoded bytes start with {@code %PDF-}
     */
    public record Described(String type, String title, String mediaType, long bytes, boolean pdf) {
    }

    private ElmoAttachments() {
    }

    public static Described describe(Attachment attachment) {
        String content = attachment.getContent().isEmpty() ? "" : attachment.getContent().get(0).getValue();
        if (content == null) {
            content = "";
        }
        String mediaType = null;
        long bytes = 0;
        boolean pdf = false;
        if (content.startsWith("data:") && content.indexOf(',') > 0) {
            String header = content.substring(5, content.indexOf(','));
            mediaType = header.split(";")[0];
            String data = content.substring(content.indexOf(',') + 1);
            if (header.endsWith(";base64")) {
                try {
                    byte[] decoded = Base64.getDecoder().decode(data.replace(" ", ""));
                    bytes = decoded.length;
                    pdf = decoded.length >= 5
                            && PDF_MAGIC.equals(new String(decoded, 0, 5, StandardCharsets.ISO_8859_1));
                } catch (IllegalArgumentException e) {
                    mediaType = mediaType + " (content is not valid base64)";
                }
            } else {
                bytes = data.length();
            }
        }
        return new Described(attachment.getType(), english(attachment.getTitle()), mediaType, bytes, pdf);
    }

    /** The English text of a multi-language token list, else the first one, else null. */
    public static String english(List<TokenWithOptionalLang> titles) {
        return titles.stream().filter(t -> "en".equals(t.getLang())).map(TokenWithOptionalLang::getValue).findFirst()
                .orElse(titles.isEmpty() ? null : titles.get(0).getValue());
    }
}
