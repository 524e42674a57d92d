package dev.kefu.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kefu.shared.DomainException;

class OwnPatternsTest {

	private static OwnPattern pattern(String regex, String replacement) {
		return new OwnPattern(UUID.randomUUID(), "test", regex, replacement, Instant.EPOCH);
	}

	private static long soon() {
		return System.nanoTime() + 1_000_000_000L;
	}

	@Test
	void replacesAPolicyNumberWithTheGivenReplacement() {
		assertThat(Masking.replace(pattern("PL\\d{8}", "PL********"), "保单 PL12345678 和 PL87654321", soon()))
			.isEqualTo("保单 PL******** 和 PL********");
	}

	@Test
	void replacesAMatchWithStarsWithoutAReplacementOrWhenTheReplacementIsLonger() {
		assertThat(Masking.replace(pattern("PL\\d{8}", null), "PL12345678", soon())).isEqualTo("**********");
		assertThat(Masking.replace(pattern("A\\d", "[hidden]"), "A1 B2", soon())).isEqualTo("** B2");
	}

	@Test
	void stopsABacktrackingPatternAtItsDeadline() {
		// Java memoizes simple nested repetition such as (a+)+$, but not through a back reference.
		OwnPattern evil = pattern("(a+)+\\1b", null);
		String text = "a".repeat(60) + "!";
		long started = System.nanoTime();
		assertThatThrownBy(() -> Masking.replace(evil, text, System.nanoTime() + 50_000_000L))
			.isInstanceOf(PatternTimedOut.class);
		assertThat(System.nanoTime() - started).isLessThan(2_000_000_000L);
	}

	@Test
	void refusesARegexThatDoesNotCompile() {
		assertThatThrownBy(() -> PrivacyController.PatternCheck.check("PL(\\d{8}"))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("invalid-regex"));
	}

	@Test
	void refusesARegexThatMatchesTheEmptyText() {
		assertThatThrownBy(() -> PrivacyController.PatternCheck.check("\\d*"))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("regex-matches-empty"));
		assertThatThrownBy(() -> PrivacyController.PatternCheck.check("\\b"))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("regex-matches-empty"));
	}

	@Test
	void refusesARegexThatBacktracksCatastrophically() {
		assertThatThrownBy(() -> PrivacyController.PatternCheck.check("(a+)+\\1b"))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("regex-too-slow"));
		assertThatThrownBy(() -> PrivacyController.PatternCheck.check("^(\\d+)+\\1x"))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("regex-too-slow"));
	}

	@Test
	void acceptsAnOrdinaryPattern() {
		PrivacyController.PatternCheck.check("PL\\d{8}");
	}
}
