package kr.seoullearn.catalog.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.platform.school.SchoolLevel;

/**
 * What a search query asks for: the index words to match (all of them), and the school level
 * and grade it names, if any — read the way families type (docs/adr/0020): "중2 수학", "중2수학"
 * and "Toán lớp 8" are words [수학], MIDDLE, grade 2; "중학수학" and "初中数学" are [수학], MIDDLE;
 * "영문법" is [영어, 문법]; "수학을 잘하는 법" is [수학, 잘하는, 법]. Subjects named in any
 * language become the subject's index word ({@link SearchVocabulary#subjectWord}).
 */
public record SearchTerms(List<String> words, SchoolLevel level, Integer grade) {
    private static final Set<String> SHORT_LEVELS = Set.of("초", "중", "고");
    private static final Set<String> GRADE_AFTER = Set.of("학년", "年级", "年級");
    /** Words before a number that make it a school grade ("grade 2") or a national year ("lớp 8"). */
    private static final Set<String> GRADE_BEFORE = Set.of("grade", "year");
    private static final Set<String> YEAR_BEFORE = Set.of("lớp", "lop");

    public SearchTerms {
        words = List.copyOf(words);
    }

    public static SearchTerms parse(String query) {
        return new Reading(TitleWords.tokens(query)).read();
    }

    /** Nothing to look for: no word, no level. */
    public boolean isEmpty() {
        return words.isEmpty() && level == null;
    }

    /** The level and grade of a national school year 1–12 (8 = MIDDLE 2). */
    static Optional<SchoolLevel> levelOfYear(int year) {
        if (year >= 1 && year <= 6) {
            return Optional.of(SchoolLevel.ELEMENTARY);
        }
        if (year >= 7 && year <= 9) {
            return Optional.of(SchoolLevel.MIDDLE);
        }
        return year >= 10 && year <= 12 ? Optional.of(SchoolLevel.HIGH) : Optional.empty();
    }

    static int gradeOfYear(int year) {
        return year <= 6 ? year : year <= 9 ? year - 6 : year - 9;
    }

    /** One pass over a query's tokens. */
    private static final class Reading {
        private final List<String> tokens;
        private final Set<String> words = new LinkedHashSet<>();
        private final SearchVocabulary vocabulary = SearchVocabulary.get();
        private SchoolLevel level;
        private Integer grade;
        private Integer schoolGrade;
        private Integer year;

        Reading(List<String> tokens) {
            // compounds are split first, so that a number before a piece finds it (8年级数学 = 8 年级 数学)
            this.tokens = new ArrayList<>();
            for (String t : tokens) {
                this.tokens.addAll(SearchVocabulary.isCompoundScript(t) && vocabulary.meaning(t).isEmpty()
                        ? vocabulary.split(t, true) : List.of(t));
            }
        }

        SearchTerms read() {
            int i = 0;
            while (i < tokens.size()) {
                i = step(i);
            }
            resolveGrade();
            return new SearchTerms(new ArrayList<>(words), level, grade);
        }

