package kr.seoullearn.catalog.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.platform.school.SchoolLevel;

/**
 * What the words families type mean to the catalogue search, read from data next to the
 * message catalogues ({@code i18n/search-words_<ko|en|vi|zh>.tsv}): school levels and grades,
 * subjects (in every language the app speaks, mapped to the catalogue's subject codes),
 * reviewed Korean abbreviations (영문법 = 영어 문법) and the catalogue's own title words that
 * Korean and Chinese compounds are split into (중학수학 = 중학 + 수학)
 * (docs/adr/0020-search-as-families-type.md).
 */
public final class SearchVocabulary {
    /** Languages whose lists are read. */
    public static final List<String> LANGUAGES = List.of("ko", "en", "vi", "zh");
    /** Longest phrase, in tokens. */
    static final int MAX_PHRASE = 4;
    /** Cost of a piece of a compound that is no dictionary word (a query may hold one: 중학일차함수). */
    private static final int UNKNOWN_PIECE = 5;

    /** What a phrase means: a level (and grade), a national school year, a subject, or words to search. */
    public record Meaning(SchoolLevel level, Integer grade, Integer year, Subject subject, List<String> words) {
        public Meaning {
            words = words == null ? List.of() : List.copyOf(words);
        }
    }

    /** A phrase as written in the data (for suggestions) with its language and meaning. */
    public record Phrase(String text, String language, String key, Meaning meaning) {}

    private static final SearchVocabulary INSTANCE = load();

    private final Map<String, Meaning> byKey = new HashMap<>();
    private final Map<String, Meaning> byBareKey = new HashMap<>();
    private final Set<String> dictionary = new HashSet<>();
    private final List<Phrase> phrases = new ArrayList<>();

    private SearchVocabulary() {}

    public static SearchVocabulary get() {
        return INSTANCE;
    }

    /** The index word a course carries for its subject, so that a subject named in any language finds it. */
    public static String subjectWord(Subject subject) {
        return subject.nameKo();
    }

    /** The meaning of a phrase of normalised tokens (joined by single spaces), also without Vietnamese diacritics. */
    public Optional<Meaning> meaning(String key) {
        Meaning m = byKey.get(key);
        return Optional.ofNullable(m != null ? m : byBareKey.get(bare(key)));
    }

    /** Every phrase of the lists, as written (what suggestions offer). */
    public List<Phrase> phrases() {
        return phrases;
    }

    /**
     * A Korean or Chinese run split into the words of the dictionary, fewest pieces first; one
     * piece of two or more characters the dictionary does not know may remain (경제생활 = 경제 +
     * 생활). The same split serves titles (whose index keeps the whole word and its pieces) and
     * queries ({@code query}: a run that is itself a dictionary word stays whole). Returns the
     * run alone when no split has a dictionary word in it.
     */
    public List<String> split(String run, boolean query) {
        int n = run.length();
        if (n < 2 || (query && dictionary.contains(run))) {
            return List.of(run);
        }
        int[] cost = new int[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(cost, Integer.MAX_VALUE);
        cost[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = 0; start < end; start++) {
                if (cost[start] == Integer.MAX_VALUE || (start == 0 && end == n)) {
                    continue;
                }
                String piece = run.substring(start, end);
                int c;
                if (dictionary.contains(piece)) {
                    c = 1;
                } else if (piece.length() >= 2) {
                    c = UNKNOWN_PIECE;
                } else {
                    continue;
                }
                if (cost[start] + c < cost[end]) {
                    cost[end] = cost[start] + c;
                    from[end] = start;
                }
            }
        }
        if (cost[n] == Integer.MAX_VALUE || cost[n] >= UNKNOWN_PIECE * 2) {
            return List.of(run);
        }
        List<String> pieces = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            pieces.add(0, run.substring(from[end], end));
        }
        return pieces;
    }

    /** Whether a token is Korean or Chinese script (what is typed without spaces). */
    public static boolean isCompoundScript(String token) {
        if (token.isEmpty()) {
            return false;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(token.codePointAt(0));
        return s == Character.UnicodeScript.HANGUL || s == Character.UnicodeScript.HAN;
    }

    static String bare(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd');
    }

    /** A phrase's key: its normalised tokens, as a query's are, joined by spaces. */
    static String key(String phrase) {
        return String.join(" ", TitleWords.tokens(phrase));
    }

    private static SearchVocabulary load() {
        SearchVocabulary v = new SearchVocabulary();
        for (String language : LANGUAGES) {
            String name = "/i18n/search-words_" + language + ".tsv";
            try (InputStream in = SearchVocabulary.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + name);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cols = line.split("\t");
                    if (cols.length != 2) {
                        throw new IllegalStateException(name + ": not <phrase> TAB <meaning>: " + line);
                    }
                    v.add(cols[0].strip(), language, cols[1].strip());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Subject s : Subject.values()) {
            v.dictionary.add(subjectWord(s));
        }
        v.dictionary.add("학년");
        v.dictionary.add("年级");
        v.dictionary.add("年級");
        return v;
    }

    private void add(String text, String language, String meaningText) {
        String key = key(text);
        if (key.isEmpty() || key.split(" ").length > MAX_PHRASE) {
            throw new IllegalStateException("search vocabulary: bad phrase " + text);
        }
        Meaning meaning = parseMeaning(meaningText);
        Meaning before = byKey.putIfAbsent(key, meaning);
        if (before != null && !before.equals(meaning)) {
            throw new IllegalStateException("search vocabulary: " + text + " means two things");
        }
        if (language.equals("vi")) {
            byBareKey.putIfAbsent(bare(key), meaning);
        }
        if (!key.contains(" ") && isCompoundScript(key)) {
            dictionary.add(key);
        }
        phrases.add(new Phrase(text, language, key, meaning));
    }

    private static Meaning parseMeaning(String text) {
        if (text.equals("word")) {
            return new Meaning(null, null, null, null, List.of());
        }
        if (text.startsWith("=")) {
            List<String> words = TitleWords.tokens(text.substring(1));
            return new Meaning(null, null, null, null, words);
        }
        SchoolLevel level = null;
        Integer grade = null;
        Integer year = null;
        Subject subject = null;
        for (String part : text.split(" ")) {
            String[] kv = part.split("=", 2);
            switch (kv[0]) {
                case "level" -> level = SchoolLevel.valueOf(kv[1].toUpperCase(Locale.ROOT));
                case "grade" -> grade = Integer.valueOf(kv[1]);
                case "year" -> year = Integer.valueOf(kv[1]);
                case "subject" -> subject = Subject.valueOf(kv[1]);
                default -> throw new IllegalStateException("search vocabulary: unknown meaning " + text);
            }
        }
        return new Meaning(level, grade, year, subject, List.of());
    }

    /** Whether a phrase is a plain dictionary word (its meaning is itself). */
    public static boolean isPlainWord(Meaning m) {
        return m.level() == null && m.year() == null && m.subject() == null && m.words().isEmpty();
    }
}
