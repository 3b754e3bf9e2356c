package org.edurecords.ncp.auth;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

import org.edurecords.ncp.config.NcpConfig;

/**
 * Builds an {@link Identity} from named attributes, whether they come as ID token claims or as
 * headers set by a SAML service provider: the person identifier is always required, names and birth
 * date only when the deployment configured where to find them.
 */
final class Attributes {

    private Attributes() {
    }

    static Identity identity(String method, String scheme, String personIdName, Optional<String> givenName,
            Optional<String> familyName, Optional<String> birthDate, Function<String, String> lookup)
            throws LoginFailure {
        String identifier = required(personIdName, lookup);
        String given = givenName.isPresent() ? required(givenName.get(), lookup) : null;
        String family = familyName.isPresent() ? required(familyName.get(), lookup) : null;
        LocalDate born = null;
        if (birthDate.isPresent()) {
            String value = required(birthDate.get(), lookup);
            try {
                // OIDC birthdate is ISO (1998-04-17); SAML schacDateOfBirth is basic ISO (19980417).
                born = value.matches("\\d{8}") ? LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE)
                        : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
            } catch (DateTimeParseException e) {
                throw new LoginFailure(LoginFailure.Kind.MISSING_ATTRIBUTE,
                        "The identity provider sent a birth date in an unknown format (attribute " + birthDate.get() + ").");
            }
        }
        return new Identity(method, scheme, identifier, given, family, born);
    }

    static Identity fromOidc(NcpConfig.Auth.Oidc config, Function<String, String> claims) throws LoginFailure {
        return identity("oidc", config.identifierScheme(), config.personIdClaim(), config.givenNameClaim(),
                config.familyNameClaim(), config.birthDateClaim(), claims);
    }

    static Identity fromHeaders(NcpConfig.Auth.Header config, Function<String, String> headers) throws LoginFailure {
        return identity("header", config.identifierScheme(), config.personIdHeader(), config.givenNameHeader(),
                config.familyNameHeader(), config.birthDateHeader(), headers);
    }

    private static String required(String name, Function<String, String> lookup) throws LoginFailure {
        String value = lookup.apply(name);
        if (value == null || value.isBlank()) {
            // The attribute name helps the operator; its value (absent anyway) is personal data.
            throw new LoginFailure(LoginFailure.Kind.MISSING_ATTRIBUTE,
                    "The identity provider did not release the required attribute " + name + ".");
        }
        return value.trim();
    }
}
