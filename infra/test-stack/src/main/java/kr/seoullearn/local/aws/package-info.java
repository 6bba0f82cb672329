/** SDK clients for the local AWS endpoint. */
package kr.seoullearn.local.aws;
