package io.cloudsword.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.cloudsword.api.verification.v1.CodeBatch;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** CSV and QR-label downloads of a batch's codes, for the batch's owner only. */
@QuarkusTest
@QuarkusTestResource(TestKeys.class)
@QuarkusTestResource(FakeBrandRegistry.class)
@QuarkusTestResource(FakeVerification.class)
@QuarkusTestResource(FakeComplaint.class)
class CodeDownloadsTest {

    private static RequestSpecification as(String token) {
        return token == null ? given() : given().header("Authorization", "Bearer " + token);
    }

    @Test
    void theOwnerDownloadsEveryCodeAsCsvReadPageByPageWithItsToken() {
        VerificationGraphTest.Catalogue c = VerificationGraphTest.catalogue("Csv");
        CodeBatch batch = FakeVerification.issue(c.product(), 40);
        int exportsBefore = FakeVerification.EXPORT_AUTHORIZATIONS.size();
        String token = c.ownerToken();
        var response = as(token).get("/codes/batches/" + batch.getId() + "/codes.csv").then()
                .log().ifValidationFails().statusCode(200)
                .header("Content-Type", containsString("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"codes-" + batch.getId() + ".csv\""))
                .extract().asString();
        String[] lines = response.split("\r\n");
        assertEquals("index,serial,digital_link", lines[0]);
        assertEquals(41, lines.length, "a header and one row per code");
        for (int i = 0; i < 40; i++) {
            FakeVerification.Issued code = FakeVerification.code(batch, i);
            assertEquals(i + "," + code.serial() + "," + code.link(), lines[i + 1]);
        }
        List<String> exports = FakeVerification.EXPORT_AUTHORIZATIONS.subList(exportsBefore,
                FakeVerification.EXPORT_AUTHORIZATIONS.size());
        // 40 codes in pages of 7: 6 calls, each with the owner's token
        assertEquals(6, exports.size(), exports.toString());
        assertTrue(exports.stream().allMatch(("Bearer " + token)::equals), "every page forwards the token: "
                + exports);
    }

    @Test
    void aRangeOfTheCsv() {
        VerificationGraphTest.Catalogue c = VerificationGraphTest.catalogue("Csv range");
        CodeBatch batch = FakeVerification.issue(c.product(), 30);
        String csv = as(c.ownerToken()).get("/codes/batches/" + batch.getId() + "/codes.csv?start=10&count=9").then()
                .statusCode(200)
                .header("Content-Disposition", containsString("-from-10.csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(10, lines.length);
        assertTrue(lines[1].startsWith("10,"), lines[1]);
        assertTrue(lines[9].startsWith("18,"), lines[9]);
        // past the end: only the header
        assertEquals("index,serial,digital_link\r\n", as(c.ownerToken())
                .get("/codes/batches/" + batch.getId() + "/codes.csv?start=30").then().statusCode(200).extract().asString());
    }

    @Test
    void downloadsAreForTheOwnerOnlyAndBadRangesAreRefusedBeforeAnyCall() {
        VerificationGraphTest.Catalogue c = VerificationGraphTest.catalogue("Private codes");
        CodeBatch batch = FakeVerification.issue(c.product(), 5);
        int exports = FakeVerification.EXPORT_AUTHORIZATIONS.size();
        for (String path : List.of("codes.csv", "labels.svg", "labels.png")) {
            String url = "/codes/batches/" + batch.getId() + "/" + path;
            as(null).get(url).then().statusCode(401).header("WWW-Authenticate", "Bearer")
                    .body("code", equalTo("UNAUTHENTICATED"));
            as(VerificationGraphTest.catalogue("Stranger").ownerToken()).get(url).then().statusCode(403)
                    .body("code", equalTo("NOT_OWNER"));
            as(VerificationGraphTest.token("consumer", null)).get(url).then().statusCode(403)
                    .body("status", equalTo("FORBIDDEN"));
            as("not.a.jwt").get(url).then().statusCode(401);
            as(c.ownerToken()).get(url + "?start=-1").then().statusCode(400).body("field", equalTo("start"))
                    .body("code", equalTo("VALUE_OUT_OF_RANGE"));
            as(c.ownerToken()).get(url + "?count=0").then().statusCode(400).body("field", equalTo("count"));
        }
        as(c.ownerToken()).get("/codes/batches/" + batch.getId() + "/labels.svg?count=101").then().statusCode(400)
                .body("message", containsString("1..100"));
        as(c.ownerToken()).get("/codes/batches/" + java.util.UUID.randomUUID() + "/codes.csv").then().statusCode(404)
                .body("code", equalTo("CODE_BATCH_NOT_FOUND"));
        assertEquals(exports, FakeVerification.EXPORT_AUTHORIZATIONS.size(), "no code left the service");
        as(VerificationGraphTest.token("admin", null)).get("/codes/batches/" + batch.getId() + "/codes.csv").then()
                .statusCode(200);
    }

    @Test
    void svgLabelsCarryOneQrCodeAndTheReadableSerialPerCode() {
        VerificationGraphTest.Catalogue c = VerificationGraphTest.catalogue("Svg");
        CodeBatch batch = FakeVerification.issue(c.product(), 30);
        String svg = as(c.ownerToken()).get("/codes/batches/" + batch.getId() + "/labels.svg?start=5&count=12").then()
                .statusCode(200).header("Content-Type", containsString("image/svg+xml")).extract().asString();
        assertTrue(svg.startsWith("<?xml"), svg.substring(0, 40));
        List<String> ids = all(Pattern.compile("<g id=\"code-(\\d+)\">"), svg);
        assertEquals(List.of("5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16"), ids);
        List<String> texts = all(Pattern.compile("<text[^>]*>([^<]*)</text>"), svg);
        assertEquals(12, texts.size());
        for (int i = 0; i < 12; i++) {
            assertEquals(FakeVerification.code(batch, 5 + i).serial(), texts.get(i));
        }
        assertEquals(12, all(Pattern.compile("<path [^>]*d=\"(M[^\"]+)\""), svg).size());
    }

    @Test
    void pngLabelsAreQrCodesThatAReaderDecodesToTheDigitalLink() throws Exception {
        VerificationGraphTest.Catalogue c = VerificationGraphTest.catalogue("Png");
        CodeBatch batch = FakeVerification.issue(c.product(), 13);
        byte[] png = as(c.ownerToken()).get("/codes/batches/" + batch.getId() + "/labels.png").then().statusCode(200)
                .header("Content-Type", containsString("image/png")).extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        // 13 labels: a row of 10 and a row of 3
        int cellW = image.getWidth() / 10;
        int cellH = image.getHeight() / 2;
        assertEquals(FakeVerification.code(batch, 0).link(), decode(image.getSubimage(0, 0, cellW, cellH)));
        assertEquals(FakeVerification.code(batch, 9).link(), decode(image.getSubimage(9 * cellW, 0, cellW, cellH)));
        assertEquals(FakeVerification.code(batch, 12).link(), decode(image.getSubimage(2 * cellW, cellH, cellW, cellH)));
        // the text under the symbol is dark ink where the serial is printed, not an empty strip
        BufferedImage text = image.getSubimage(0, cellH - 40, cellW, 30);
        assertTrue(darkPixels(text) > 50, "the serial is printed under the QR code");
    }

    private static String decode(BufferedImage label) throws NotFoundException, ChecksumException, FormatException {
        int[] pixels = label.getRGB(0, 0, label.getWidth(), label.getHeight(), null, 0, label.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(label.getWidth(), label.getHeight(), pixels)))).getText();
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

}
