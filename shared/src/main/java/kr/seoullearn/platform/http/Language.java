package kr.seoullearn.platform.http;

import java.util.Locale;

/** The languages every user-facing text exists in. Korean is the default. */
public enum Language {
    KO, EN, VI, ZH;

    public static final Language DEFAULT = KO;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first supported language of an Accept-Language header ("vi-VN,vi;q=0.9,en;q=0.8"). */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        Language best = null;
        double bestQ = -1;
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            Language candidate = pieces.length == 0 ? null : fromTag(pieces[0]); // ";" alone splits into nothing

            if (candidate == null) {
                continue;
            }
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > bestQ) {
                best = candidate;
                bestQ = q;
            }
        }
        return best == null ? DEFAULT : best;
    }

    /** "vi", "vi-VN", "zh-Hans-CN" → the language; null when not supported. */
    public static Language fromTag(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.trim().toLowerCase(Locale.ROOT);
        int dash = primary.indexOf('-');
        if (dash > 0) {
            primary = primary.substring(0, dash);
        }
        for (Language language : values()) {
            if (language.tag().equals(primary)) {
                return language;
            }
        }
        return null;
    }
}
