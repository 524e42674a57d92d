package dev.kefu.organization;

import java.util.function.Supplier;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets nodes that start together on one empty database provision it in turn: each checks what exists and creates
 * what is missing in one transaction that first locks the single {@code provisioning_lock} row. The second node
 * waits for the first to commit, then finds everything there. A portable row lock rather than an advisory lock,
 * because H2 has none.
 */
@Component
class ProvisioningLock {

	private static final int ATTEMPTS = 5;

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	ProvisioningLock(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	<T> T inTurn(Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(status -> {
					jdbc.sql("SELECT id FROM provisioning_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
					return work.get();
				});
			}
			catch (PessimisticLockingFailureException waitedTooLong) {
				// H2 gives up on a lock after LOCK_TIMEOUT; another node is still provisioning, so wait for it again.
				if (attempt == ATTEMPTS) {
					throw waitedTooLong;
				}
			}
		}
	}
}
