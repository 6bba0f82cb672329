/**
 * The local cloud: runs Seoul Learn on one machine without Docker. Everything it runs is read
 * from template.yaml — routes, authorizer, functions and their environment, tables, buckets,
 * the user pool, client and groups, schedules — so there is no second definition to drift.
 */
package kr.seoullearn.local;
