package dev.kefu.knowledge;

import java.util.Collection;

/**
 * The language a knowledge base is written in, which picks its embedding model: Chinese when at least a third of
 * the entries' questions contain Chinese characters, English otherwise. Read from the content, so an organization
 * needs no setting and a Chinese desk with a few English entries stays Chinese.
 */
enum KnowledgeLanguage {
	CHINESE, ENGLISH;

	static KnowledgeLanguage of(Collection<String> questions) {
		long chinese = questions.stream().filter(KnowledgeLanguage::hasHan).count();
		return chinese * 3 >= questions.size() && chinese > 0 ? CHINESE : ENGLISH;
	}

	static boolean hasHan(String text) {
		return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}
}
