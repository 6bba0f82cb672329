package kr.seoullearn.registration.port;

import kr.seoullearn.registration.domain.Profile;

import java.util.Optional;
import kr.seoullearn.platform.tenant.TenantId;

/** The port through which functions keep profiles. */
public interface ProfileRepository {

    Optional<Profile> find(TenantId tenant, String userId);

    /** Creates the profile unless one exists; returns false (and changes nothing) if it does. */
    boolean createIfAbsent(Profile profile);

    /**
     * Creates the DRAFT profile of someone who just signed up, unless one exists (then returns
     * false), and plans the reminder about the draft's documents either way: a retried sign-up
     * plans it again, and its identity (the person's draft) makes it sent at most once.
     */
    boolean createDraft(Profile draft);
}
