/**
 * Support for integration tests: a fresh copy of the template's resources on the local AWS
 * endpoint per test class, and an SDK interceptor that counts DynamoDB calls.
 */
package kr.seoullearn.local.testing;
