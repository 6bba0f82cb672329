package kr.seoullearn.catalog.domain;

import kr.seoullearn.platform.http.Refusal;

/** The catalogue's refusals: codes and statuses are the wire contract (docs/api), words are in the message bundles. */
public enum CatalogRefusal implements Refusal {
    /** Providers and courses are shared by every tenant: only the operating tenant's admins change them. */
    CATALOGUE_OPERATOR_ONLY("catalogue-operator-only", 403),
    PROVIDER_NOT_FOUND("provider-not-found", 404),
    COURSE_NOT_FOUND("course-not-found", 404);

    private final String code;
    private final int status;

    CatalogRefusal(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