        private int step(int i) {
            String t = tokens.get(i);
            String after = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            Integer number = after == null ? null : number(after);
            if (SHORT_LEVELS.contains(t) && number != null) {
                SchoolLevel l = switch (t) {
                    case "초" -> SchoolLevel.ELEMENTARY;
                    case "중" -> SchoolLevel.MIDDLE;
                    default -> SchoolLevel.HIGH;
                };
                if (number >= 1 && number <= l.grades()) {
                    levelAndGrade(l, number);
                    return skipGradeWord(i + 2);
                }
            }
            Integer own = number(t);
            if (own != null && after != null && GRADE_AFTER.contains(after)) {
                if (after.equals("학년")) {
                    schoolGrade = schoolGrade == null ? own : schoolGrade;
                } else {
                    year = year == null ? own : year;
                }
                return i + 2;
            }
            if (number != null && GRADE_BEFORE.contains(t)) {
                schoolGrade = schoolGrade == null ? number : schoolGrade;
                return i + 2;
            }
            if (number != null && (YEAR_BEFORE.contains(t) || YEAR_BEFORE.contains(SearchVocabulary.bare(t)))) {
                year = year == null ? number : year;
                return i + 2;
            }
            for (int len = Math.min(SearchVocabulary.MAX_PHRASE, tokens.size() - i); len >= 1; len--) {
                Optional<SearchVocabulary.Meaning> m = vocabulary.meaning(String.join(" ", tokens.subList(i, i + len)));
                if (m.isPresent()) {
                    int next = apply(m.get(), String.join(" ", tokens.subList(i, i + len)), i + len);
                    return next;
                }
            }
            if (SearchVocabulary.isCompoundScript(t)) {
                List<String> pieces = vocabulary.split(t, true);
                if (pieces.size() > 1) {
                    tokens.remove(i);
                    tokens.addAll(i, pieces);
                    return i;
                }
            }
            var named = TitleWords.levelWord(t);
            if (named.isPresent()) {
                level = level == null ? named.get() : level;
            } else if (!TitleWords.isStopWord(t)) {
                words.add(t);
            }
            return i + 1;
        }

        /** Applies a phrase's meaning; a level word directly followed by a number in its grades takes it as the grade (중학2). */
        private int apply(SearchVocabulary.Meaning m, String phrase, int next) {
            if (m.level() != null) {
                if (m.grade() != null) {
                    levelAndGrade(m.level(), m.grade());
                    return next;
                }
                level = level == null ? m.level() : level;
                Integer n = next < tokens.size() ? number(tokens.get(next)) : null;
                if (n != null && n >= 1 && n <= m.level().grades() && m.level() == level) {
                    schoolGrade = schoolGrade == null ? n : schoolGrade;
                    return skipGradeWord(next + 1);
                }
                return next;
            }
            if (m.year() != null) {
                year = year == null ? m.year() : year;
            } else if (m.subject() != null) {
                words.add(SearchVocabulary.subjectWord(m.subject()));
            } else if (!m.words().isEmpty()) {
                for (String w : m.words()) {
                    var asMeaning = vocabulary.meaning(w);
                    words.add(asMeaning.isPresent() && asMeaning.get().subject() != null
                            ? SearchVocabulary.subjectWord(asMeaning.get().subject()) : w);
                }
            } else {
                words.add(phrase);
            }
            return next;
        }

        private void levelAndGrade(SchoolLevel l, int g) {
            if (level == null) {
                level = l;
                grade = g;
            } else if (level == l && grade == null) {
                grade = g;
            }
        }

        private int skipGradeWord(int i) {
            return i < tokens.size() && GRADE_AFTER.contains(tokens.get(i)) ? i + 1 : i;
        }

        /** A Korean or English school grade counts within the level named (2학년 = the 2nd year of it); a national year places itself. */
        private void resolveGrade() {
            if (grade != null) {
                return;
            }
            Integer national = year;
            if (schoolGrade != null) {
                if (level != null && schoolGrade <= level.grades()) {
                    grade = schoolGrade;
                    return;
                }
                if (level == null && schoolGrade >= 1 && schoolGrade <= 6) {
                    grade = schoolGrade;
                    return;
                }
                national = national == null ? schoolGrade : national;
            }
            if (national == null) {
                return;
            }
            Optional<SchoolLevel> of = levelOfYear(national);
            if (of.isEmpty()) {
                return;
            }
            if (level == null) {
                level = of.get();
                grade = gradeOfYear(national);
            } else if (level == of.get()) {
                grade = gradeOfYear(national);
            } else if (national <= level.grades()) {
                grade = national;
            }
        }

        private static Integer number(String token) {
            if (token.length() > 2) {
                return null;
            }
            for (int k = 0; k < token.length(); k++) {
                if (token.charAt(k) < '0' || token.charAt(k) > '9') {
                    return null;
                }
            }
            return Integer.valueOf(token);
        }
    }
}
