package dev.kefu.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cells a spreadsheet would run as formulas are written as text, and read back as they were. */
class CsvUnitTest {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)", "\tindent", "\rreturn" })
	void prefixesACellThatStartsAFormulaWithAnApostrophe(String cell) {
		assertThat(Csv.defused(cell)).isEqualTo("'" + cell);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Plain", "a=b", "'Tis the season", "", "'", "=", "'=1", "''-x", "x\t" })
	void givesBackEveryCellExactlyThroughARoundTrip(String cell) {
		assertThat(Csv.restored(Csv.defused(cell))).isEqualTo(cell);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Plain", "a=b", "'Tis the season", "x-y" })
	void leavesHarmlessCellsAsTheyAre(String cell) {
		assertThat(Csv.defused(cell)).isEqualTo(cell);
		assertThat(Csv.restored(cell)).isEqualTo(cell);
	}

	@ParameterizedTest
	@ValueSource(strings = { "'=1", "''-x" })
	void defusesAnAlreadyQuotedFormulaOnceMoreSoThatItComesBackQuoted(String cell) {
		assertThat(Csv.defused(cell)).isEqualTo("'" + cell);
	}
}
