package dev.kefu.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs an action once the current transaction has committed, or at once when there is none. Used for realtime
 * notifications, which must never announce what could still roll back.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	public static void run(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	/**
	 * Like {@link #run}, for something that happens many times in one transaction and is cheaper done once for all:
	 * the items added under {@code key} during the transaction reach {@code action} together after commit.
	 */
	@SuppressWarnings("unchecked")
	public static <T> void collect(Object key, T item, Consumer<List<T>> action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			action.accept(List.of(item));
			return;
		}
		List<T> items = (List<T>) TransactionSynchronizationManager.getResource(key);
		if (items == null) {
			List<T> collected = new ArrayList<>();
			TransactionSynchronizationManager.bindResource(key, collected);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.accept(collected);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(key);
				}
			});
			items = collected;
		}
		items.add(item);
	}
}
