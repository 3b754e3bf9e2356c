package org.edurecords.ncp.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.Statement;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Readiness tells whether the database takes a write, not only whether it answers. */
@QuarkusTest
class DatabaseWriteReadinessTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void readinessIsDownWhileTheDatabaseCannotCommitAWriteAndUpAgainAfterwards() throws Exception {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'database-write' }.status", equalTo("UP"));

        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                // Holds a write lock on every probe row, as a stuck transaction or a migration would.
                statement.executeUpdate("update readiness_probe set checked_at = checked_at");
                given().get("/q/health/ready").then().statusCode(503)
                        .body("status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'database-write' }.status", equalTo("DOWN"))
                        .body("checks.find { it.name == 'database-write' }.data.problem",
                                equalTo("the database did not commit a write within 1 s"));
            } finally {
                blocker.rollback();
            }
        }

        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database-write"));
    }
}
