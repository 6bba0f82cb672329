package kr.seoullearn.functions.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.registration.domain.DocumentContentType;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.DocumentLimits;
import org.junit.jupiter.api.Test;

/** The body of POST /api/registration/documents, as jackson-jr hands it over. */
class UploadRequestTest {

    private static Map<String, Object> body(String json) {
        return Json.readObject(json);
    }

    private static ProblemException refused(String json) {
        return catchThrowableOfType(ProblemException.class, () -> UploadRequest.parse(body(json)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> errors(ProblemException e) {
        return (List<Map<String, String>>) e.extensions().get("errors");
    }

    @Test
    void aCompleteRequestIsAccepted() {
        // GIVEN a body for a 2 MB PDF with a file name
        // WHEN parsed
        UploadRequest request = UploadRequest.parse(body(
                "{\"kind\":\"INCOME_PROOF\",\"contentType\":\"application/pdf\",\"size\":2097152,\"fileName\":\"수급자 증명서.pdf\"}"));
        // THEN the kind, type and size are taken; the file name is not kept
        assertThat(request).isEqualTo(new UploadRequest(DocumentKind.INCOME_PROOF, DocumentContentType.PDF, 2_097_152));
    }

    @Test
    void exactlyTenMegabytesIsAllowedOneByteMoreIsTooBig() {
        assertThat(UploadRequest.parse(body("{\"kind\":\"INCOME_PROOF\",\"contentType\":\"image/png\",\"size\":"
                + DocumentLimits.MAX_BYTES + "}")).size()).isEqualTo(10_485_760);
        ProblemException e = refused("{\"kind\":\"INCOME_PROOF\",\"contentType\":\"image/png\",\"size\":10485761}");
        assertThat(e.problem()).isEqualTo(RegistrationRefusal.DOCUMENT_TOO_BIG);
        assertThat(e.problem().status()).isEqualTo(422);
    }

    @Test
    void aHugeSizeIsTooBigNotAnError() {
        ProblemException e = refused("{\"kind\":\"INCOME_PROOF\",\"contentType\":\"image/png\",\"size\":123456789012345678901234567890}");
        assertThat(e.problem()).isEqualTo(RegistrationRefusal.DOCUMENT_TOO_BIG);
    }

    @Test
    void sizeZeroIsAnEmptyFile() {
        ProblemException e = refused("{\"kind\":\"INCOME_PROOF\",\"contentType\":\"image/jpeg\",\"size\":0}");
        assertThat(e.problem()).isEqualTo(RegistrationRefusal.DOCUMENT_EMPTY);
        assertThat(e.problem().status()).isEqualTo(422);
    }

    @Test
    void missingFieldsAreAllListed() {
        // GIVEN an empty object
        ProblemException e = refused("{}");
        // THEN one validation problem lists every missing field
        assertThat(e.problem()).isEqualTo(Problem.VALIDATION_FAILED);
        assertThat(errors(e)).containsExactly(
                Map.of("field", "kind", "code", "required"),
                Map.of("field", "contentType", "code", "required"),
                Map.of("field", "size", "code", "required"));
    }

    @Test
    void wrongTypesAreValidationErrors() {
        ProblemException e = refused("{\"kind\":7,\"contentType\":[\"application/pdf\"],\"size\":\"100\",\"fileName\":{}}");
        assertThat(e.problem()).isEqualTo(Problem.VALIDATION_FAILED);
        assertThat(errors(e)).containsExactly(
                Map.of("field", "kind", "code", "invalid-value"),
                Map.of("field", "contentType", "code", "invalid-value"),
                Map.of("field", "size", "code", "invalid-value"),
                Map.of("field", "fileName", "code", "invalid-value"));
    }

    @Test
    void fractionalAndBooleanSizesAreWrongTypes() {
        assertThat(errors(refused("{\"kind\":\"INCOME_PROOF\",\"contentType\":\"image/png\",\"size\":12.5}")))
                .containsExactly(Map.of("field", "size", "code", "invalid-value"));
        assertThat(errors(refused("{\"kind\":\"INCOME_PROOF\",\"contentType\":\"image/png\",\"size\":true}")))
                .containsExactly(Map.of("field", "size", "code", "invalid-value"));
    }

    @Test
    void aNegativeSizeIsBelowTheMinimum() {
        assertThat(errors(refused("{\"kind\":\"INCOME_PROOF\",\"contentType\":\"image/png\",\"size\":-1}")))
                .containsExactly(Map.of("field", "size", "code", "out-of-range"));
    }

    @Test
    void anOverlongFileNameIsRefused() {
        String name = "a".repeat(256);
        assertThat(errors(refused("{\"kind\":\"INCOME_PROOF\",\"contentType\":\"image/png\",\"size\":5,\"fileName\":\"" + name + "\"}")))
                .containsExactly(Map.of("field", "fileName", "code", "too-long"));
    }

    @Test
    void anUnknownKindIsItsOwnProblem() {
        ProblemException e = refused("{\"kind\":\"PASSPORT\",\"contentType\":\"application/pdf\",\"size\":5}");
        assertThat(e.problem()).isEqualTo(RegistrationRefusal.DOCUMENT_KIND_UNKNOWN);
        assertThat(e.problem().status()).isEqualTo(400);
        // enum names are exact
        assertThat(refused("{\"kind\":\"income_proof\",\"contentType\":\"application/pdf\",\"size\":5}").problem())
                .isEqualTo(RegistrationRefusal.DOCUMENT_KIND_UNKNOWN);
    }

    @Test
    void anotherContentTypeIsNotAllowed() {
        for (String type : List.of("text/plain", "image/gif", "application/octet-stream", "image/jpg", "")) {
            ProblemException e = refused("{\"kind\":\"INCOME_PROOF\",\"contentType\":\"" + type + "\",\"size\":5}");
            assertThat(e.problem()).as(type).isEqualTo(RegistrationRefusal.DOCUMENT_TYPE_NOT_ALLOWED);
            assertThat(e.extensions().get("allowed")).isEqualTo(List.of("application/pdf", "image/jpeg", "image/png"));
        }
    }

    @Test
    void formErrorsComeBeforeTheKindTypeAndSizeRules() {
        // an unknown kind with a missing size: the form problem is answered first
        assertThat(refused("{\"kind\":\"PASSPORT\",\"contentType\":\"text/plain\"}").problem()).isEqualTo(Problem.VALIDATION_FAILED);
        // kind before type before size
        assertThat(refused("{\"kind\":\"PASSPORT\",\"contentType\":\"text/plain\",\"size\":0}").problem())
                .isEqualTo(RegistrationRefusal.DOCUMENT_KIND_UNKNOWN);
        assertThat(refused("{\"kind\":\"INCOME_PROOF\",\"contentType\":\"text/plain\",\"size\":0}").problem())
                .isEqualTo(RegistrationRefusal.DOCUMENT_TYPE_NOT_ALLOWED);
    }

    @Test
    void bigIntegerSizesWithinTheLimitAreFine() {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "INCOME_PROOF", "contentType", "image/png"));
        body.put("size", BigInteger.valueOf(1234));
        assertThat(UploadRequest.parse(body).size()).isEqualTo(1234);
    }
}
