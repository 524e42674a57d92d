package dev.kefu.audit;

import org.jspecify.annotations.Nullable;

/**
 * Audit entries as CSV rows (RFC 4180: every cell quoted, quotes doubled, CRLF). A cell that begins with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe, so that Excel or WPS shows it
 * as text instead of running it as a formula (CSV injection).
 */
final class AuditCsv {

	static final String HEADER = row("time (UTC)", "actor", "actor id", "action", "target", "detail", "source address",
			"before", "after");

	private AuditCsv() {
	}

	static String row(AuditEntry e) {
		return row(e.occurredAt().toString(), e.actorName(), e.actorId() == null ? "" : e.actorId().toString(),
				e.action(), e.target(), e.detail(), e.sourceAddress(), e.before(), e.after());
	}

	private static String row(@Nullable String... cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				line.append(',');
			}
			line.append('"').append(safe(cells[i]).replace("\"", "\"\"")).append('"');
		}
		return line.append("\r\n").toString();
	}

	static String safe(@Nullable String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		char first = cell.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + cell : cell;
	}
}
