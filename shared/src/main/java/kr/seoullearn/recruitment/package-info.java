/**
 * Mentor recruitment (docs/adr/0014): tenant rules (effective-dated), eligibility,
 * rounds with a target, applications, scoring preferences, terms and renewals. Plain Java; the
 * records live behind {@link kr.seoullearn.recruitment.port.RecruitmentLedger}.
 */
package kr.seoullearn.recruitment;

import kr.seoullearn.recruitment.port.RecruitmentLedger;
