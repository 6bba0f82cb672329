package kr.seoullearn.functions.me;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.LaptopRefusal;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantDirectory;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.CorrectionRefusal;
import kr.seoullearn.registration.domain.ProfileCorrection;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.port.ProfileCorrections;

/**
 * {@code PATCH /api/me/profile}: an approved learner corrects their district, language, guardian
 * contact, or school level and grade at the new school year (docs/adr/0038). The consequences go
 * in the profile's own transaction: a district change moves a waiting laptop request to the new
 * district's queue (the laptops context's port), and is refused while a laptop is on loan or
 * reserved for pickup in the old district; without an active request the transaction checks that
 * none became active meanwhile. New provider choices read the profile's level, so a level change
 * applies to the next enrolment; enrolments held stay. A request that changed under the move
 * (approved by the queue at that moment) is read again and judged again, at most three times.
 */
final class Corrections {
    private static final Log LOG = Log.of(Corrections.class);
    static final int ATTEMPTS = 3;

    private final ProfileCorrections profiles;
    private final LaptopLedger laptops;
    private final TenantDirectory tenants;
    private final Clock clock;

    Corrections(ProfileCorrections profiles, LaptopLedger laptops, TenantDirectory tenants, Clock clock) {
        this.profiles = profiles;
        this.laptops = laptops;
        this.tenants = tenants;
        this.clock = clock;
    }

    Map<String, Object> correct(Caller caller, Map<String, Object> body) {
        caller.require(Role.LEARNER);
        TenantId tenant = caller.tenant();
        String me = caller.userId();
        ProfileCorrection correction = ProfileCorrection.parse(body);
        for (int attempt = 1; ; attempt++) {
            try {
                return once(tenant, me, correction);
            } catch (ProblemException e) {
                if (e.problem() != LaptopRefusal.LAPTOP_REQUEST_CHANGED || attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Map<String, Object> once(TenantId tenant, String me, ProfileCorrection correction) {
        Instant now = clock.instant();
        Application current = profiles.find(tenant, me).orElseThrow(() -> new ProblemException(Problem.PROFILE_NOT_FOUND));
        if (current.status() != RegistrationStatus.APPROVED) {
            throw new ProblemException(CorrectionRefusal.PROFILE_NOT_CORRECTABLE);
        }
        if (current.version() != correction.version()) {
            throw new ProblemException(Problem.VERSION_CONFLICT);
        }
        if (correction.guardianContact() != null && current.guardian() == null) {
            throw new ProblemException(CorrectionRefusal.NO_GUARDIAN_ON_RECORD);
        }
        ProfileCorrection.Changes changes = correction.against(current);
        if (!changes.any()) {
            return view(current, null); // everything sent is already so: nothing written, the year's level change not used
        }
        LaptopLedger.Placed moved = null;
        Application after;
        if (changes.districtChanges()) {
            if (!districtsOf(tenant).contains(changes.district())) {
                throw new ProblemException(CorrectionRefusal.DISTRICT_NOT_IN_TENANT);
            }
            Optional<LaptopRequest> active = laptops.latest(tenant, me).filter(l -> l.status().active());
            if (active.isPresent()) {
                LaptopRequest request = active.get();
                if (request.status() == LaptopStatus.LOANED) {
                    throw new ProblemException(CorrectionRefusal.DISTRICT_CHANGE_LOAN_ACTIVE, Map.of("requestId", request.requestId()));
                }
                if (request.status().reserves()) {
                    throw new ProblemException(CorrectionRefusal.DISTRICT_CHANGE_PICKUP_PENDING, Map.of("requestId", request.requestId()));
                }
                moved = laptops.moveToDistrict(request, changes.district(), new Actor(me, Actor.Kind.LEARNER),
                        tx -> profiles.write(tx, current, changes, correction.version(), now), now);
                after = profiles.find(tenant, me).orElseThrow();
            } else {
                after = profiles.correct(current, changes, correction.version(), now, tx -> laptops.noActiveRequest(tx, tenant, me));
            }
        } else {
            after = profiles.correct(current, changes, correction.version(), now, null);
        }
        LOG.info("profile corrected", "tenant", tenant.value(), "district", changes.districtChanges(),
                "language", changes.language() != null, "contact", changes.guardianContact() != null, "level", changes.levelChanges(),
                "laptopRequestMoved", moved != null);
        return view(after, moved);
    }

    private List<String> districtsOf(TenantId tenant) {
        return tenants.listings().stream().filter(l -> l.id().equals(tenant)).findFirst()
                .map(TenantDirectory.Listing::districts).orElse(List.of());
    }

    static Map<String, Object> view(Application a, LaptopLedger.Placed moved) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", a.version());
        view.put("district", a.district());
        view.put("preferredLanguage", a.language() == null ? null : a.language().tag());
        view.put("schoolLevel", a.schoolLevel() == null ? null : a.schoolLevel().name());
        view.put("grade", a.grade());
        view.put("guardianContact", a.guardian() == null ? null : a.guardian().contact());
        if (moved != null) {
            Map<String, Object> laptop = new LinkedHashMap<>();
            laptop.put("requestId", moved.request().requestId());
            laptop.put("district", moved.request().district());
            laptop.put("status", moved.request().status().name());
            laptop.put("position", moved.position());
            view.put("laptopRequest", laptop);
        }
        return view;
    }
}
