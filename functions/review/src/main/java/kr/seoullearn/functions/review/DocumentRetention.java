package kr.seoullearn.functions.review;

import java.util.List;
import kr.seoullearn.registration.port.ApplicationStore.DocumentSummary;

/**
 * The port that starts the 30-day retention of a decided application's documents (docs/product.md:
 * documents are deleted 30 days after the decision).
 */
public interface DocumentRetention {

    /** A document's new object version, when marking it made one. */
    record Renewed(String documentId, String s3VersionId) {}

    List<Renewed> markDecided(List<DocumentSummary> documents);
}
