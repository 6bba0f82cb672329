package kr.seoullearn.catalog.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The words a course is indexed under (docs/adr/0020): the words of its titles
 * ({@link TitleWords}), then its subject's word (수학 for every maths course, so that "Toán",
 * "数学" or "maths" find a title that does not say 수학), then the pieces of its Korean
 * compounds (일차함수 → 일차, 함수) and the words of its abbreviations (영문법 → 영어, 문법), as
 * the query side splits them ({@link SearchVocabulary#split}). At most {@link #MAX_WORDS}.
 */
public final class SearchIndex {
    /** Most index words of a course (one change of a course stays within one transaction). */
    public static final int MAX_WORDS = 24;

    private SearchIndex() {}

    public static Set<String> words(Course c) {
        SearchVocabulary vocabulary = SearchVocabulary.get();
        Set<String> titleWords = TitleWords.indexWords(c.titleKo(), c.titleEn());
        Set<String> words = new LinkedHashSet<>(titleWords);
        words.add(SearchVocabulary.subjectWord(c.subject()));
        for (String w : titleWords) {
            Optional<SearchVocabulary.Meaning> m = vocabulary.meaning(w);
            if (m.isPresent() && !m.get().words().isEmpty()) {
                addAll(words, m.get().words(), vocabulary);
            } else if (SearchVocabulary.isCompoundScript(w)) {
                List<String> pieces = vocabulary.split(w, false);
                if (pieces.size() > 1) {
                    addAll(words, pieces, vocabulary);
                }
            }
        }
        Set<String> capped = new LinkedHashSet<>();
        for (String w : words) {
            if (capped.size() == MAX_WORDS) {
                break;
            }
            capped.add(w);
        }
        return capped;
    }

    private static void addAll(Set<String> words, List<String> pieces, SearchVocabulary vocabulary) {
        for (String p : pieces) {
            Optional<SearchVocabulary.Meaning> m = vocabulary.meaning(p);
            if (m.isPresent() && m.get().subject() != null) {
                words.add(SearchVocabulary.subjectWord(m.get().subject()));
            } else if (TitleWords.levelWord(p).isEmpty() && (m.isEmpty() || m.get().level() == null) && !TitleWords.isStopWord(p)) {
                words.add(p);
            }
        }
    }
}
