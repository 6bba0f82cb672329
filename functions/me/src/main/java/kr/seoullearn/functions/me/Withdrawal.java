package kr.seoullearn.functions.me;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import kr.seoullearn.enrolment.domain.Enrolment;
import kr.seoullearn.enrolment.port.EnrolmentLedger;
import kr.seoullearn.figures.domain.Pseudonyms;
import kr.seoullearn.laptops.domain.Actor;
import kr.seoullearn.laptops.domain.LaptopRequest;
import kr.seoullearn.laptops.domain.LaptopStatus;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.UserDeletion;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.privacy.domain.PrivacyRefusal;
import kr.seoullearn.privacy.port.PersonalRecords;
import kr.seoullearn.registration.port.QuotaPlaces;
import kr.seoullearn.registration.domain.Account;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.registration.port.Accounts;

/**
 * {@code DELETE /api/me}: the person leaves the programme and their personal data is destroyed
 * (docs/adr/0028). The order makes a retry finish what a failed try left: first the refusal (a
 * laptop on loan) before anything changes; then what others hold through the owning contexts'
 * ports — the laptop request closed, seats given up and handed to the waitlist, future sessions
 * cancelled, names taken off mentorships — while the records that lead to them still exist; then
 * the files, the records and the account; the user pool last, so until it is done the person can
 * still sign in and try again. Every step finds nothing to do for what an earlier try finished.
 */
final class Withdrawal {
    private static final Log LOG = Log.of(Withdrawal.class);

    private final Accounts accounts;
    private final EnrolmentLedger enrolments;
    private final MentoringLedger mentoring;
    private final LaptopLedger laptops;
    private final PersonalRecords records;
    private final QuotaPlaces quotaPlaces;
    private final PersonalFiles files;
    private final UserDeletion users;
    private final Pseudonyms pseudonyms;
    private final String userPoolId;
    private final Clock clock;

    Withdrawal(Accounts accounts, EnrolmentLedger enrolments, MentoringLedger mentoring, LaptopLedger laptops, PersonalRecords records,
               QuotaPlaces quotaPlaces, PersonalFiles files, UserDeletion users, Pseudonyms pseudonyms, String userPoolId,
               Clock clock) {
        this.accounts = accounts;
        this.enrolments = enrolments;
        this.mentoring = mentoring;
        this.laptops = laptops;
        this.records = records;
        this.quotaPlaces = quotaPlaces;
        this.files = files;
        this.users = users;
        this.pseudonyms = pseudonyms;
        this.userPoolId = userPoolId;
        this.clock = clock;
    }

