package dev.kefu.knowledge;

import java.util.ArrayList;
import java.util.List;

import dev.kefu.shared.RequestRejected;

/** RFC 4180 CSV: fields in double quotes may hold commas, line breaks and doubled quotes. */
final class Csv {

	/** A cell starting with one of these is run as a formula by spreadsheets (OWASP, "CSV Injection"). */
	private static final String FORMULA_START = "=+-@\t\r";

	private Csv() {
	}

	/**
	 * The cell as a spreadsheet shows it as text: one that would start a formula gets a leading apostrophe, which
	 * spreadsheets read as "text follows" and do not display. A cell that is already apostrophes before a formula
	 * character gets one more, so that {@link #restored} always gives back exactly the original.
	 */
	static String defused(String cell) {
		return startsFormulaAfterApostrophes(cell, 0) ? "'" + cell : cell;
	}

	/** The inverse of {@link #defused}: one apostrophe before (apostrophes and) a formula character is dropped. */
	static String restored(String cell) {
		return startsFormulaAfterApostrophes(cell, 1) ? cell.substring(1) : cell;
	}

	private static boolean startsFormulaAfterApostrophes(String cell, int apostrophesAtLeast) {
		int i = 0;
		while (i < cell.length() && cell.charAt(i) == '\'') {
			i++;
		}
		return i >= apostrophesAtLeast && i < cell.length() && FORMULA_START.indexOf(cell.charAt(i)) >= 0;
	}

	/** Every record of the text, each with the line it starts on (1-based) for error reports. */
	record Row(int line, List<String> fields) {
	}

	static List<Row> parse(String text) {
		List<Row> rows = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int rowStart = 1;
		String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					line += c == '\n' ? 1 : 0;
					field.append(c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
					i++;
				}
				fields.add(field.toString());
				field.setLength(0);
				addUnlessBlank(rows, rowStart, fields);
				fields = new ArrayList<>();
				rowStart = ++line;
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			throw new RequestRejected("invalid-csv", "a quoted field opened on line " + rowStart + " is never closed");
		}
		fields.add(field.toString());
		addUnlessBlank(rows, rowStart, fields);
		return rows;
	}

	private static void addUnlessBlank(List<Row> rows, int line, List<String> fields) {
		if (fields.size() > 1 || !fields.getFirst().isBlank()) {
			rows.add(new Row(line, List.copyOf(fields)));
		}
	}

	static String line(List<String> fields) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < fields.size(); i++) {
			String f = fields.get(i);
			out.append(i == 0 ? "" : ",");
			boolean quote = f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r");
			out.append(quote ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
		}
		return out.append("\r\n").toString();
	}
}
