/** Cognito as the local cloud stands in for it: the HTTP API's JWT authorizer, the hosted login and the user pool's Lambda triggers. */
package kr.seoullearn.local.auth;
