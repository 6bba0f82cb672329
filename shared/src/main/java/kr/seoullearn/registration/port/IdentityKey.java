package kr.seoullearn.registration.port;

/**
 * The secret key of the identity hashes (docs/adr/0021): in AWS a generated Secrets Manager
 * secret only the registration function may read; locally a value the local cloud generates
 * when it provisions the template. Never in the repository, never logged.
 */
public interface IdentityKey {
    byte[] bytes();
}
