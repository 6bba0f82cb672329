/**
 * Event notifications (docs/adr/0027): a notice is written in the same DynamoDB transaction as
 * the state change that causes it ({@link kr.seoullearn.notifications.port.NoticeWrites}: an
 * in-app inbox entry and an outbox item), then the dispatch function delivers each outbox item
 * once per channel (e-mail, SMS) in the recipient's language, guarded by conditional sent markers
 * ({@link kr.seoullearn.notifications.port.NoticeOutbox}). People choose channels per kind, their
 * language and an SMS number ({@link kr.seoullearn.notifications.domain.NotificationPreferences});
 * minors get no SMS at night, Seoul time ({@link kr.seoullearn.notifications.domain.QuietHours}).
 * No AWS types in domain/ and port/; the DynamoDB adapters are in dynamo/ (wired by
 * NotificationsStorage), the SES, SNS and Cognito ones in the notifications function.
 */
package kr.seoullearn.notifications;