    Map<String, Object> withdraw(Caller caller, Supplier<String> body) {
        if (caller.roles().stream().anyMatch(r -> r.isStaff())) {
            // staff accounts are the city's, closed by an administrator, not by their holder
            throw new ProblemException(Problem.FORBIDDEN);
        }
        confirmed(body.get());
        Instant now = clock.instant();
        String me = caller.userId();
        Optional<TenantId> tenant = caller.chosenTenant().or(() -> accounts.find(me).flatMap(Account::chosenTenant));
        Map<String, Object> done = new LinkedHashMap<>();
        if (tenant.isPresent()) {
            TenantId t = tenant.get();
            Optional<LaptopRequest> laptop = laptops.latest(t, me);
            if (laptop.isPresent() && laptop.get().status() == LaptopStatus.LOANED) {
                throw new ProblemException(PrivacyRefusal.LAPTOP_LOAN_ACTIVE, Map.of("requestId", laptop.get().requestId()));
            }
            laptop.filter(l -> l.status().active()).ifPresent(l -> closeLaptopRequest(l, me, now));
            done.put("enrolmentsEnded", endEnrolments(t, me, now));
            done.put("sessionsCancelled", cancelFutureSessions(t, me, now));
            laptop.ifPresent(l -> records.pseudonymiseLaptopRequest(t, l.requestId(), me, pseudonyms.of(t, me)));
            records.pseudonymiseAudit(t, me, pseudonyms.of(t, me));
            // the application's quota place is the programme's: the next family can have it (ADR 21)
            done.put("quotaPlaceReleased", quotaPlaces.release(t, me));
            done.put("filesDeleted", files.deleteAll(t, me));
            // a university's nominations of the person, found by their verified address (ADR 42)
            int nominations = caller.email().map(email -> records.eraseNominations(t, email)).orElse(0);
            done.put("recordsDeleted", nominations + records.erase(t, me));
        } else {
            done.put("recordsDeleted", records.erase(null, me));
        }
        users.delete(userPoolId, caller.username());
        LOG.info("withdrawn", "tenant", tenant.map(TenantId::value).orElse(null), "enrolmentsEnded", done.get("enrolmentsEnded"),
                "sessionsCancelled", done.get("sessionsCancelled"), "filesDeleted", done.get("filesDeleted"),
                "recordsDeleted", done.get("recordsDeleted"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("withdrawn", true);
        answer.putAll(done);
        return answer;
    }

    /**
     * The body is optional (the web app's confirmation step is the confirmation); a client that
     * sends one sends {@code {"confirm": true}} and nothing else, so a malformed or half-made
     * request never withdraws anyone.
     */
    private static void confirmed(String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        Map<String, Object> fields = Json.readObject(body);
        FieldErrors errors = new FieldErrors();
        fields.keySet().stream().filter(k -> !k.equals("confirm")).sorted().forEach(k -> errors.add(k, "unknown-field"));
        if (!Boolean.TRUE.equals(fields.get("confirm"))) {
            errors.add("confirm", fields.containsKey("confirm") ? "invalid-value" : "required");
        }
        errors.throwIfAny();
    }

    private void closeLaptopRequest(LaptopRequest request, String me, Instant now) {
        try {
            laptops.change(request, request.version(), LaptopStatus.CANCELLED, new Actor(me, Actor.Kind.LEARNER),
                    "withdrawn", null, now);
        } catch (ProblemException e) {
            // changed in the meantime (approved by the queue, say): read it again once
            LaptopRequest current = laptops.find(request.tenant(), request.requestId()).orElseThrow(() -> e);
            if (current.status() == LaptopStatus.LOANED) {
                throw new ProblemException(PrivacyRefusal.LAPTOP_LOAN_ACTIVE, Map.of("requestId", current.requestId()));
            }
            if (current.status().active()) {
                laptops.change(current, current.version(), LaptopStatus.CANCELLED, new Actor(me, Actor.Kind.LEARNER), "withdrawn", null, now);
            }
        }
    }

    private int endEnrolments(TenantId tenant, String me, Instant now) {
        int ended = 0;
        for (Enrolment e : enrolments.enrolments(tenant, me)) {
            try {
                Enrolment given = enrolments.withdraw(e);
                ended++;
                if (given.status() == Enrolment.Status.ENROLLED) {
                    enrolments.fillFreeSeats(tenant, e.providerId(), now);
                }
            } catch (ProblemException gone) {
                if (!"enrolment-not-found".equals(gone.problem().code())) {
                    throw gone;
                }
            }
        }
        return ended;
    }

    private int cancelFutureSessions(TenantId tenant, String me, Instant now) {
        Set<String> mentorshipIds = new LinkedHashSet<>();
        mentoring.request(tenant, me).map(r -> r.mentorshipId()).ifPresent(mentorshipIds::add);
        mentoring.mentorshipsOf(tenant, me).forEach(m -> mentorshipIds.add(m.id()));
        int cancelled = 0;
        for (String id : mentorshipIds) {
            Optional<Mentorship> mentorship = mentoring.mentorship(tenant, id);
            if (mentorship.isEmpty()) {
                continue;
            }
            for (Session s : mentoring.sessions(tenant, id)) {
                if (s.status() == Session.Status.BOOKED && s.start().isAfter(now)) {
                    try {
                        mentoring.cancel(mentorship.get(), s, false, now);
                        cancelled++;
                    } catch (ProblemException e) {
                        if (!"session-not-booked".equals(e.problem().code())) {
                            throw e;
                        }
                    }
                }
            }
        }
        records.forgetNames(tenant, me, mentorshipIds);
        return cancelled;
    }
}
