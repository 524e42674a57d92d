package dev.kefu.bot;

/** What the assistant says besides answers, in the customer's language (Chinese if they write Chinese). */
enum BotLines {
	CHOICES("Did you mean one of these?", "您是想问以下哪个问题？"),
	MISS("Sorry, I don't know that yet. Could you say it another way? Or ask for a person.",
			"抱歉，这个问题我还不会。可以换个说法吗？也可以输入“转人工”。"),
	HANDOVER("I'm connecting you to a person now.", "正在为您转接人工客服，请稍候。"),
	LEAVE_MESSAGE("Nobody can take your chat right now. Leave a message and we will answer you.",
			"现在没有客服可以接待您。请留言，我们会尽快回复您。");

	private final String english;
	private final String chinese;

	BotLines(String english, String chinese) {
		this.english = english;
		this.chinese = chinese;
	}

	String in(boolean chinese) {
		return chinese ? this.chinese : english;
	}

	/**
	 * Whether to answer this question in Chinese: when it is written in Chinese; when it has letters of neither
	 * language (an order number, an emoji), when the greeting is, which a Chinese-only desk writes in Chinese. A
	 * bilingual greeting (the demo's) thus leaves an English question an English answer.
	 */
	static boolean chinese(String question, String greeting) {
		if (chinese(question)) {
			return true;
		}
		return question.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN)
				&& chinese(greeting);
	}

	static boolean chinese(String text) {
		return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}
}
