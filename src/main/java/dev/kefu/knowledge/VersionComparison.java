package dev.kefu.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two versions of an article: each field that differs, and the body line by line (a longest
 * common subsequence diff: '=' kept, '-' removed, '+' added; a replaced line reads as its removal, then
 * its addition).
 */
public record VersionComparison(int from, int to, List<FieldChange> fields, List<Line> body) {

	public record FieldChange(String field, Object before, Object after) {
	}

	public record Line(char op, String text) {
	}

	/** Bodies longer than this many lines are compared as a whole, to keep the comparison's cost bounded. */
	static final int MAX_LINES = 4000;

	static VersionComparison of(ArticleVersion a, ArticleVersion b) {
		List<FieldChange> fields = new ArrayList<>();
		change(fields, "title", a.title(), b.title());
		change(fields, "categoryId", a.categoryId(), b.categoryId());
		change(fields, "status", a.status(), b.status());
		change(fields, "ownerId", a.ownerId(), b.ownerId());
		change(fields, "reviewBy", a.reviewBy(), b.reviewBy());
		change(fields, "tags", a.tags(), b.tags());
		change(fields, "phrasings", a.phrasings(), b.phrasings());
		return new VersionComparison(a.version(), b.version(), fields, lines(a.body(), b.body()));
	}

	private static void change(List<FieldChange> fields, String name, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			fields.add(new FieldChange(name, before == null ? "" : before, after == null ? "" : after));
		}
	}

	static List<Line> lines(String before, String after) {
		String[] a = before.split("\n", -1);
		String[] b = after.split("\n", -1);
		if ((long) a.length * b.length > (long) MAX_LINES * MAX_LINES) {
			return before.equals(after) ? List.of(new Line('=', before)) : List.of(new Line('-', before), new Line('+', after));
		}
		int[][] common = new int[a.length + 1][b.length + 1];
		for (int i = a.length - 1; i >= 0; i--) {
			for (int j = b.length - 1; j >= 0; j--) {
				common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<Line> diff = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < a.length || j < b.length) {
			if (i < a.length && j < b.length && a[i].equals(b[j])) {
				diff.add(new Line('=', a[i++]));
				j++;
			}
			else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
				diff.add(new Line('-', a[i++]));
			}
			else {
				diff.add(new Line('+', b[j++]));
			}
		}
		return diff;
	}
}
