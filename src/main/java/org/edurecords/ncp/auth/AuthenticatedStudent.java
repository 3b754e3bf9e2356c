package org.edurecords.ncp.auth;

/**
 * The outcome of a successful login: which login method vouched for the person and which learner
 * of the register they are. Names and birth date are read from the register, never from a form.
 */
public record AuthenticatedStudent(String loginMethod, long learnerId) {
}
