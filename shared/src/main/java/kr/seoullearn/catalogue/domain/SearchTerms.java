package kr.seoullearn.catalogue.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.seoullearn.platform.school.SchoolLevel;

/**
 * What a search query asks for: the index words to match (all of them), and the school level
 * and grade it names, if any. "중2 수학" is words [수학], MIDDLE, grade 2; "middle school maths"
 * is words [math], MIDDLE; "수학을 잘하는 법" is words [수학, 잘하는, 법].
 */
public record SearchTerms(List<String> words, SchoolLevel level, Integer grade) {
    private static final Pattern LEVEL_AND_GRADE = Pattern.compile("(초[1-6]|중[1-3]|고[1-3])(학년)?");
    private static final Pattern GRADE_KO = Pattern.compile("([1-6])학년");
    private static final Pattern ONE_DIGIT = Pattern.compile("[1-6]");

    public SearchTerms {
        words = List.copyOf(words);
    }

    public static SearchTerms parse(String query) {
        Set<String> words = new LinkedHashSet<>();
        SchoolLevel level = null;
        Integer grade = null;
        String text = Normalizer.normalize(query == null ? "" : query, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        for (String chunk : text.strip().split("\\s+")) {
            Matcher m = LEVEL_AND_GRADE.matcher(chunk);
            if (m.matches()) {
                if (level == null) {
                    level = switch (chunk.charAt(0)) {
                        case '초' -> SchoolLevel.ELEMENTARY;
                        case '중' -> SchoolLevel.MIDDLE;
                        default -> SchoolLevel.HIGH;
                    };
                    grade = chunk.charAt(1) - '0';
                }
                continue;
            }
            m = GRADE_KO.matcher(chunk);
            if (m.matches()) {
                grade = grade == null ? Integer.valueOf(m.group(1)) : grade;
                continue;
            }
            tokens.addAll(TitleWords.tokens(chunk));
        }
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if ((t.equals("grade") || t.equals("year")) && i + 1 < tokens.size() && ONE_DIGIT.matcher(tokens.get(i + 1)).matches()) {
                grade = grade == null ? Integer.valueOf(tokens.get(i + 1)) : grade;
                i++;
                continue;
            }
            var named = TitleWords.levelWord(t);
            if (named.isPresent()) {
                level = level == null ? named.get() : level;
            } else if (!TitleWords.isStopWord(t)) {
                words.add(t);
            }
        }
        return new SearchTerms(new ArrayList<>(words), level, grade);
    }

    /** Nothing to look for: no word, no level. */
    public boolean isEmpty() {
        return words.isEmpty() && level == null;
    }
}
