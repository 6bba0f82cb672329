/** The local HTTP API: the template's routes to their functions (each in its own JVM), the authorizer before protected ones, the web app, login and operations endpoints. */
package kr.seoullearn.local.gateway;
