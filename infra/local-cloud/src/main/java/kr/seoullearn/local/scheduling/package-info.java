/** The template's EventBridge schedules, run on the local clock or fired by hand. */
package kr.seoullearn.local.scheduling;
