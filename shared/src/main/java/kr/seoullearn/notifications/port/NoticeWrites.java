package kr.seoullearn.notifications.port;

import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.platform.dynamo.Transaction;

/**
 * How a feature tells someone what happened: the notice's inbox entry and its outbox item are
 * added to the feature's own transaction, so they exist exactly when the state change does
 * (docs/adr/0027). Both are keyed on the notice's id, made from the event: writing the same event
 * again writes the same items.
 */
public interface NoticeWrites {
    void add(Transaction tx, Notice notice);
}
