/**
 * Rules as editable, effective-dated data (docs/adr/0039): a tenant's admins draft next year's
 * programme, mentoring rules and recruitment rules, see what changes against the rules in force,
 * and publish them with a start date; published rules are never changed in place. The catalogue
 * operator adds a partner area (its names, districts, first programme and seats) in one
 * transaction.
 */
package kr.seoullearn.rules;
