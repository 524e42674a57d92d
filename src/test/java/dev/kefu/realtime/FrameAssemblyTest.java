package dev.kefu.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameAssemblyTest {

	@Test
	void wholeFrameInOnePieceIsPassedOn() throws Exception {
		assertThat(new FrameAssembly(10).add("{\"a\":1}", true)).isEqualTo("{\"a\":1}");
	}

	@Test
	void piecesAreJoinedWhenTheLastArrives() throws Exception {
		FrameAssembly assembly = new FrameAssembly(100);
		assertThat(assembly.add("{\"text\":", false)).isNull();
		assertThat(assembly.add("\"你好", false)).isNull();
		assertThat(assembly.add("\"}", true)).isEqualTo("{\"text\":\"你好\"}");
		assertThat(assembly.add("{}", true)).as("the next frame starts afresh").isEqualTo("{}");
	}

	@Test
	void frameGrowingPastTheLimitIsRefused() throws Exception {
		FrameAssembly assembly = new FrameAssembly(8);
		assembly.add("12345", false);
		assertThatThrownBy(() -> assembly.add("6789", false)).isInstanceOf(FrameAssembly.FrameTooLarge.class);
		assertThatThrownBy(() -> new FrameAssembly(8).add("123456789", true))
			.isInstanceOf(FrameAssembly.FrameTooLarge.class);
	}
}
