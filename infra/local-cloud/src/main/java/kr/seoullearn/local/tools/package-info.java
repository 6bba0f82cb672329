/** Command-line tools on a local cloud's data and logs: the catalogue benchmark, the DynamoDB cost report, the log privacy scan, the view of the template the SAM-translator cross-check compares (LocalCloudView). */
package kr.seoullearn.local.tools;
