/**
 * The data rights of the people the programme serves (docs/adr/0028): withdrawal destroys a
 * person's records ({@link kr.seoullearn.privacy.port.PersonalRecords}) after the owning contexts
 * have ended what the person held (seats, sessions, laptop requests) through their own ports. What
 * is kept after a withdrawal, why and for how long is written down in docs/data-model.md.
 */
package kr.seoullearn.privacy;
