/**
 * Event notifications (docs/adr/0027): the dispatch run every minute ({@link NotificationDispatchHandler})
 * and the person's inbox and preferences ({@link NotificationsHandler}).
 */
package kr.seoullearn.functions.notifications;
