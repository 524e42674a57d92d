package dev.kefu.shared;

import java.sql.Statement;

/** Reading the row counts of a JDBC batch, where a conditional statement's count is the whole answer. */
public final class Batches {

	private Batches() {
	}

	/**
	 * Whether the statement changed exactly one row. A driver that does not report counts would make every guarded
	 * step of routing a guess, so that is refused outright rather than read as success or failure.
	 */
	public static boolean changedOne(int count) {
		if (count == Statement.SUCCESS_NO_INFO) {
			throw new IllegalStateException("the JDBC driver does not report batch row counts; Kefu needs them");
		}
		return count == 1;
	}
}
