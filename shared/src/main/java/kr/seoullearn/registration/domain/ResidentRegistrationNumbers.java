package kr.seoullearn.registration.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import kr.seoullearn.platform.http.ProblemException;

/**
 * We never accept a resident registration number (주민등록번호, docs/product.md): any value in a
 * request that looks like one (YYMMDD-SNNNNNN, with or without the dash or spaces), or a field
 * named for one, refuses the whole request before anything is written.
 */
public final class ResidentRegistrationNumbers {
    private static final Pattern RRN = Pattern.compile("(?<!\\d)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\s*[-‐–—]?\\s*[1-8]\\d{6}(?!\\d)");
    private static final List<String> FIELD_NAMES = List.of("rrn", "residentregistrationnumber", "jumin", "juminnumber",
            "주민등록번호", "nationalid", "residentnumber");

    private ResidentRegistrationNumbers() {}

    public static boolean looksLikeOne(String text) {
        return text != null && RRN.matcher(text).find();
    }

    /**
     * Walks a parsed JSON body; throws 400 resident-registration-number on the first hit, naming
     * the field (e.g. {@code guardian.contact}) so the page can show the message beside it.
     */
    public static void refuseIn(Object json) {
        refuseIn(json, "");
    }

    private static void refuseIn(Object json, String path) {
        if (json instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                String name = String.valueOf(entry.getKey());
                String field = path.isEmpty() ? name : path + "." + name;
                String key = name.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
                if (FIELD_NAMES.contains(key)) {
                    throw refused(field);
                }
                refuseIn(entry.getValue(), field);
            }
        } else if (json instanceof List<?> list) {
            list.forEach(item -> refuseIn(item, path));
        } else if (json instanceof String s && looksLikeOne(s)) {
            throw refused(path);
        }
    }

    private static ProblemException refused(String field) {
        return new ProblemException(RegistrationRefusal.RESIDENT_REGISTRATION_NUMBER,
                Map.of("errors", List.of(Map.of("field", field, "code", "resident-registration-number"))));
    }
}
