package org.edurecords.ncp.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * What is wrong with a JSON body, in the terms of the JSON the client sent: where (a field path such as
 * {@code learners[0].birthDate}, or a line and column) and what was expected ("a date (YYYY-MM-DD)"). Jackson's
 * own messages name the Java types the body was read into; those never reach a client.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            String original = e.getOriginalMessage();
            if (original != null && original.startsWith("No content to map")) {
                return "the body is empty";
            }
            String where = path(mapping);
            Class<?> expected = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return (where.isEmpty() ? "" : where + ": ")
                    + (expected == null ? "not the expected value" : "expected " + expected(expected));
        }
        String at = at(e.getLocation());
        return e instanceof JsonEOFException ? "the JSON ends too early" + at : "not well-formed JSON" + at;
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** {@code learners[0].results[2].credits} */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A Java type as the JSON value that would fit it. */
    static String expected(Class<?> type) {
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date or time (ISO 8601)";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type == BigDecimal.class || type == BigInteger.class
                || (type.isPrimitive() && type != char.class)) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return "an object";
    }
}
