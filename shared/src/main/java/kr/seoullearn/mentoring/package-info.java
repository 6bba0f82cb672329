/**
 * Mentoring: the programme's rules as effective-dated data ({@link kr.seoullearn.mentoring.domain.MentoringRules}),
 * mentors and their weekly availability in Asia/Seoul time, requests and matching, mentorships
 * and their sessions. Plain Java: the invariants that must hold under concurrent requests (a slot
 * booked once, nobody in two sessions at once, quota, weekly cap, mentor capacity) are conditions
 * of the {@link kr.seoullearn.mentoring.port.MentoringLedger} adapter's transactions
 * (docs/adr/0011-mentoring-booking.md); what only depends on the clock and the request is here.
 */
package kr.seoullearn.mentoring;

import kr.seoullearn.mentoring.domain.MentoringRules;
import kr.seoullearn.mentoring.port.MentoringLedger;
