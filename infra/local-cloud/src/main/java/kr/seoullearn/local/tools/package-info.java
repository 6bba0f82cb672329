/** Command-line tools on a local cloud's data and logs: the catalogue benchmark, the DynamoDB cost report, the log privacy scan. */
package kr.seoullearn.local.tools;
