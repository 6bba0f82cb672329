/** Verification documents: presigned uploads, checking what arrived, reviewers' audited read URLs. */
package kr.seoullearn.functions.documents;
