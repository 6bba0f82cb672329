package kr.seoullearn.functions.documents;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.registration.domain.DocumentContentType;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.DocumentLimits;

/**
 * The body of {@code POST /api/registration/documents}:
 * {@code {"kind", "contentType", "size", "fileName"?}}. The file name is checked but not kept:
 * the object key is random and the download name comes from the kind.
 */
public record UploadRequest(DocumentKind kind, DocumentContentType contentType, long size) {
    static final int MAX_FILE_NAME = 255;

    /**
     * Checks the body in this order: form (missing fields, wrong types, negative size, all listed
     * at once as {@code validation-failed} with {@code errors: [{field, code}]}), then the kind
     * ({@code document-kind-unknown}), the type ({@code document-type-not-allowed}) and the size
     * ({@code document-too-big}, {@code document-empty}).
     */
    public static UploadRequest parse(Map<String, Object> body) {
        List<Map<String, String>> errors = new ArrayList<>();
        Object kind = body.get("kind");
        Object contentType = body.get("contentType");
        Object size = body.get("size");
        Object fileName = body.get("fileName");
        requireString("kind", kind, errors);
        requireString("contentType", contentType, errors);
        BigInteger bytes = null;
        if (size == null) {
            errors.add(error("size", "required"));
        } else if (!(size instanceof Integer || size instanceof Long || size instanceof Short || size instanceof BigInteger)) {
            errors.add(error("size", "invalid-value"));
        } else {
            bytes = size instanceof BigInteger b ? b : BigInteger.valueOf(((Number) size).longValue());
            if (bytes.signum() < 0) {
                errors.add(error("size", "out-of-range"));
            }
        }
        if (fileName != null) {
            if (!(fileName instanceof String name)) {
                errors.add(error("fileName", "invalid-value"));
            } else if (name.length() > MAX_FILE_NAME) {
                errors.add(error("fileName", "too-long"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.VALIDATION_FAILED, Map.of("errors", errors));
        }
        DocumentKind parsedKind = DocumentKind.parse(kind)
                .orElseThrow(() -> new ProblemException(RegistrationRefusal.DOCUMENT_KIND_UNKNOWN));
        DocumentContentType parsedType = DocumentContentType.fromMediaType(contentType)
                .orElseThrow(() -> new ProblemException(RegistrationRefusal.DOCUMENT_TYPE_NOT_ALLOWED,
                        Map.of("allowed", Arrays.stream(DocumentContentType.values()).map(DocumentContentType::mediaType).toList())));
        if (bytes.compareTo(BigInteger.valueOf(DocumentLimits.MAX_BYTES)) > 0) {
            throw new ProblemException(RegistrationRefusal.DOCUMENT_TOO_BIG, Map.of("maxBytes", DocumentLimits.MAX_BYTES));
        }
        if (bytes.signum() == 0) {
            throw new ProblemException(RegistrationRefusal.DOCUMENT_EMPTY);
        }
        return new UploadRequest(parsedKind, parsedType, bytes.longValueExact());
    }

    private static void requireString(String field, Object value, List<Map<String, String>> errors) {
        if (value == null) {
            errors.add(error(field, "required"));
        } else if (!(value instanceof String)) {
            errors.add(error(field, "invalid-value"));
        }
    }

    private static Map<String, String> error(String field, String code) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("code", code);
        return error;
    }
}
