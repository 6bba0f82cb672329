/**
 * The library every Seoul Learn function shares: domain model and rules (plain Java, no AWS
 * types), ports, their AWS SDK v2 adapters, and the HTTP/JSON plumbing of thin handlers.
 */
package kr.seoullearn.platform;
