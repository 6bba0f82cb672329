package kr.seoullearn.functions.review;

import java.util.List;

/** The port that marks a decided application's documents for deletion (30 days, bucket lifecycle). */
public interface DocumentRetention {
    void markDecided(List<String> objectKeys);
}
