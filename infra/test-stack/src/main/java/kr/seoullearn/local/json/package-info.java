/** JSON in and out for the local cloud and its tests (jackson-jr). */
package kr.seoullearn.local.json;
