/** The local S3 for buckets browsers upload to (S3Proxy in-process; checks presigned URLs). */
package kr.seoullearn.local.storage;
