package kr.seoullearn.catalog.port;

import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.platform.dynamo.Transaction;

/**
 * How another context changes a provider in its own transaction: a provider's leaving is written
 * together with the job that tells its learners (enrolment's provider departures), so neither
 * exists without the other (docs/adr/0023).
 */
public interface ProviderWrites {

    /** Replaces the provider (which must exist) with {@code provider} in the transaction. */
    void replace(Transaction tx, Provider provider);
}
