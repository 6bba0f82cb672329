/** Demo and launch data written after provisioning: tenants, users, programmes, providers and the catalogue, mentors, officers, rules. */
package kr.seoullearn.local.seed;
