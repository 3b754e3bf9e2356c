package org.edurecords.ncp.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.edurecords.ncp.support.FlowClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The style sheet, the scripts and the icon as the pages link them: with the release's version in their address
 * (browsers keep them a day without asking), and the icon that browsers ask for on their own.
 */
@QuarkusTest
class StaticAssetsTest {

    @Test
    void pagesLinkTheStyleSheetAndScriptsWithTheVersionOfTheirContent() {
        FlowClient anna = new FlowClient().portalLogin("anna");
        Document share = FlowClient.html(anna.get("/my-results/share"));
        String css = share.selectFirst("link[rel=stylesheet]").attr("href");
        String script = share.selectFirst("script[src]").attr("src");
        String icon = share.selectFirst("link[rel=icon]").attr("href");
        String version = StaticAssets.assetVersion();
        assertTrue(version.matches("[0-9a-f]{12}"), version);
        assertEquals(List.of("/css/ncp.css?v=" + version, "/js/selection.js?v=" + version,
                "/favicon.svg?v=" + version), List.of(css, script, icon));
        for (String address : List.of(css, script, icon)) {
            Response versioned = given().get(address);
            assertEquals(200, versioned.statusCode(), address);
            assertArrayEquals(given().get(address.substring(0, address.indexOf('?'))).asByteArray(),
                    versioned.asByteArray(), "the same file at both addresses");
            assertTrue(versioned.header("Cache-Control").contains("max-age"), versioned.header("Cache-Control"));
        }
    }

    @Test
    void theVersionFollowsTheContentOfTheFiles() {
        assertEquals(StaticAssets.digest(StaticAssets.FILES), StaticAssets.assetVersion());
        assertNotEquals(StaticAssets.digest(List.of("css/ncp.css")), StaticAssets.digest(List.of("js/copy.js")));
        assertNotEquals(StaticAssets.digest(StaticAssets.FILES),
                StaticAssets.digest(StaticAssets.FILES.subList(0, StaticAssets.FILES.size() - 1)));
    }

    @Test
    void theIconIsServedWhereBrowsersLookForIt() {
        Response ico = given().get("/favicon.ico");
        assertEquals(200, ico.statusCode());
        assertEquals("image/x-icon", ico.contentType().split(";")[0]);
        byte[] bytes = ico.asByteArray();
        assertArrayEquals(new byte[] {0, 0, 1, 0}, java.util.Arrays.copyOf(bytes, 4), "an ICO header");
        Response svg = given().get("/favicon.svg");
        assertEquals(200, svg.statusCode());
        assertTrue(svg.contentType().startsWith("image/svg+xml"), svg.contentType());
        assertTrue(svg.asString().startsWith("<svg"), svg.asString());
    }

    @Test
    void everyLinkedFileExists() {
        for (String file : StaticAssets.FILES) {
            assertEquals(200, given().get("/" + file).statusCode(), file);
        }
    }
}
