package org.edurecords.ncp.web;

/**
 * A refusal of a JSON API call that the code raising it can name: the HTTP status, a code a script can test, and a
 * message for the people behind the calling system. The API's edge turns it into the product's JSON error.
 */
public class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;

    public ApiProblem(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
