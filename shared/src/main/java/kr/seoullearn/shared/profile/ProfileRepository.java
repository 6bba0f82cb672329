package kr.seoullearn.shared.profile;

import java.util.Optional;
import kr.seoullearn.shared.tenant.TenantId;

/** The port through which functions keep profiles. */
public interface ProfileRepository {

    Optional<Profile> find(TenantId tenant, String userId);

    /** Creates the profile unless one exists; returns false (and changes nothing) if it does. */
    boolean createIfAbsent(Profile profile);
}
